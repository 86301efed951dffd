using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Builds the program model from the trees: modules, their globals, functions (with nested
    /// closures), classes (fields from annotations and <c>self.x = ...</c>), imports, and the types
    /// annotations fix. Inference then fills in the rest.
    /// </summary>
    internal static class ModelBuilder
    {
        public static readonly HashSet<string> BuiltinExceptions = new(StringComparer.Ordinal)
        {
            "BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "AssertionError", "AttributeError",
            "EOFError", "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "MemoryError", "NameError",
            "OSError", "IOError", "EnvironmentError", "FileNotFoundError", "FileExistsError", "PermissionError", "IsADirectoryError", "NotADirectoryError",
            "TimeoutError", "ConnectionError", "RuntimeError", "NotImplementedError", "RecursionError", "StopIteration", "SystemExit",
            "KeyboardInterrupt", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "Warning",
            "UserWarning", "DeprecationWarning", "UnboundLocalError", "SystemError", "GeneratorExit", "SyntaxError",
            "PendingDeprecationWarning", "RuntimeWarning", "FutureWarning", "SyntaxWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
            "ResourceWarning", "EncodingWarning", "ExceptionGroup", "BaseExceptionGroup",
        };

        public static List<ModuleModel> Build(IReadOnlyList<(string Path, Module Tree)> modules)
        {
            var result = new List<ModuleModel>();
            var usedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, tree) in modules)
            {
                var name = ModuleName(path);
                var last = name.Split('.').Last();
                var cs = CsNames.Pascal(last) + "Module";
                if (cs == "Module") cs = "InitModule";
                while (!usedNames.Add(cs)) cs = CsNames.Pascal(name.Replace('.', '_')) + "Module" + usedNames.Count;
                result.Add(new ModuleModel(name, cs, path, PropertyCalls.Desugar(tree)));
            }
            foreach (var m in result) Declare(m);
            QualifyDuplicateClassNames(result);
            var byName = result.ToDictionary(m => m.Name, StringComparer.Ordinal);
            FlattenReexports(result, byName);
            foreach (var m in result) KeepUserDecorators(m, byName);
            KeepPlainDelegation(result);
            Func<string, PyType?> LookupIn(ModuleModel m) => n => ClassType(m, byName, n);
            foreach (var m in result)
            {
                foreach (var c in m.Classes.Values) ResolveClass(c, byName, LookupIn(m));
            }
            foreach (var c in result.SelectMany(m => m.Classes.Values)) CooperativeSuper.Flatten(c);
            foreach (var c in result.SelectMany(m => m.Classes.Values)) MergeMixins(c, new HashSet<ClassModel>());
            MarkInstanceStoredClassVars(result);
            PerClassAttributes.Mark(result);
            foreach (var m in result)
            {
                var lookup = LookupIn(m);
                foreach (var f in m.Functions.Values) ResolveFunction(f, lookup);
                foreach (var c in m.Classes.Values)
                {
                    foreach (var f in c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values)) ResolveFunction(f, lookup);
                    foreach (var (fname, _, ann) in c.DataFields)
                    {
                        var t = ann is Name { Id: InferredAnnotation } ? null : Annotations.Resolve(ann, lookup);
                        if (t is not null && c.Fields.TryGetValue(fname, out var fv)) Declare(fv, t);
                    }
                }
                foreach (var stmt in m.Tree.Body)
                {
                    if (stmt is AnnAssign { Target: Name n } aa && m.Globals.TryGetValue(n.Id, out var g))
                    {
                        var t = Annotations.Resolve(aa.Annotation, lookup);
                        if (t is not null) Declare(g, t);
                    }
                }
            }
            foreach (var c in result.SelectMany(m => m.Classes.Values)) InheritParameterAnnotations(c);
            Recursion.Mark(result);
            RecursionDepthPassing.Mark(result);
            return result;
        }

        private static PyType? ClassType(ModuleModel scope, IReadOnlyDictionary<string, ModuleModel> modules, string name)
        {
            if (scope.TypeAliases.TryGetValue(name, out var alias) && scope.ResolvingAliases.Add(name))
            {
                try { return Annotations.Resolve(alias, n => ClassType(scope, modules, n)); }
                finally { scope.ResolvingAliases.Remove(name); }
            }
            // a Protocol or TypedDict names a shape, not a class: values of any class (or dicts) match, so the
            // annotation leaves the type to inference
            // so does a base that a class with copied MRO methods (CooperativeSuper) is no C# subclass of
            if (ClassIn(scope, modules, name) is { } c) return IsStructural(c.Def) || c.MixedInto.Any(k => k.Mro is not null) ? null : c.Type;
            if (BuiltinExceptions.Contains(name)) return PyType.Exception(name);
            return null;
        }

        internal static bool IsStructural(ClassDef cd) => cd.Bases.Any(b => b is Name { Id: "Protocol" or "TypedDict" } or Attribute { Attr: "Protocol" or "TypedDict" } or Subscript { Value: Name { Id: "Protocol" } });

        /// <summary>
        /// The class a name means in a module: <c>Name</c> defined or from-imported there, <c>alias.Name</c> through an
        /// imported module; failing both, the first module defining it (what Batuta did before modules could share names).
        /// </summary>
        public static ClassModel? ClassIn(ModuleModel scope, IReadOnlyDictionary<string, ModuleModel> modules, string name)
        {
            int dot = name.LastIndexOf('.');
            if (dot > 0)
            {
                var prefix = name.Substring(0, dot);
                var moduleName = scope.Imports.TryGetValue(prefix, out var imp) && imp.StartsWith("module:", StringComparison.Ordinal) ? imp.Substring(7) : prefix;
                return modules.TryGetValue(moduleName, out var qm) && qm.Classes.TryGetValue(name.Substring(dot + 1), out var qc) ? qc : null;
            }
            if (scope.Classes.TryGetValue(name, out var c)) return c;
            return ImportedClass(scope, modules, name) ?? modules.Values.Select(m => m.Classes.TryGetValue(name, out var oc) ? oc : null).FirstOrDefault(x => x is not null);
        }

        private static readonly HashSet<string> TypingHeads = new(StringComparer.Ordinal)
        {
            "Union", "Optional", "List", "Dict", "Set", "FrozenSet", "Tuple", "Callable", "Iterable", "Iterator", "Sequence", "Mapping",
            "MutableMapping", "MutableSequence", "Type", "Literal", "DefaultDict", "Deque", "Counter", "list", "dict", "set", "frozenset", "tuple", "type",
        };

        /// <summary>
        /// <c>Number = Union[int, float]</c>, <c>Rule = Callable[[Account], bool]</c>, <c>Grid = list[list[int]]</c> at module
        /// level: a type alias (annotations resolve through it; it is not a runtime value), else null.
        /// </summary>
        public static string? TypeAliasName(Assign a)
        {
            if (a.Targets.Count != 1 || a.Targets[0] is not Name target) return null;
            bool IsTypeExpr(ExpressionNode e) => e switch
            {
                Subscript { Value: Name h } => TypingHeads.Contains(h.Id),
                Subscript { Value: Attribute { Value: Name { Id: "typing" }, Attr: var attr } } => TypingHeads.Contains(attr),
                BinOp { Op: Operator.BitOr } b => IsTypeExpr(b.Left) && (IsTypeExpr(b.Right) || b.Right is Name or Constant { Value: null }) || b.Left is Name && IsTypeExpr(b.Right),
                // T = TypeVar("T"), P = ParamSpec("P"), A = Any: names for annotations only
                Call { Func: Name { Id: "TypeVar" or "ParamSpec" or "TypeVarTuple" } or Attribute { Value: Name { Id: "typing" }, Attr: "TypeVar" or "ParamSpec" or "TypeVarTuple" } } => true,
                Name { Id: "Any" } or Attribute { Value: Name { Id: "typing" }, Attr: "Any" } => true,
                _ => false,
            };
            return IsTypeExpr(a.Value) ? target.Id : null;
        }

        private static ClassModel? ImportedClass(ModuleModel scope, IReadOnlyDictionary<string, ModuleModel> modules, string name)
        {
            if (!scope.Imports.TryGetValue(name, out var member) || !member.StartsWith("member:", StringComparison.Ordinal)) return null;
            var parts = member.Split(':');
            return modules.TryGetValue(parts[1], out var im) && im.Classes.TryGetValue(parts[2], out var ic) ? ic : null;
        }

        private static void QualifyDuplicateClassNames(List<ModuleModel> modules)
        {
            foreach (var same in modules.SelectMany(m => m.Classes.Values).Where(c => c.LocalTo is null).GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
                foreach (var c in same) c.Key = c.Module.Name + "." + c.Name;
        }

        public static string ModuleName(string path)
        {
            var p = path.Replace('\\', '/');
            if (p.EndsWith(".py", StringComparison.Ordinal)) p = p.Substring(0, p.Length - 3);
            if (p.EndsWith("/__init__", StringComparison.Ordinal)) p = p.Substring(0, p.Length - 9);
            return p.Replace('/', '.');
        }

        private static void Declare(ModuleModel m)
        {
            // Imports first (also those nested in module-level blocks), so their names are never globals.
            foreach (var stmt in m.Tree.Body.SelectMany(s => new[] { s }.Concat(ChildStatements(s))))
                if (stmt is Import or ImportFrom) DeclareTop(m, stmt);
            // `import bisect` inside a def binds a module, which the function then uses: declared like a module-level one
            foreach (var stmt in ImportsInFunctions(m.Tree.Body))
                if (!m.Imports.ContainsKey(ImportedName(stmt))) DeclareTop(m, stmt);
            foreach (var stmt in m.Tree.Body) if (stmt is not (Import or ImportFrom)) DeclareTop(m, stmt);
            DeclareFunctionAttributes(m);
            LocalClasses.Declare(m);
            SeparateFunctionCsNames(m);
        }

        /// <summary>
        /// <c>counter.calls = 0</c> on a module-level def: each attribute a function is given becomes a module global
        /// named <c>counter.calls</c> (not a Python identifier, so it cannot clash), read and written as <c>f.attr</c>.
        /// </summary>
        private static void DeclareFunctionAttributes(ModuleModel m)
        {
            var finder = new FunctionAttributeFinder(m);
            foreach (var stmt in m.Tree.Body) finder.Visit(stmt);
        }

        private sealed class FunctionAttributeFinder : AstWalker
        {
            private readonly ModuleModel _m;

            public FunctionAttributeFinder(ModuleModel m) => _m = m;

            protected override bool Enter(Node node)
            {
                // a decorated def's attributes live on the decorator's result (a run-time value), not on the def
                if (node is Attribute { Ctx: ExprContext.Store, Value: Name fn } a && _m.Functions.TryGetValue(fn.Id, out var f) && f.Def.DecoratorList.Count == 0 && !_m.Globals.ContainsKey(fn.Id))
                {
                    string key = fn.Id + "." + a.Attr;
                    if (!_m.Globals.ContainsKey(key)) _m.Globals[key] = new VarInfo(key, CsNames.Global(fn.Id + "__" + a.Attr), PyType.Unknown);
                }
                return true;
            }
        }

        /// <summary>
        /// Python's <c>record</c> and <c>Record</c>, or <c>make_item</c> and <c>makeItem</c>, are different names; their C#
        /// names (PascalCase for functions) would not be, so a function whose name is taken gets a trailing underscore.
        /// </summary>
        private static void SeparateFunctionCsNames(ModuleModel m)
        {
            var taken = new HashSet<string>(m.Classes.Values.Select(c => c.CsName).Concat(m.Globals.Values.Select(g => g.CsName)), StringComparer.Ordinal) { m.CsName };
            foreach (var f in m.Functions.Values)
            {
                var name = f.CsName;
                while (!taken.Add(name)) name += "_";
                f.CsName = name;
            }
        }

        private static void DeclareTop(ModuleModel m, StatementNode stmt)
        {
            switch (stmt)
            {
                case FunctionDef fd:
                    if (!m.Functions.ContainsKey(fd.Name)) m.Functions[fd.Name] = NewFunction(fd, null, null);
                    else if (m.Functions.Values.All(f => f.Def != fd))
                    {
                        m.Functions[fd.Name + "#" + (m.Functions.Keys.Count(k => k == fd.Name || k.StartsWith(fd.Name + "#", StringComparison.Ordinal)) + 1)] = NewFunction(fd, null, null);
                        m.RedefinedFunctions.Add(fd.Name);
                        if (!m.Globals.ContainsKey(fd.Name)) m.Globals[fd.Name] = new VarInfo(fd.Name, CsNames.Global(fd.Name), PyType.Unknown);
                    }
                    break;
                case ClassDef cd:
                    if (!m.Classes.ContainsKey(cd.Name)) m.Classes[cd.Name] = NewClass(cd, m);
                    break;
                case Assign a when TypeAliasName(a) is { } alias:
                    m.TypeAliases[alias] = a.Value;
                    break;
                case Assign a when NamedTupleClass(a) is { } synthetic:
                    if (!m.Classes.ContainsKey(synthetic.Name)) m.Classes[synthetic.Name] = NewClass(synthetic, m);
                    break;
                case Import imp:
                    foreach (var a in imp.Names) m.Imports[a.Asname ?? a.Name.Split('.')[0]] = "module:" + (a.Asname is null ? a.Name.Split('.')[0] : a.Name);
                    break;
                case ImportFrom from:
                {
                    var mod = from.Module ?? "";
                    if (from.Level is > 0)
                    {
                        var pkg = RelativeBase(m, from.Level.Value);
                        mod = string.IsNullOrEmpty(pkg) ? mod : string.IsNullOrEmpty(mod) ? pkg : pkg + "." + mod;
                    }
                    foreach (var a in from.Names) m.Imports[a.Asname ?? a.Name] = "member:" + mod + ":" + a.Name;
                    break;
                }
                default:
                    foreach (var n in AssignedNames(new[] { stmt }, includeNested: false))
                        if (!m.Globals.ContainsKey(n) && !m.Functions.ContainsKey(n) && !m.Classes.ContainsKey(n) && !m.Imports.ContainsKey(n))
                            m.Globals[n] = new VarInfo(n, CsNames.Global(n), PyType.Unknown);
                    // definitions nested in module-level if/try blocks
                    foreach (var inner in ChildStatements(stmt)) if (inner is FunctionDef or ClassDef) DeclareTop(m, inner);
                    break;
            }
        }

        /// <summary>
        /// The package a relative import starts from: the module's own package (a package's __init__ is that package
        /// itself), one level up per extra dot.
        /// </summary>
        private static string RelativeBase(ModuleModel m, int level)
        {
            static string Parent(string name) => name.Contains('.') ? name.Substring(0, name.LastIndexOf('.')) : "";
            bool isPackage = m.Path.Replace('\\', '/').EndsWith("__init__.py", StringComparison.Ordinal);
            var pkg = isPackage ? m.Name : Parent(m.Name);
            for (int i = 1; i < level; i++) pkg = Parent(pkg);
            return pkg;
        }

        /// <summary>
        /// <c>from pkg import f</c> where pkg's __init__ re-exports f (<c>from .mod import f</c>): the import points at
        /// where f is defined, so every lookup (functions, classes, globals) finds it.
        /// </summary>
        private static void FlattenReexports(List<ModuleModel> modules, IReadOnlyDictionary<string, ModuleModel> byName)
        {
            foreach (var m in modules)
                foreach (var local in m.Imports.Keys.ToList())
                    for (int hop = 0; hop < 8 && m.Imports[local] is var target && target.StartsWith("member:", StringComparison.Ordinal); hop++)
                    {
                        var parts = target.Split(':');
                        if (!byName.TryGetValue(parts[1], out var src) || Defines(src, parts[2]) || !src.Imports.TryGetValue(parts[2], out var next)) break;
                        m.Imports[local] = next;
                    }
        }

        private static bool Defines(ModuleModel m, string name) => m.Globals.ContainsKey(name) || m.Functions.ContainsKey(name) || m.Classes.ContainsKey(name);

        private static IEnumerable<StatementNode> ImportsInFunctions(IEnumerable<StatementNode> body)
        {
            foreach (var s in body)
            {
                if (s is FunctionDef fd)
                {
                    foreach (var inner in Walk(fd.Body))
                        if (inner is Import or ImportFrom) yield return inner;
                    foreach (var nested in ImportsInFunctions(fd.Body)) yield return nested;
                }
                else if (s is ClassDef cd)
                {
                    foreach (var nested in ImportsInFunctions(cd.Body)) yield return nested;
                }
            }
        }

        private static string ImportedName(StatementNode s) => s switch
        {
            Import imp => imp.Names[0].Asname ?? imp.Names[0].Name.Split('.')[0],
            ImportFrom ifr => ifr.Names[0].Asname ?? ifr.Names[0].Name,
            _ => "",
        };

        private static IEnumerable<StatementNode> ChildStatements(StatementNode s) => s switch
        {
            If i => i.Body.Concat(i.Orelse).SelectMany(x => new[] { x }.Concat(ChildStatements(x))),
            ITryStatement t => t.Body.Concat(t.Orelse).Concat(t.Finalbody).Concat(t.Handlers.OfType<ExceptHandler>().SelectMany(h => h.Body)).SelectMany(x => new[] { x }.Concat(ChildStatements(x))),
            With w => w.Body.SelectMany(x => new[] { x }.Concat(ChildStatements(x))),
            For f => f.Body.Concat(f.Orelse).SelectMany(x => new[] { x }.Concat(ChildStatements(x))),
            While w => w.Body.Concat(w.Orelse).SelectMany(x => new[] { x }.Concat(ChildStatements(x))),
            _ => Enumerable.Empty<StatementNode>(),
        };

        /// <summary>
        /// User decorators are applied only when they name a function or class of the program (a def, a class whose
        /// instances wrap the function, or a call of one that returns the decorator); any other (a library's @app.route) stays an unsupported decorator (BATUTA-T-004).
        /// </summary>
        private static void KeepUserDecorators(ModuleModel m, IReadOnlyDictionary<string, ModuleModel> modules)
        {
            bool IsUserFunction(ExpressionNode d, ClassModel? owner) => IsSingleDispatch(m, d) || d switch
            {
                Call c => IsUserFunction(c.Func, owner),
                Name n => m.Functions.ContainsKey(n.Id) || m.Classes.ContainsKey(n.Id) || m.Imports.TryGetValue(n.Id, out var imp) && imp.StartsWith("member:", StringComparison.Ordinal)
                    && imp.Split(':') is var parts && modules.TryGetValue(parts[1], out var src) && src.Functions.ContainsKey(parts[2]),
                Attribute { Value: Name mod } a => m.Imports.TryGetValue(mod.Id, out var mi) && mi.StartsWith("module:", StringComparison.Ordinal)
                    && modules.TryGetValue(mi.Substring(7), out var um) && um.Functions.ContainsKey(a.Attr)
                    || IsProgramInstance(m, mod.Id) || IsDispatcherRegister(m, a, owner),
                _ => false,
            };
            foreach (var f in m.Functions.Values.Concat(m.Classes.Values.SelectMany(c => c.Methods.Values)).Where(f => f.IsDecorated))
            {
                RegisterByAnnotation(m, f);
                bool plainMethod = f.Owner is null || !(f.IsStatic || f.IsClassMethod || f.IsProperty || f.IsSetter || f.Name.StartsWith("__", StringComparison.Ordinal));
                var other = f.Decorators.FirstOrDefault(d => !IsUserFunction(d, f.Owner));
                if (other is null && plainMethod) continue;
                other ??= f.Decorators[0];
                f.UnsupportedDecorator = other is Name on ? on.Id : other is Attribute oa ? oa.Attr : other is Call { Func: Name cn } ? cn.Id : "(expression)";
                f.Decorators.Clear();
            }
        }

        /// <summary>
        /// <c>@singledispatch</c> / <c>@functools.singledispatch</c> (or <c>singledispatchmethod</c> on a method): the
        /// runtime's dispatcher decorates the def.
        /// </summary>
        internal static bool IsSingleDispatch(ModuleModel m, ExpressionNode d) => d switch
        {
            Name n => m.Imports.TryGetValue(n.Id, out var imp) && imp is "member:functools:singledispatch" or "member:functools:singledispatchmethod",
            Attribute { Value: Name mod, Attr: "singledispatch" or "singledispatchmethod" } => m.Imports.TryGetValue(mod.Id, out var mi) && mi == "module:functools",
            _ => false,
        };

        /// <summary>
        /// A generator that only delegates with <c>yield from</c> needs the send-capable form only when something can send
        /// to it: without a <c>.send(</c>/<c>.throw(</c> call in the program it stays a plain C# iterator (the faster form).
        /// A @contextmanager generator keeps it: its with statement throws into it.
        /// </summary>
        private static void KeepPlainDelegation(List<ModuleModel> modules)
        {
            IEnumerable<StatementNode> Deep(IEnumerable<StatementNode> body) =>
                Walk(body).SelectMany(st => st switch
                {
                    FunctionDef fd => new[] { st }.Concat(Deep(fd.Body)),
                    ClassDef cd => new[] { st }.Concat(Deep(cd.Body)),
                    _ => new[] { st },
                });
            var called = new HashSet<string>(modules.SelectMany(m => Deep(m.Tree.Body)).SelectMany(StatementExpressions).SelectMany(WalkExpression)
                .Select(e => e is Call { Func: Attribute { Attr: "send" or "throw" or "close" } a } ? a.Attr : "").Where(a => a.Length > 0));
            IEnumerable<FunctionModel> WithNested(FunctionModel f) => new[] { f }.Concat(f.Nested.Values.SelectMany(WithNested));
            var all = modules.SelectMany(m => m.Functions.Values.Concat(m.Classes.Values.SelectMany(c => c.Methods.Values))).SelectMany(WithNested).ToList();
            if (!called.Contains("send") && !called.Contains("throw"))
            {
                foreach (var f in all)
                    if (f.ReceivesSent && !f.IsContextManager && !SentYields(f.Def.Body).Any()) f.ReceivesSent = false;
            }
            ReceiveAtHandledYields(all.Where(f => f.IsGenerator), called);
        }

        /// <summary>
        /// throw() raises at the paused yield, close() raises GeneratorExit there: a generator whose except clauses are
        /// around a yield takes the resumable form when the program calls them (any handler for throw(), one naming
        /// GeneratorExit for close()), so the exception reaches its handlers. The others stay plain C# iterators:
        /// nothing in them can catch it, so the runtime closes them (finally blocks run) and raises it at the caller.
        /// </summary>
        private static void ReceiveAtHandledYields(IEnumerable<FunctionModel> generators, HashSet<string> called)
        {
            bool throws = called.Contains("throw"), closes = called.Contains("close");
            if (!throws && !closes) return;
            foreach (var f in generators)
            {
                var around = Walk(f.Def.Body).OfType<ITryStatement>().Where(t => ContainsYield(t.Body)).ToList();
                var handled = around.SelectMany(t => t.Handlers.OfType<ExceptHandler>());
                // a finally block that yields runs (and yields: an error) when close() raises GeneratorExit at the yield
                if (handled.Any(h => throws || CatchesGeneratorExit(h)) || (closes && around.Any(t => ContainsYield(t.Finalbody)))) f.ReceivesSent = true;
            }
        }

        /// <summary>A handler that catches GeneratorExit: one naming it (the close() idiom), BaseException, or a bare except.</summary>
        private static bool CatchesGeneratorExit(ExceptHandler h) =>
            h.Type is null || IsGeneratorExitCatcher(h.Type) || h.Type is Tuple tu && tu.Elts.Any(IsGeneratorExitCatcher);

        private static bool IsGeneratorExitCatcher(ExpressionNode e) => e is Name { Id: "GeneratorExit" or "BaseException" };

        /// <summary><c>fn.register</c> of a module-level @singledispatch def, or of a @singledispatchmethod of the class.</summary>
        private static bool IsDispatcherRegister(ModuleModel m, Attribute a, ClassModel? owner) =>
            a is { Attr: "register", Value: Name fn }
            && ((owner is null ? m.Functions : owner.Methods).TryGetValue(fn.Id, out var g) && g.Decorators.Any(d => IsSingleDispatch(m, d)));

        /// <summary>A def decorated <c>@x.register</c> or <c>@x.register(cls)</c>, the dispatcher idiom that reuses one name (_).</summary>
        private static bool IsRegisterDecorated(FunctionDef fd) =>
            fd.DecoratorList.Any(d => d is Attribute { Attr: "register" } or Call { Func: Attribute { Attr: "register" } });

        /// <summary>
        /// A bare <c>@fn.register</c> registers the def for its first parameter's annotation: the decorator becomes
        /// <c>@fn.register(annotation)</c> (a union <c>int | str</c> as the tuple of its classes), as the runtime has no annotations.
        /// </summary>
        private static void RegisterByAnnotation(ModuleModel m, FunctionModel f)
        {
            // a method dispatches on its first argument after self
            var first = f.Def.Args.Posonlyargs.Concat(f.Def.Args.Args).Skip(f.Owner is null ? 0 : 1).FirstOrDefault()?.Annotation;
            for (int i = 0; i < f.Decorators.Count; i++)
            {
                if (f.Decorators[i] is not Attribute a || !IsDispatcherRegister(m, a, f.Owner) || first is null) continue;
                var classes = first is BinOp { Op: Operator.BitOr } ? new Tuple(NodeList.Of(UnionMembers(first).ToArray()), ExprContext.Load, first.Span) : first;
                f.Decorators[i] = new Call(a, NodeList.Of(classes), NodeList<Keyword>.Empty, a.Span);
            }
        }

        private static IEnumerable<ExpressionNode> UnionMembers(ExpressionNode e) =>
            e is BinOp { Op: Operator.BitOr } b ? UnionMembers(b.Left).Concat(UnionMembers(b.Right)) : new[] { e };

        /// <summary>
        /// A module global made by calling a class of the module (<c>bus = Bus()</c>): its methods are program functions, so
        /// <c>@bus.subscribe</c> is a user decorator.
        /// </summary>
        private static bool IsProgramInstance(ModuleModel m, string name) =>
            m.Globals.ContainsKey(name) && m.Tree.Body.OfType<Assign>().Any(a => a.Targets.Count == 1 && a.Targets[0] is Name t && t.Id == name
                && a.Value is Call { Func: Name cls } && m.Classes.ContainsKey(cls.Id));

        /// <summary>What one decorator of a def means: a marker (staticmethod, property, cache...), or a user decorator.</summary>
        private static void ApplyDecorator(FunctionModel f, ExpressionNode d, bool moduleLevel)
        {
            var dn = d is Name n ? n.Id : d is Attribute a ? a.Attr : d is Call { Func: Name cn } ? cn.Id : d is Call { Func: Attribute ca } ? ca.Attr : "";
            if (dn == "staticmethod") f.IsStatic = true;
            else if (dn == "classmethod") f.IsClassMethod = true;
            else if (dn == "property") f.IsProperty = true;
            else if (dn == "cached_property") { f.IsProperty = true; f.IsCachedProperty = true; }
            else if (dn == "setter") f.IsSetter = true;
            else if (dn == "deleter") f.IsDeleter = true;
            else if (dn == "abstractmethod") f.IsAbstract = true;
            else if (dn == "cache") { f.Cached = true; f.CacheMaxSize = null; }
            else if (dn == "lru_cache")
            {
                f.Cached = true;
                // @lru_cache and @lru_cache() keep 128 results; maxsize=None keeps all
                var size = d is Call lc ? (lc.Args.Count > 0 ? lc.Args[0] : lc.Keywords.FirstOrDefault(k => k.Arg == "maxsize")?.Value) : null;
                f.CacheMaxSize = d is Call && size is null ? 128 : size switch
                {
                    null => 128,
                    Constant { Value: null } => null,
                    Constant { Value: System.Numerics.BigInteger b } => (long)b,
                    _ => 128,
                };
            }
            else if (dn == "wraps") return;
            else if (dn == "contextmanager") f.IsContextManager = true;
            else if (moduleLevel && d is Name or Attribute or Call) f.Decorators.Add(d);
            else f.UnsupportedDecorator ??= dn.Length > 0 ? dn : "(expression)";
        }

        internal static FunctionModel NewFunction(FunctionDef fd, ClassModel? owner, FunctionModel? parent)
        {
            var f = new FunctionModel(fd.Name, owner is null && parent is null ? CsNames.Member(fd.Name) : parent is not null ? CsNames.Local(fd.Name) : CsNames.Member(fd.Name), fd, owner, parent);
            foreach (var d in fd.DecoratorList) ApplyDecorator(f, d, parent is null);
            // Python makes __init_subclass__ a classmethod implicitly
            if (owner is not null && fd.Name == "__init_subclass__") f.IsClassMethod = true;
            // __new__ is a static method taking the class: here a class method (cls is the class)
            if (owner is not null && fd.Name == "__new__") f.IsClassMethod = true;
            var all = fd.Args.Posonlyargs.Concat(fd.Args.Args).Concat(fd.Args.Kwonlyargs).ToList();
            bool skipFirst = owner is not null && !f.IsStatic;
            for (int i = 0; i < all.Count; i++)
            {
                if (i == 0 && skipFirst) continue;
                f.Params.Add(new VarInfo(all[i].Name, CsNames.Local(all[i].Name), PyType.Unknown));
            }
            if (f.IsSetter && f.Params.Count > 0) f.Params[0] = new VarInfo(f.Params[0].Name, "value", PyType.Unknown);
            if (fd.Args.Vararg is not null) f.VarArgs = new VarInfo(fd.Args.Vararg.Name, CsNames.Local(fd.Args.Vararg.Name), PyType.Unknown);
            if (fd.Args.Kwarg is not null) f.KwArgs = new VarInfo(fd.Args.Kwarg.Name, CsNames.Local(fd.Args.Kwarg.Name), PyType.Dict(PyType.Str, PyType.Unknown));
            foreach (var s in Walk(fd.Body))
            {
                if (s is Global g) foreach (var n in g.Names) f.Globals.Add(n);
                if (s is Nonlocal nl) foreach (var n in nl.Names) f.Nonlocals.Add(n);
            }
            var paramNames = new HashSet<string>(all.Select(a => a.Name).Concat(fd.Args.Vararg is null ? Array.Empty<string>() : new[] { fd.Args.Vararg.Name }).Concat(fd.Args.Kwarg is null ? Array.Empty<string>() : new[] { fd.Args.Kwarg.Name }));
            foreach (var n in AssignedNames(fd.Body, includeNested: false))
            {
                if (f.Globals.Contains(n) || f.Nonlocals.Contains(n) || paramNames.Contains(n)) continue;
                f.Locals[n] = new VarInfo(n, CsNames.Local(n), PyType.Unknown);
            }
            f.IsGenerator = ContainsYield(fd.Body);
            // yield from forwards send() and throw() to the subgenerator (PEP 380), so a delegating generator receives too
            // so does a @contextmanager generator whose except clauses may catch what the with block raises at its yield
            f.ReceivesSent = f.IsGenerator && (SentYields(fd.Body).Any() || YieldNodes(fd.Body).Any(x => x is YieldFrom)
                || f.IsContextManager && Walk(fd.Body).Any(st => st is ITryStatement { Handlers.Count: > 0 } t && ContainsYield(t.Body)));
            foreach (var s in fd.Body.SelectMany(x => new[] { x }.Concat(NestedBlocks(x))))
            {
                if (s is FunctionDef nested && !f.Nested.ContainsKey(nested.Name))
                {
                    f.Nested[nested.Name] = NewFunction(nested, null, f);
                    f.Locals.Remove(nested.Name);
                }
                else if (s is FunctionDef again && f.Nested.Values.All(x => x.Def != again))
                {
                    int k = f.Nested.Keys.Count(key => key == again.Name || key.StartsWith(again.Name + "#", StringComparison.Ordinal)) + 1;
                    f.Nested[again.Name + "#" + k] = NewFunction(again, null, f);
                    f.RedefinedNested.Add(again.Name);
                    f.Locals[again.Name] = new VarInfo(again.Name, CsNames.Local(again.Name), PyType.Unknown);
                }
            }
            // the local holding the name takes its C# name: each def is a local function of its own
            foreach (var (def, i) in f.Nested.Values.Where(x => f.RedefinedNested.Contains(x.Name)).Select((x, i) => (x, i)))
                def.CsName += "__def" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return f;
        }

        private static IEnumerable<StatementNode> NestedBlocks(StatementNode s) => s switch
        {
            If i => i.Body.Concat(i.Orelse).SelectMany(x => new[] { x }.Concat(NestedBlocks(x))),
            For fo => fo.Body.Concat(fo.Orelse).SelectMany(x => new[] { x }.Concat(NestedBlocks(x))),
            While wh => wh.Body.Concat(wh.Orelse).SelectMany(x => new[] { x }.Concat(NestedBlocks(x))),
            ITryStatement t => t.Body.Concat(t.Orelse).Concat(t.Finalbody).Concat(t.Handlers.OfType<ExceptHandler>().SelectMany(h => h.Body)).SelectMany(x => new[] { x }.Concat(NestedBlocks(x))),
            With w => w.Body.SelectMany(x => new[] { x }.Concat(NestedBlocks(x))),
            _ => Enumerable.Empty<StatementNode>(),
        };

        internal static ClassModel NewClass(ClassDef cd, ModuleModel m, string? csName = null)
        {
            var c = new ClassModel(cd.Name, csName ?? ClassCsName(cd), cd, m);
            foreach (var d in cd.DecoratorList)
            {
                var dn = d is Name n ? n.Id : d is Attribute a ? a.Attr : d is Call { Func: Name cn } ? cn.Id : d is Call { Func: Attribute ca } ? ca.Attr : "";
                if (dn == "dataclass")
                {
                    c.IsDataclass = true;
                    if (d is Call dc)
                        foreach (var kw in dc.Keywords)
                        {
                            if (kw.Arg == "order" && kw.Value is Constant { Value: true }) c.DataclassOrder = true;
                            if (kw.Arg == "frozen" && kw.Value is Constant { Value: true }) c.DataclassFrozen = true;
                        }
                }
            }
            // class Pt(namedtuple("Pt", "x y")): the named tuple's fields are the class's own, as in class Pt(NamedTuple)
            var inheritedFields = cd.Bases.OfType<Call>().Select(NamedTupleFields).FirstOrDefault(f => f is not null);
            if (inheritedFields is not null) c.IsNamedTuple = c.IsDataclass = c.DataclassFrozen = c.DataclassOrder = true;
            foreach (var s in (inheritedFields ?? Enumerable.Empty<StatementNode>()).Concat(cd.Body))
            {
                switch (s)
                {
                    case FunctionDef fd:
                    {
                        var f = NewFunction(fd, c, null);
                        if (f.IsSetter) c.Setters[fd.Name] = f;
                        else if (f.IsDeleter)
                        {
                            // beside the property of the same name, not in place of its getter
                            f.CsName = "__Delete" + f.CsName;
                            c.Deleters[fd.Name] = f;
                        }
                        else if (c.Methods.ContainsKey(fd.Name) && IsRegisterDecorated(fd))
                        {
                            // each registered implementation stays: its decorator runs where the class statement does
                            int k = c.Methods.Keys.Count(key => key == fd.Name || key.StartsWith(fd.Name + "#", StringComparison.Ordinal)) + 1;
                            f.CsName += "__def" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            c.Methods[fd.Name + "#" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)] = f;
                        }
                        else c.Methods[fd.Name] = f;
                        break;
                    }
                    case AnnAssign { Target: Name n } aa:
                    {
                        // x: T = v in a plain class body is a class attribute (instances read it until they assign
                        // their own); in a dataclass or NamedTuple it declares a field with a default.
                        bool classVar = aa.Annotation is Subscript { Value: Name { Id: "ClassVar" } } || aa.Annotation is Name { Id: "ClassVar" }
                            || aa.Value is not null && !c.IsDataclass && !cd.Bases.Any(b => b is Name { Id: "NamedTuple" or "TypedDict" } or Attribute { Attr: "NamedTuple" or "TypedDict" });
                        if (classVar)
                        {
                            c.ClassVars[n.Id] = new VarInfo(n.Id, CsNames.Member(n.Id), PyType.Unknown);
                        }
                        else
                        {
                            c.DataFields.Add((n.Id, aa.Value, aa.Annotation));
                            AddField(c, n.Id);
                        }
                        break;
                    }
                    // __rmul__ = __mul__: the same function under a second name
                    case Assign { Targets: [Name alias], Value: Name original } when c.Methods.TryGetValue(original.Id, out var aliased):
                    {
                        var d = aliased.Def;
                        c.Methods[alias.Id] = NewFunction(new FunctionDef(alias.Id, d.Args, d.Body, d.DecoratorList, d.Returns, d.TypeComment, d.Span), c, null);
                        break;
                    }
                    case Assign { Targets: var targets } when targets.Count == 1 && targets[0] is Name tn:
                        c.ClassVars[tn.Id] = new VarInfo(tn.Id, CsNames.Member(tn.Id), PyType.Unknown);
                        break;
                }
            }
            foreach (var f in c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values)) AddSelfStores(c, f);
            return c;
        }

        /// <summary>Attributes a method assigns through self are the class's instance fields.</summary>
        internal static void AddSelfStores(ClassModel c, FunctionModel f)
        {
            var self = !f.IsStatic && !f.IsClassMethod ? f.FirstParameter : null;
            if (self is null) return;
            foreach (var node in WalkExpressions(f.Def.Body))
            {
                if (node is not Attribute { Value: Name sn, Ctx: ExprContext.Store } at || sn.Id != self) continue;
                c.InstanceStores.Add(at.Attr);
                if (!c.ClassVars.ContainsKey(at.Attr) && !c.Methods.ContainsKey(at.Attr)) AddField(c, at.Attr);
            }
        }

        /// <summary>Class attributes assigned on something other than a class name anywhere (obj.count = 5) get an instance slot.</summary>
        private static void MarkInstanceStoredClassVars(List<ModuleModel> modules)
        {
            var finder = new InstanceStoreFinder(modules.SelectMany(m => m.Classes.Keys));
            foreach (var m in modules) finder.Visit(m.Tree);
            var classes = modules.SelectMany(m => m.Classes.Values).ToList();
            foreach (var c in classes)
                foreach (var name in c.ClassVars.Keys)
                {
                    if (DataDescriptorClass(c, name, classes) is { } descriptor) c.DataDescriptors[name] = descriptor;
                    else if (finder.Stored.Contains(name)) c.InstanceStores.Add(name);
                }
            foreach (var c in classes) c.InstanceStores.ExceptWith(c.DataDescriptors.Keys);
        }

        /// <summary>The class of a class attribute made by calling a program class that defines <c>__set__</c> (<c>balance = Positive()</c>).</summary>
        private static ClassModel? DataDescriptorClass(ClassModel c, string name, List<ClassModel> classes)
        {
            var value = c.Def.Body.Select(s => s switch { Assign { Targets: [Name n] } a when n.Id == name => a.Value, AnnAssign { Target: Name an } aa when an.Id == name => aa.Value, _ => null })
                .LastOrDefault(v => v is not null);
            return value is Call { Func: Name fn } ? classes.FirstOrDefault(k => k.Name == fn.Id && k.FindMethod("__set__") is not null) : null;
        }

        /// <summary>
        /// The class's C# name: <c>Hits_</c> when one of its attributes or methods (<c>self.hits</c>) has the C# member name
        /// <c>Hits</c>, which C# forbids inside a type of that name (CS0542).
        /// </summary>
        private static string ClassCsName(ClassDef cd)
        {
            var name = CsNames.Type(cd.Name);
            var finder = new MemberNameFinder();
            foreach (var s in cd.Body) finder.Visit(s);
            var classLevel = cd.Body.Select(s => s switch { Assign { Targets: [Name n] } => n.Id, AnnAssign { Target: Name an } => an.Id, _ => null });
            return finder.Names.Concat(classLevel).Any(n => n is not null && CsNames.Member(n) == name) ? name + "_" : name;
        }

        private sealed class MemberNameFinder : AstWalker
        {
            public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

            protected override bool Enter(Node node)
            {
                switch (node)
                {
                    case Attribute a: Names.Add(a.Attr); break;
                    case FunctionDef f: Names.Add(f.Name); break;
                    case AsyncFunctionDef af: Names.Add(af.Name); break;
                }
                return node is not ClassDef;
            }
        }

        private sealed class InstanceStoreFinder(IEnumerable<string> classNames) : AstWalker
        {
            private readonly HashSet<string> _classNames = new(classNames, StringComparer.Ordinal);

            public HashSet<string> Stored { get; } = new(StringComparer.Ordinal);

            protected override bool Enter(Node node)
            {
                if (node is Attribute { Ctx: ExprContext.Store } a && !(a.Value is Name n && _classNames.Contains(n.Id))) Stored.Add(a.Attr);
                return true;
            }
        }

        /// <summary>
        /// <c>class Dog(Animal, JsonMixin)</c>: C# keeps Animal as the base, and JsonMixin's methods and class attributes
        /// (with its own bases') that Dog and Animal's chain do not define become Dog's, as Python's MRO finds them
        /// there. A mixin's <c>__init__</c> and dataclass or exception mixins are not merged (BATUTA-T-004 says so).
        /// </summary>
        private static void MergeMixins(ClassModel c, HashSet<ClassModel> done)
        {
            if (!done.Add(c) || c.Mro is not null) return;
            bool mixinsFirst = MixinsBeforeBase(c, done);
            foreach (var mixin in c.Mixins.ToList())
            {
                MergeMixins(mixin, done);
                if (!Mergeable(mixin) && !(mixinsFirst && CooperativeInit(c, mixin)))
                {
                    c.Mixins.Remove(mixin);
                    continue;
                }
                foreach (var s in MixinChain(mixin).SelectMany(x => x.Body)) MergeMember(c, s, mixinsFirst);
                mixin.MixedInto.Add(c);
            }
        }

        private static bool Mergeable(ClassModel mixin) =>
            !(mixin.IsDataclass || mixin.IsException || mixin.IsEnum || MixinChain(mixin).Any(x => x.Methods.ContainsKey("__init__")));

        /// <summary>
        /// <c>class C(Mixin, Base)</c> where only the last base has an __init__ (the state): C# derives from Base and merges
        /// the earlier bases, whose members then come first, as in Python's MRO (C, Mixin, Base).
        /// </summary>
        private static bool MixinsBeforeBase(ClassModel c, HashSet<ClassModel> done)
        {
            if (c.Base is not { } first || c.Mixins.Count == 0) return false;
            foreach (var x in c.Mixins.Append(first)) MergeMixins(x, done);
            var last = c.Mixins[c.Mixins.Count - 1];
            var before = c.Mixins.Take(c.Mixins.Count - 1).Prepend(first).ToList();
            if (Mergeable(last) || !before.All(x => Mergeable(x) || CooperativeInit(c, x)) || before.Count(x => !Mergeable(x)) > 1) return false;
            c.Mixins.RemoveAt(c.Mixins.Count - 1);
            c.Mixins.Insert(0, first);
            c.Base = last;
            DropBaseFields(c);
            return true;
        }

        /// <summary>
        /// Fields the base declares belong to the base; a base's class attribute assigned through self is that
        /// attribute's instance shadow (Emitter.ClassVarRouting), not a new field.
        /// </summary>
        internal static void DropBaseFields(ClassModel c)
        {
            for (var b = c.Base; b is not null; b = b.Base)
                foreach (var name in c.FieldOrder.ToList())
                    if (b.Fields.ContainsKey(name) || b.ClassVars.ContainsKey(name) || b.Setters.ContainsKey(name) || b.Methods.TryGetValue(name, out var bm) && bm.IsProperty) { c.Fields.Remove(name); c.FieldOrder.Remove(name); }
        }

        /// <summary>
        /// <c>class C(Mixin, Base)</c> where Mixin's own __init__ ends in <c>super().__init__(...)</c> (cooperative keyword
        /// forwarding): in C's MRO that call reaches Base, so the merged __init__ becomes C's, whose C# base is Base.
        /// Only one such mixin, and only where C has no __init__ of its own (that would call the mixin's by super()).
        /// </summary>
        private static bool CooperativeInit(ClassModel c, ClassModel mixin) =>
            !c.Methods.ContainsKey("__init__") && mixin.Base is null && !(mixin.IsDataclass || mixin.IsException || mixin.IsEnum)
            && mixin.Methods.TryGetValue("__init__", out var init)
            && init.Def.Body.Any(s => s is Expr { Value: Call { Func: Attribute { Attr: "__init__", Value: Call { Func: Name { Id: "super" } } } } });

        private static IEnumerable<ClassModel> MixinChain(ClassModel mixin)
        {
            for (var x = mixin; x is not null; x = x.Base) yield return x;
        }

        internal static void MergeMember(ClassModel c, StatementNode s, bool beforeBase)
        {
            string? name = MemberName(s);
            if (name is null || (beforeBase ? c.Methods.ContainsKey(name) || c.Setters.ContainsKey(name) || c.ClassVars.ContainsKey(name) || c.MixinBody.Any(m => MemberName(m) == name) : Defines(c, name))) return;
            c.MixinBody.Add(s);
            if (s is FunctionDef def)
            {
                var f = NewFunction(def, c, null);
                if (f.IsSetter) c.Setters[name] = f;
                else c.Methods[name] = f;
                AddSelfStores(c, f);
            }
            else c.ClassVars[name] = new VarInfo(name, CsNames.Member(name), PyType.Unknown);
        }

        internal static string? MemberName(StatementNode s) => s switch { FunctionDef fd => fd.Name, Assign { Targets: [Name n] } => n.Id, AnnAssign { Target: Name an } => an.Id, _ => null };

        /// <summary>The class or its first base's chain defines the name (it comes before any mixin in the MRO).</summary>
        private static bool Defines(ClassModel c, string name)
        {
            for (var x = c; x is not null; x = x.Base)
                if (x.Methods.ContainsKey(name) || x.Setters.ContainsKey(name) || x.ClassVars.ContainsKey(name)) return true;
            return false;
        }

        private static void AddField(ClassModel c, string name)
        {
            if (c.Fields.ContainsKey(name)) return;
            c.Fields[name] = new VarInfo(name, CsNames.Member(name), PyType.Unknown);
            c.FieldOrder.Add(name);
        }

        /// <summary>The builtins a class may derive from as a value class (Emitter.ValueClasses).</summary>
        private static readonly HashSet<string> ValueBases = new(StringComparer.Ordinal) { "tuple", "str", "list", "dict", "int", "float" };

        private static void ResolveClass(ClassModel c, IReadOnlyDictionary<string, ModuleModel> modules, Func<string, PyType?> lookup)
        {
            foreach (var b in c.Def.Bases)
            {
                var bn = b is Name n ? n.Id : b is Attribute a ? a.Attr : null;
                var qualified = b is Attribute { Value: Name q } qa ? q.Id + "." + qa.Attr : bn;
                if (bn is null) continue;
                if (bn is "Enum" or "IntEnum" or "StrEnum" or "IntFlag" or "Flag")
                {
                    c.IsEnum = true;
                    c.EnumKind = bn is "IntEnum" or "IntFlag" ? "IntEnum" : bn == "StrEnum" ? "StrEnum" : bn == "Flag" ? "Flag" : c.EnumKind ?? "Enum";
                    c.EnumIntFlag |= bn == "IntFlag";
                    continue;
                }
                if (bn == "str" && c.Def.Bases.Any(x => x is Name { Id: "Enum" } || x is Attribute { Attr: "Enum" })) { c.EnumKind = "StrMixin"; continue; }
                if (bn == "int" && c.Def.Bases.Any(x => x is Name { Id: "Enum" } || x is Attribute { Attr: "Enum" })) { c.EnumKind = "IntEnum"; c.EnumIntMixin = true; continue; }
                if (ValueBases.Contains(bn) && b is Name && c.Def.Bases.Count == 1) { c.ValueBase = bn; continue; }
                if (bn == "NamedTuple") { c.IsNamedTuple = true; c.IsDataclass = true; c.DataclassFrozen = true; c.DataclassOrder = true; continue; }
                if (BuiltinExceptions.Contains(bn)) { c.BuiltinBase = bn; continue; }
                // class Item(Item): the base is the Item imported under that name, not the class being defined.
                var bc = ClassIn(c.Module, modules, qualified.OrThrow());
                if (bc == c) bc = ImportedClass(c.Module, modules, bn) ?? modules.Values.Select(m => m.Classes.TryGetValue(bn, out var oc) && oc != c ? oc : null).FirstOrDefault(x => x is not null);
                if (bc is null) continue;
                if (c.Base is null) c.Base = bc;
                else if (!c.Mixins.Contains(bc)) c.Mixins.Add(bc);
            }
            DropBaseFields(c);
            if (c.IsEnum)
            {
                foreach (var cv in c.ClassVars.Values) { cv.Type = c.Type; cv.Declared = true; }
                var values = c.Def.Body.OfType<Assign>().Where(a => a.Targets[0] is Name).Select(a => a.Value switch
                {
                    Constant { Value: System.Numerics.BigInteger } or UnaryOp { Operand: Constant { Value: System.Numerics.BigInteger } } => PyType.Int,
                    Call { Func: Name { Id: "auto" } or Attribute { Attr: "auto" } } => PyType.Int,
                    Constant { Value: string } => PyType.Str,
                    Constant { Value: double } => PyType.Float,
                    _ => PyType.Object,
                }).ToList();
                c.EnumValueType = values.Count == 0 ? PyType.Object : values.Aggregate(PyType.Unknown, PyType.Join);
                if (c.IsIntEnum || c.EnumKind == "Flag") c.EnumValueType = PyType.Int;
            }
        }

        /// <summary>
        /// An override's unannotated parameter takes the annotation of the method it overrides: C# overrides share one
        /// signature, which a dynamic call widening the override's parameter alone would break (CS0115).
        /// </summary>
        private static void InheritParameterAnnotations(ClassModel c)
        {
            foreach (var f in c.Methods.Values.Where(m => !m.IsStatic && !m.IsClassMethod && m.Name != "__init__"))
                for (int i = 0; i < f.Params.Count; i++)
                    if (!f.Params[i].Declared && DeclaredInBase(c, f.Name, i) is { } declared)
                    {
                        f.Params[i].Type = declared.Type;
                        f.Params[i].Declared = true;
                    }
        }

        private static VarInfo? DeclaredInBase(ClassModel c, string name, int index)
        {
            for (var b = c.Base; b is not null; b = b.Base)
                if (b.Methods.TryGetValue(name, out var bm) && index < bm.Params.Count && bm.Params[index].Declared) return bm.Params[index];
            return null;
        }

        private static void ResolveFunction(FunctionModel f, Func<string, PyType?> lookup)
        {
            var all = f.Def.Args.Posonlyargs.Concat(f.Def.Args.Args).Concat(f.Def.Args.Kwonlyargs).ToList();
            foreach (var p in f.Params)
            {
                var arg = all.First(a => a.Name == p.Name);
                var t = Annotations.Resolve(arg.Annotation, lookup);
                // A property's setter value and getter share the C# property's one type: a float annotation fixes it.
                if (t is not null && f.IsSetter && t.Equals(PyType.Float)) { p.Type = t; p.Declared = true; }
                else if (t is not null) Declare(p, t);
            }
            if (f.VarArgs is not null)
            {
                var t = Annotations.Resolve(f.Def.Args.Vararg.OrThrow().Annotation, lookup);
                if (t is not null) { f.VarArgs.Type = PyType.VarTuple(t); f.VarArgs.Declared = true; }
            }
            if (f.KwArgs is not null && Annotations.Resolve(f.Def.Args.Kwarg.OrThrow().Annotation, lookup) is { } kt && !kt.Equals(PyType.Int))
            {
                f.KwArgs.Type = PyType.Dict(PyType.Str, kt);
                f.KwArgs.Declared = true;
            }
            var rt = Annotations.Resolve(f.Def.Returns, lookup);
            if (rt is not null && rt.Equals(PyType.Int) && !f.IsGenerator) f.ReturnIntAnnotated = true;
            else if (rt is not null && rt.Equals(PyType.Float) && !f.IsGenerator && !HasSetter(f)) f.ReturnFloatAnnotated = true;
            else if (rt is not null)
            {
                if (f.IsGenerator && rt.Kind != TypeKind.Iterable) rt = PyType.Iterable(rt.Kind == TypeKind.Object ? PyType.Unknown : rt.Elem);
                if (rt.HasNestedFloat && !HasSetter(f))
                {
                    f.ReturnFloatTemplate = rt;
                    rt = rt.FloatsAsUnknown();
                }
                f.ReturnType = rt;
                f.ReturnDeclared = !rt.HasUnknown;
            }
            if (f.Def.Name == "__init__") { f.ReturnType = PyType.None; f.ReturnDeclared = true; }
            var self = f.Owner is not null && !f.IsStatic ? f.FirstParameter : null;
            foreach (var s in Walk(f.Def.Body))
            {
                if (s is AnnAssign { Target: Name an } aa && f.Locals.TryGetValue(an.Id, out var local))
                {
                    var lt = Annotations.Resolve(aa.Annotation, lookup);
                    if (lt is not null) Declare(local, lt);
                }
                // self.out: Dict[str, List[str]] = {} declares the attribute's type
                else if (s is AnnAssign { Target: Attribute { Value: Name sn } at } sa && sn.Id == self && f.Owner.OrThrow().Fields.TryGetValue(at.Attr, out var field) && !field.Declared)
                {
                    var ft = Annotations.Resolve(sa.Annotation, lookup);
                    if (ft is not null) Declare(field, ft);
                }
            }
            foreach (var n in f.Nested.Values) ResolveFunction(n, lookup);
        }

        /// <summary>A property with a setter: the getter and setter share one C# type, which the annotation fixes.</summary>
        private static bool HasSetter(FunctionModel f) => f.IsProperty && f.Owner is { } c && c.Setters.ContainsKey(f.Name);

        /// <summary>A synthetic annotation: the field's type is inferred (namedtuple fields have none).</summary>
        public const string InferredAnnotation = "__batuta_inferred__";

        /// <summary>
        /// <c>Point = namedtuple("Point", ["x", "y"], defaults=...)</c> at module level: the class it makes, as the
        /// equivalent <c>class Point(NamedTuple)</c> with inferred field types.
        /// </summary>
        public static ClassDef? NamedTupleClass(Assign a)
        {
            if (a.Targets.Count != 1 || a.Targets[0] is not Name target || a.Value is not Call call) return null;
            if (NamedTupleFields(call) is not { } body) return null;
            return new ClassDef(target.Id, NodeList.Of<ExpressionNode>(new Name("NamedTuple", ExprContext.Load, a.Span)), NodeList.Of<Keyword>(), NodeList.Of(body), NodeList.Of<ExpressionNode>(), a.Span);
        }

        /// <summary>The fields a <c>namedtuple("P", "x y", defaults=...)</c> call declares, as a NamedTuple class body declares them.</summary>
        private static StatementNode[]? NamedTupleFields(Call call)
        {
            if (call.Func is not (Name { Id: "namedtuple" } or Attribute { Attr: "namedtuple" }) || call.Args.Count < 2) return null;
            IEnumerable<string>? fields = call.Args[1] switch
            {
                Constant { Value: string s } => s.Replace(',', ' ').Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                List l when l.Elts.All(x => x is Constant { Value: string }) => l.Elts.Select(x => (string)((Constant)x).Value.OrThrow()),
                Tuple t when t.Elts.All(x => x is Constant { Value: string }) => t.Elts.Select(x => (string)((Constant)x).Value.OrThrow()),
                _ => null,
            };
            if (fields is null) return null;
            var names = fields.ToList();
            var defaults = call.Keywords.FirstOrDefault(k => k.Arg == "defaults")?.Value is Tuple or List ? ((call.Keywords.First(k => k.Arg == "defaults").Value as Tuple)?.Elts ?? ((List)call.Keywords.First(k => k.Arg == "defaults").Value).Elts).ToList() : new List<ExpressionNode>();
            var span = call.Span;
            return names.Select((n, i) =>
            {
                int d = i - (names.Count - defaults.Count);
                return (StatementNode)new AnnAssign(new Name(n, ExprContext.Store, span), new Name(InferredAnnotation, ExprContext.Load, span), d >= 0 ? defaults[d] : null, true, span);
            }).ToArray();
        }

        /// <summary>
        /// An annotation fixes the type, except a plain <c>int</c>: that says "an int" but leaves its carrier (a long when
        /// its range is proven, else PyInt) to inference.
        /// </summary>
        private static void Declare(VarInfo v, PyType t)
        {
            if (t.Equals(PyType.Int))
            {
                v.IntAnnotated = true;
                return;
            }
            // float accepts ints in Python, and an int stays an int (f(1) with x: float prints 1): the carrier comes from
            // what is assigned (double when only floats are), a float when nothing static is.
            if (t.Equals(PyType.Float))
            {
                v.FloatAnnotated = true;
                return;
            }
            if (t.HasNestedFloat)
            {
                v.FloatTemplate = t;
                t = t.FloatsAsUnknown();
            }
            v.Type = t;
            v.Declared = !t.HasUnknown;
        }

        // ---- tree walks ----
        public static IEnumerable<StatementNode> Walk(IEnumerable<StatementNode> body)
        {
            foreach (var s in body)
            {
                yield return s;
                if (s is FunctionDef or ClassDef or AsyncFunctionDef) continue;
                foreach (var inner in Walk(Children(s))) yield return inner;
            }
        }

        private static IEnumerable<StatementNode> Children(StatementNode s) => s switch
        {
            If i => i.Body.Concat(i.Orelse),
            For f => f.Body.Concat(f.Orelse),
            While w => w.Body.Concat(w.Orelse),
            With w => w.Body,
            ITryStatement t => t.Body.Concat(t.Handlers.OfType<ExceptHandler>().SelectMany(h => h.Body)).Concat(t.Orelse).Concat(t.Finalbody),
            Match m => m.Cases.SelectMany(c => c.Body),
            _ => Enumerable.Empty<StatementNode>(),
        };

        public static IEnumerable<string> AssignedNames(IEnumerable<StatementNode> body, bool includeNested)
        {
            foreach (var s in Walk(body))
            {
                switch (s)
                {
                    case Assign a: foreach (var t in a.Targets) foreach (var n in TargetNames(t)) yield return n; break;
                    case AugAssign aa: foreach (var n in TargetNames(aa.Target)) yield return n; break;
                    case AnnAssign an when an.Target is Name: foreach (var n in TargetNames(an.Target)) yield return n; break;
                    case For f: foreach (var n in TargetNames(f.Target)) yield return n; break;
                    case With w: foreach (var it in w.Items) if (it.OptionalVars is not null) foreach (var n in TargetNames(it.OptionalVars)) yield return n; break;
                    case ITryStatement t: foreach (var h in t.Handlers.OfType<ExceptHandler>()) if (h.Name is not null) yield return h.Name; break;
                    case FunctionDef fd when includeNested: yield return fd.Name; break;
                    case Match m:
                        foreach (var c in m.Cases) foreach (var n in PatternNames(c.Pattern)) yield return n;
                        break;
                }
                foreach (var e in StatementExpressions(s))
                    foreach (var x in WalkExpression(e))
                        if (x is NamedExpr ne && ne.Target is Name nn) yield return nn.Id;
            }
        }

        internal static IEnumerable<string> PatternNames(PatternNode p)
        {
            switch (p)
            {
                case MatchAs ma:
                    if (ma.Name is not null) yield return ma.Name;
                    if (ma.Pattern is not null) foreach (var n in PatternNames(ma.Pattern)) yield return n;
                    break;
                case MatchStar ms when ms.Name is not null: yield return ms.Name; break;
                case MatchSequence sq: foreach (var x in sq.Patterns) foreach (var n in PatternNames(x)) yield return n; break;
                case MatchOr mo: foreach (var x in mo.Patterns) foreach (var n in PatternNames(x)) yield return n; break;
                case MatchMapping mm:
                    foreach (var x in mm.Patterns) foreach (var n in PatternNames(x)) yield return n;
                    if (mm.Rest is not null) yield return mm.Rest;
                    break;
                case MatchClass mc: foreach (var x in mc.Patterns.Concat(mc.KwdPatterns)) foreach (var n in PatternNames(x)) yield return n; break;
            }
        }

        public static IEnumerable<string> TargetNames(ExpressionNode t)
        {
            switch (t)
            {
                case Name n: yield return n.Id; break;
                case Tuple tu: foreach (var e in tu.Elts) foreach (var n in TargetNames(e)) yield return n; break;
                case List l: foreach (var e in l.Elts) foreach (var n in TargetNames(e)) yield return n; break;
                case Starred s: foreach (var n in TargetNames(s.Value)) yield return n; break;
            }
        }

        public static bool ContainsYield(IEnumerable<StatementNode> body) => YieldNodes(body).Any();

        private static IEnumerable<ExpressionNode> YieldNodes(IEnumerable<StatementNode> body) =>
            Walk(body).SelectMany(StatementExpressions).SelectMany(WalkExpression).Where(x => x is Yield or YieldFrom);

        /// <summary>The yields whose value the body uses (<c>x = yield v</c>): what send() passes in, or None.</summary>
        public static IEnumerable<Yield> SentYields(StatementNode s) =>
            StatementExpressions(s).SelectMany(WalkExpression).OfType<Yield>().Where(y => !(s is Expr e && ReferenceEquals(e.Value, y)));

        private static IEnumerable<Yield> SentYields(IEnumerable<StatementNode> body) => Walk(body).SelectMany(SentYields);

        public static IEnumerable<ExpressionNode> StatementExpressions(StatementNode s) => s switch
        {
            Expr e => new[] { e.Value },
            Assign a => a.Targets.Concat(new[] { a.Value }),
            AugAssign aa => new[] { aa.Target, aa.Value },
            AnnAssign an => an.Value is null ? new[] { an.Target } : new[] { an.Target, an.Value },
            Return r => r.Value is null ? Array.Empty<ExpressionNode>() : new[] { r.Value },
            If i => new[] { i.Test },
            While w => new[] { w.Test },
            For f => new[] { f.Target, f.Iter },
            With w => w.Items.SelectMany(it => it.OptionalVars is null ? new[] { it.ContextExpr } : new[] { it.ContextExpr, it.OptionalVars }),
            Raise r => new[] { r.Exc, r.Cause }.Where(x => x is not null).Select(x => x.OrThrow()),
            Assert a => a.Msg is null ? new[] { a.Test } : new[] { a.Test, a.Msg },
            Delete d => d.Targets,
            Match m => new[] { m.Subject },
            _ => Array.Empty<ExpressionNode>(),
        };

        /// <summary>Every expression under <paramref name="e"/>, not descending into lambdas.</summary>
        public static IEnumerable<ExpressionNode> WalkExpression(ExpressionNode? e)
        {
            if (e is null) yield break;
            yield return e;
            IEnumerable<ExpressionNode?> kids = e switch
            {
                BoolOp b => b.Values,
                NamedExpr n => new[] { n.Target, n.Value },
                BinOp b => new[] { b.Left, b.Right },
                UnaryOp u => new[] { u.Operand },
                IfExp i => new[] { i.Test, i.Body, i.Orelse },
                Dict d => d.Keys.Concat(d.Values),
                Set s => s.Elts,
                ListComp lc => new[] { lc.Elt }.Concat(lc.Generators.SelectMany(g => new[] { g.Iter }.Concat(g.Ifs))),
                SetComp sc => new[] { sc.Elt }.Concat(sc.Generators.SelectMany(g => new[] { g.Iter }.Concat(g.Ifs))),
                DictComp dc => new[] { dc.Key, dc.Value }.Concat(dc.Generators.SelectMany(g => new[] { g.Iter }.Concat(g.Ifs))),
                GeneratorExp ge => new[] { ge.Elt }.Concat(ge.Generators.SelectMany(g => new[] { g.Iter }.Concat(g.Ifs))),
                Await a => new[] { a.Value },
                Yield y => new[] { y.Value },
                YieldFrom yf => new[] { yf.Value },
                Compare c => new[] { c.Left }.Concat(c.Comparators),
                Call c => new[] { c.Func }.Concat(c.Args).Concat(c.Keywords.Select(k => k.Value)),
                FormattedValue f => new[] { f.Value, f.FormatSpec },
                JoinedStr j => j.Values,
                Attribute a => new[] { a.Value },
                Subscript s => new[] { s.Value, s.Slice },
                Starred s => new[] { s.Value },
                List l => l.Elts,
                Tuple t => t.Elts,
                Slice s => new[] { s.Lower, s.Upper, s.Step },
                _ => Array.Empty<ExpressionNode>(),
            };
            foreach (var k in kids)
                foreach (var x in WalkExpression(k)) yield return x;
        }

        public static IEnumerable<ExpressionNode> WalkExpressions(IEnumerable<StatementNode> body) =>
            Walk(body).SelectMany(StatementExpressions).SelectMany(WalkExpression);
    }
}
