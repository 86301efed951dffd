using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>A C# expression with the Python type it carries.</summary>
    internal readonly struct Ex
    {
        public Ex(string code, PyType type, bool atomic = false, bool intLiteral = false)
        {
            Code = code;
            Type = type;
            Atomic = atomic;
            IntLiteral = intLiteral;
        }

        public string Code { get; }
        public PyType Type { get; }
        /// <summary>For a PyInt result of long operands: the same value computed in two machine words, when it fits there.</summary>
        public WideInt? Wide { get; init; }

        /// <summary>A fresh one-pass iterator (generator call, generator expression, map/zip/enumerate/itertools result):
        /// kept in a variable or passed on, it becomes a PyIterator so next() and every loop share its position.</summary>
        public bool IsIterator { get; init; }

        public Ex AsIterator() => new(Code, Type, Atomic, IntLiteral) { IsIterator = true };

        /// <summary>A functools.partial of a function of the program (calls through a variable bind by name).</summary>
        public Emitter.PartialInfo? Partial { get; init; }
        /// <summary>A functools.partial of a builtin or other callable value, by its call (calls through a variable are its callee's call).</summary>
        public Call? PartialCall { get; init; }
        /// <summary>Needs no parentheses as an operand.</summary>
        public bool Atomic { get; }
        /// <summary>A bare C# integer literal (an int, not yet a PyInt).</summary>
        public bool IntLiteral { get; }

        public string P => Atomic ? Code : "(" + Code + ")";
        public override string ToString() => Code;
    }

    /// <summary>
    /// An int intermediate computed in ulong (non-negative, below 2**64) or Int128: <c>(i + j) * (i + j + 1) // 2</c>
    /// with i, j lengths needs 64 unsigned bits before the division brings it back to a long. Only an operation
    /// that lands in the long range again uses it; anything else takes the PyInt code of the same expression.
    /// </summary>
    internal sealed class WideInt
    {
        public WideInt(string code, System.Numerics.BigInteger lo, System.Numerics.BigInteger hi)
        {
            Code = code;
            Lo = lo;
            Hi = hi;
        }

        public string Code { get; }
        public System.Numerics.BigInteger Lo { get; }
        public System.Numerics.BigInteger Hi { get; }
        public bool Unsigned => Lo >= 0 && Hi <= ulong.MaxValue;
        public string CsType => Unsigned ? "ulong" : "Int128";
    }

    /// <summary>
    /// Turns the program model into C#. It runs over the whole program several times in inference mode
    /// (types of variables, fields, parameters and returns are joined until nothing changes), then once
    /// more to write the code, so one set of typing rules serves inference and emission.
    /// </summary>
    internal sealed partial class Emitter
    {
        private readonly List<ModuleModel> _modules;
        /// <summary>Some function may recurse: handlers then reset the recursion depth (see SaveRecursionDepth).</summary>
        private readonly bool _hasRecursion;
        /// <summary>Some code reads <c>__dict__</c> or calls <c>vars</c>: classes then write their PyVars() (see InstanceDict).</summary>
        private readonly bool _usesInstanceDict;
        /// <summary>Instance attributes the program treats as possibly missing (see AttributesMaybeAbsent): their field reads are checked.</summary>
        private readonly HashSet<string> _maybeAbsent;
        /// <summary>Names used as values (their ids and the name nodes), and of methods fetched by name (see ReachedDynamically).</summary>
        private readonly (HashSet<string> Values, HashSet<string> Methods, HashSet<Name> ValueNodes) _calledDynamically;
        /// <summary>Classes constructed where inference does not see the arguments, found through resolution (see ConstructedDynamically).</summary>
        private readonly HashSet<ClassModel> _constructedDynamically = new();
        private readonly Dictionary<string, ModuleModel> _moduleByName;
        private readonly Dictionary<string, ClassModel> _classByKey;
        private readonly TranspileOptions _options;
        private readonly List<TranspilerDiagnostic> _diagnostics = new();
        private readonly HashSet<string> _diagnosticKeys = new(StringComparer.Ordinal);
        private bool _inferring;
        private bool _changed;

        // current position
        private ModuleModel _module = null!;
        private FunctionModel? _function;
        private ClassModel? _class;
        /// <summary>The class an inherited classmethod is being written for (its cls), see EmitInheritedClassMethods.</summary>
        private ClassModel? _classMethodReceiver;
        /// <summary>The class whose body is being evaluated (its attributes' initializers): its earlier names are in scope.</summary>
        private ClassModel? _classScope;
        private CodeWriter _w = new();
        private int _temp;
        private readonly List<Dictionary<string, Ex>> _narrowed = new();
        private readonly Stack<string?> _loopElseFlags = new();
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PyType> _lambdaScope = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _lambdaNames = new(StringComparer.Ordinal);
        // the comprehension being emitted: its late-bound target names (see CapturedByLambda) and the expressions that may capture them
        private List<(string Name, string Cell, string Type)>? _comprehensionCells;
        private List<ExpressionNode>? _comprehensionNodes;
        private readonly Stack<string> _exceptionVars = new();

        public Emitter(List<ModuleModel> modules, TranspileOptions options)
        {
            _modules = modules;
            _hasRecursion = modules.SelectMany(AllFunctions).Any(f => f is { IsRecursive: true, IsGenerator: false });
            var bodies = modules.SelectMany(m => AllFunctions(m).Select(f => f.Def.Body).Prepend(m.Tree.Body)).ToList();
            _usesInstanceDict = bodies.SelectMany(body => ModelBuilder.WalkExpressions(body))
                .Any(e => e is Attribute { Attr: "__dict__" } or Call { Func: Name { Id: "vars" } });
            _maybeAbsent = AttributesMaybeAbsent(bodies);
            _calledDynamically = ReachedDynamically(bodies);
            _moduleByName = modules.ToDictionary(m => m.Name, StringComparer.Ordinal);
            _classByKey = modules.SelectMany(m => m.Classes.Values).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _options = options;
            PyType.ClassJoin = CommonBase;
            CsTypes.ClassName = ClassCsName;
        }

        public IReadOnlyList<TranspilerDiagnostic> Diagnostics => _diagnostics;

        /// <summary>
        /// What no static code ever typed (a parameter of a function only called dynamically, an int-annotated variable):
        /// an int annotation makes it a PyInt, anything else a dynamic value; a function returning values of unknown type
        /// (sum(args) of a *args nobody calls statically) returns dynamic values, not None. Then infer what depends on it.
        /// </summary>
        private bool SettleOpenTypes()
        {
            var open = AllVars().Where(v => v.Type.Kind == TypeKind.Unknown && !v.Declared && v.Name is not ("self" or "cls" or "_")).ToList();
            var openReturns = _modules.SelectMany(AllFunctions).Where(OpenReturn).ToList();
            // *args no call site typed (a wrapper called through a value): a tuple of dynamic values
            var openVarArgs = _modules.SelectMany(AllFunctions).Select(f => f.VarArgs).Where(v => v is { Declared: false } && (v.Type.Kind == TypeKind.Unknown || v.Type.Kind == TypeKind.VarTuple && v.Type.Elem.Kind == TypeKind.Unknown)).ToList();
            foreach (var v in openVarArgs) v.OrThrow().Type = PyType.VarTuple(PyType.Object);
            if (open.Count == 0 && openReturns.Count == 0 && openVarArgs.Count == 0) return true;
            // a float-annotated parameter of a function called only through a value (decorated, stored) may get ints:
            // dynamic, so area(2, 3) through a decorator still prints 6
            var calledDynamically = new HashSet<VarInfo>(_modules.SelectMany(AllFunctions).Where(f => f.IsDecorated || f.EscapesAsValue).SelectMany(f => f.Params));
            foreach (var v in open) v.Type = v.IntAnnotated ? PyType.Int : v.FloatAnnotated && !calledDynamically.Contains(v) ? PyType.Float : PyType.Object;
            _settledDynamic.UnionWith(open.Where(v => !v.IntAnnotated && !v.FloatAnnotated));
            foreach (var f in openReturns) f.ReturnType = f.ReturnIntAnnotated ? PyType.Int : f.ReturnFloatAnnotated ? PyType.Float : PyType.Object;
            return Infer(MaxRounds);
        }

        private static bool OpenReturn(FunctionModel f) =>
            f.ReturnType.Kind == TypeKind.Unknown && !f.IsGenerator && (f.ReturnIntAnnotated || f.ReturnFloatAnnotated || ModelBuilder.Walk(f.Def.Body).Any(st => st is Return { Value: not null }));

        private string? CommonBase(string a, string b)
        {
            if (Mapping.Libraries.Join(a, b) is { } library) return library;
            var ca = FindClass(a);
            var cb = FindClass(b);
            for (var x = ca; x is not null; x = x.Base)
                if (cb is not null && cb.IsSubclassOf(x)) return x.Key;
            return null;
        }

        /// <summary>A class by its <see cref="ClassModel.Key"/> (a type's name), else by what the name means in the current module.</summary>
        private ClassModel? FindClass(string name)
        {
            if (_classByKey.TryGetValue(name, out var keyed)) return keyed;
            return _module is not null ? ModelBuilder.ClassIn(_module, _moduleByName, name) : null;
        }

        /// <summary>The user class an expression names in scope: <c>Item</c>, or <c>module.Item</c> through an imported module.</summary>
        internal ClassModel? StaticClass(ExpressionNode e) => e switch
        {
            Name n => Resolve(n.Id) is { Kind: ResolvedKind.Class, Class: { } c } ? c : null,
            Attribute { Value: Name m } a => Resolve(m.Id) is { Kind: ResolvedKind.Module, Module: { } um } && um.Classes.TryGetValue(a.Attr, out var c) ? c : null,
            _ => null,
        };

        /// <summary>The standard-library name an expression spells (<c>time</c> from-imported, <c>datetime.time</c>), or null.</summary>
        internal string? StdlibName(ExpressionNode e) => e switch
        {
            Name n => Resolve(n.Id) is { Kind: ResolvedKind.StdlibMember, Qualified: { } q } ? q : null,
            Attribute { Value: Name m } a => Resolve(m.Id) is { Kind: ResolvedKind.Module, Module: null, Qualified: { } q } ? q + "." + a.Attr : null,
            Attribute { Value: Attribute inner, Attr: "from_iterable" } when StdlibName(inner) == "itertools.chain" => "itertools.chain.from_iterable",
            // import collections.abc; collections.abc.Set
            Attribute { Value: Attribute { Value: Name pkg, Attr: "abc" } } a when Resolve(pkg.Id) is { Kind: ResolvedKind.Module, Module: null, Qualified: "collections" } => "collections.abc." + a.Attr,
            _ => null,
        };

        /// <summary>As <see cref="StaticClass"/>, else any class of that name (isinstance, except and case patterns).</summary>
        internal ClassModel? ClassNamed(ExpressionNode e) =>
            StaticClass(e) ?? (e is Name n ? FindClass(n.Id) : e is Attribute a ? FindClass(a.Attr) : null);

        private string ClassCsName(string name)
        {
            var c = FindClass(name);
            if (c is null) return Mapping.ReMapping.CsType(name) ?? Mapping.CsvMapping.CsType(name) ?? Mapping.Libraries.CsType(name) ?? name;
            return ClassCsName(c);
        }

        /// <summary>
        /// A class's C# name where the code is written: qualified by its module class when it lives in another module, or
        /// when the class being written has a member of that name (<c>kind</c> and <c>Kind</c> are both <c>Kind</c> in C#).
        /// </summary>
        private string ClassCsName(ClassModel c) =>
            c.Module != _module || (_class is not null && HasMemberNamed(_class, c.CsName)) ? c.Module.CsName + "." + c.CsName : c.CsName;

        private static bool HasMemberNamed(ClassModel cls, string csName)
        {
            for (var k = cls; k is not null; k = k.Base)
                if (k.Fields.Values.Concat(k.ClassVars.Values).Any(v => v.CsName == csName) || k.Methods.Values.Concat(k.Setters.Values).Concat(k.Deleters.Values).Any(f => f.CsName == csName)) return true;
            return false;
        }

        public IReadOnlyList<GeneratedFile> Run()
        {
            _inferring = true;
            bool converged = Infer(MaxRounds);
            if (converged) converged = SettleOpenTypes();
            if (!converged)
            {
                // Ranges must come from a fixed point to be sound: without one, every int is a PyInt (always exact).
                _noLongRanges = true;
                foreach (var v in AllVars()) if (v.Type.IsLong) v.Type = PyType.Int;
                foreach (var f in _modules.SelectMany(AllFunctions)) if (f.ReturnType.IsLong) f.ReturnType = PyType.Int;
                Infer(MaxRounds);
            }
            _inferring = false;
            ComputeMayResize();
            FinalizeUnknowns();
            var files = new List<GeneratedFile>();
            foreach (var m in _modules)
            {
                var text = EmitModule(m);
                files.Add(new GeneratedFile(m.CsName + ".g.cs", text));
            }
            if (_options.EmitProgram && _options.EntryModule is not null)
            {
                var entry = _modules.FirstOrDefault(m => m.Path == _options.EntryModule) ?? _modules.FirstOrDefault();
                if (entry is not null) files.Add(new GeneratedFile("Program.g.cs", ProgramFile(entry)));
            }
            return files;
        }

        private const int MaxRounds = 40;
        private int _round;
        private bool _noLongRanges;

        /// <summary>Runs inference rounds until nothing changes; false when <paramref name="rounds"/> were not enough.</summary>
        private bool Infer(int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                _round++;
                _changed = false;
                // list effects are those of the last round (earlier rounds saw types not yet settled)
                _loopEffects.Clear();
                _functionEffects.Clear();
                foreach (var m in _modules) EmitModule(m);
                KeepEntryPointsExact();
                if (!_changed) return true;
            }
            return false;
        }

        /// <summary>
        /// Functions reached from outside the calls inference sees (used as values, dunders the runtime calls) take
        /// any int: their int parameters are PyInt.
        /// </summary>
        private void KeepEntryPointsExact()
        {
            foreach (var p in DynamicallyCalled().SelectMany(f => f.Params).Concat(DynamicallyConstructedFields()).Where(TakesAnyArgument)) Widen(p, PyType.Object);
            foreach (var f in _modules.SelectMany(AllFunctions))
            {
                if (!f.EscapesAsValue && !(f.Owner is not null && f.Name.StartsWith("__", StringComparison.Ordinal) && f.Name.EndsWith("__", StringComparison.Ordinal) && f.Name != "__init__")) continue;
                foreach (var p in f.Params) if (p.Type.IsLong) Widen(p, PyType.Int);
            }
        }

        private IEnumerable<VarInfo> AllVars() =>
            _modules.SelectMany(m => m.Globals.Values
                .Concat(AllFunctions(m).SelectMany(f => f.Params.Concat(f.Locals.Values)))
                .Concat(m.Classes.Values.SelectMany(c => c.Fields.Values.Concat(c.ClassVars.Values))));

        /// <summary>Whatever inference never saw becomes dynamic, and says so (BATUTA-T-003).</summary>
        private void FinalizeUnknowns()
        {
            foreach (var m in _modules)
            {
                _module = m;
                foreach (var g in m.Globals.Values) Settle(g, m.Path, 1, "module variable");
                foreach (var f in AllFunctions(m)) SettleFunction(f, m);
                foreach (var c in m.Classes.Values)
                {
                    foreach (var fld in c.Fields.Values) Settle(fld, m.Path, c.Def.Line, $"attribute '{c.Name}.{fld.Name}'");
                    foreach (var cv in c.ClassVars.Values) Settle(cv, m.Path, c.Def.Line, $"class attribute '{c.Name}.{cv.Name}'");
                }
            }
        }

        /// <summary>
        /// Attributes deleted (<c>del obj.attr</c>), tested (<c>hasattr(obj, "attr")</c>, <c>getattr</c> with a default) or
        /// read in a try whose handler catches AttributeError (the lazy-cache idiom): a C# field always holds a value, so
        /// these fields are marked missing until assigned, and their reads raise AttributeError as Python's do.
        /// </summary>
        private static HashSet<string> AttributesMaybeAbsent(List<NodeList<StatementNode>> bodies)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in bodies.SelectMany(body => ModelBuilder.Walk(body)))
            {
                if (s is Delete d) names.UnionWith(d.Targets.OfType<Attribute>().Select(a => a.Attr));
                if (s is Try t && t.Handlers.OfType<ExceptHandler>().Any(h => CatchesAttributeError(h.Type)))
                    names.UnionWith(ModelBuilder.WalkExpressions(t.Body).OfType<Attribute>().Select(a => a.Attr));
                foreach (var e in ModelBuilder.StatementExpressions(s).SelectMany(ModelBuilder.WalkExpression))
                    if (e is Call { Func: Name { Id: "hasattr" or "getattr" }, Args: [_, Constant { Value: string tested }, ..] } call && (call.Func is Name { Id: "hasattr" } || call.Args.Count == 3))
                        names.Add(tested);
            }
            return names;
        }

        /// <summary>
        /// Names a program calls where inference does not see the callee: a class used as a value (<c>cls = Rect</c>,
        /// <c>{"r": Rect}</c>, <c>map(Rect, xs)</c>) and a method fetched by <c>getattr(obj, "name")</c>. Calls by name,
        /// type tests, comparisons and attribute reads (Rect.__name__) are not such uses.
        /// </summary>
        private static (HashSet<string> Values, HashSet<string> Methods, HashSet<Name> ValueNodes) ReachedDynamically(List<NodeList<StatementNode>> bodies)
        {
            var statements = bodies.SelectMany(body => ModelBuilder.Walk(body)).ToList();
            var exprs = statements.SelectMany(ModelBuilder.StatementExpressions).SelectMany(ModelBuilder.WalkExpression).ToList();
            var notValues = new HashSet<ExpressionNode>(statements.OfType<Raise>().Select(r => r.Exc).OfType<ExpressionNode>());
            var methods = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in exprs)
            {
                switch (e)
                {
                    case Call { Func: Name { Id: "isinstance" or "issubclass" or "super" or "type" or "vars" } } test:
                        notValues.Add(test.Func);
                        notValues.UnionWith(test.Args.SelectMany(ModelBuilder.WalkExpression));
                        break;
                    case Call { Func: Name { Id: "getattr" }, Args: [_, Constant { Value: string method }, ..] } get:
                        notValues.Add(get.Func);
                        methods.Add(method);
                        break;
                    case Call call: notValues.Add(call.Func); break;
                    case Attribute a: notValues.Add(a.Value); break;
                    case Compare c: notValues.UnionWith(c.Comparators.Prepend(c.Left)); break;
                }
            }
            var valueNodes = new HashSet<Name>(exprs.OfType<Name>().Where(n => n.Ctx == ExprContext.Load && !notValues.Contains(n)));
            return (new HashSet<string>(valueNodes.Select(n => n.Id), StringComparer.Ordinal), methods, valueNodes);
        }

        /// <summary>The __init__ of each class used as a value and each method fetched by name: their calls pass anything.</summary>
        private IEnumerable<FunctionModel> DynamicallyCalled()
        {
            foreach (var c in _modules.SelectMany(m => m.Classes.Values).Where(c => !c.IsEnum))
            {
                if ((_calledDynamically.Values.Contains(c.Name) || _constructedDynamically.Contains(c)) && c.FindMethod("__init__") is { } init) yield return init;
                foreach (var m in c.Methods.Values.Where(m => _calledDynamically.Methods.Contains(m.Name) && !m.IsProperty && m.Name != "__init__")) yield return m;
            }
        }

        /// <summary>The fields a dataclass (or NamedTuple) without an __init__ of its own takes, when the class is used as a value.</summary>
        private IEnumerable<VarInfo> DynamicallyConstructedFields() =>
            _modules.SelectMany(m => m.Classes.Values)
                .Where(c => c.IsDataclass && c.FindMethod("__init__") is null && (_calledDynamically.Values.Contains(c.Name) || _constructedDynamically.Contains(c)))
                .SelectMany(DataclassFieldsWithBases);

        /// <summary>
        /// A parameter reached through a value becomes dynamic, except that an int annotation keeps its PyInt carrier and a
        /// float annotation its double; a float-annotated one carried as a long (only ints seen) could not hold a float.
        /// </summary>
        private static bool TakesAnyArgument(VarInfo p) => !p.IntAnnotated && !(p.FloatAnnotated && p.Type.Kind != TypeKind.Int);

        private static bool CatchesAttributeError(ExpressionNode? type) =>
            type is Name { Id: "AttributeError" } || type is Tuple tu && tu.Elts.Any(x => x is Name { Id: "AttributeError" });

        private IEnumerable<FunctionModel> AllFunctions(ModuleModel m)
        {
            IEnumerable<FunctionModel> Walk(FunctionModel f) => new[] { f }.Concat(f.Nested.Values.SelectMany(Walk));
            return m.Functions.Values.Concat(m.Classes.Values.SelectMany(c => c.Methods.Values.Concat(c.Setters.Values).Concat(c.Deleters.Values))).SelectMany(Walk);
        }

        private void SettleFunction(FunctionModel f, ModuleModel m)
        {
            foreach (var p in f.Params) Settle(p, m.Path, f.Def.Line, $"parameter '{p.Name}' of {f.Name}()");
            if (f.VarArgs is not null) Settle(f.VarArgs, m.Path, f.Def.Line, "*args");
            if (f.KwArgs is not null) Settle(f.KwArgs, m.Path, f.Def.Line, "**kwargs");
            foreach (var l in f.Locals.Values) Settle(l, m.Path, f.Def.Line, $"variable '{l.Name}' in {f.Name}()");
            if (f.ReturnType.HasUnknown)
            {
                f.ReturnType = f.ReturnType.Kind == TypeKind.Unknown ? (f.ReturnIntAnnotated ? PyType.Int : f.ReturnFloatAnnotated ? PyType.Float : PyType.None)
                    : Replace(f.ReturnFloatTemplate is { } rt ? PyType.FillFrom(f.ReturnType, rt) : f.ReturnType);
            }
        }

        /// <summary>Variables made dynamic after inference found nothing for them (reported as BATUTA-T-003 too).</summary>
        private readonly HashSet<VarInfo> _settledDynamic = new();

        private void Settle(VarInfo v, string path, int line, string what)
        {
            if (v.IntAnnotated && v.Type.Kind == TypeKind.Unknown) v.Type = PyType.Int;
            if (_settledDynamic.Contains(v))
                Report(TranspilerCodes.DynamicFallback, TranspilerSeverity.Info, $"the type of {what} could not be inferred; it is a dynamic value at run time", "add a type annotation to make it static and fast", path, line, 0);
            if (!v.Type.HasUnknown) return;
            if (v.FloatTemplate is { } template) v.Type = PyType.FillFrom(v.Type, template);
            var before = v.Type;
            v.Type = Replace(v.Type);
            if (before.Kind == TypeKind.Unknown && v.Name != "_" && v.Name != "self" && v.Name != "cls")
                Report(TranspilerCodes.DynamicFallback, TranspilerSeverity.Info, $"the type of {what} could not be inferred; it is a dynamic value at run time", "add a type annotation to make it static and fast", path, line, 0);
        }

        private static PyType Replace(PyType t)
        {
            if (t.Kind == TypeKind.Unknown) return PyType.Object;
            if (!t.HasUnknown) return t;
            return t.Kind switch
            {
                TypeKind.List => PyType.List(Replace(t.Args[0])),
                TypeKind.Set => PyType.Set(Replace(t.Args[0])),
                TypeKind.Deque => PyType.Deque(Replace(t.Args[0])),
                TypeKind.Iterable => PyType.Iterable(Replace(t.Args[0])),
                TypeKind.VarTuple => PyType.VarTuple(Replace(t.Args[0])),
                TypeKind.Counter => PyType.CounterOf(Replace(t.Args[0]), t.Value),
                TypeKind.Dict => PyType.Dict(Replace(t.Args[0]), Replace(t.Args[1])),
                TypeKind.DefaultDict => PyType.DefaultDict(Replace(t.Args[0]), Replace(t.Args[1])),
                TypeKind.Tuple => PyType.Tuple(t.Args.Select(Replace).ToArray()),
                TypeKind.Optional => PyType.Optional(Replace(t.Args[0])),
                TypeKind.Func => PyType.Func(Replace(t.Args[0]), t.Args.Skip(1).Select(Replace).ToArray()),
                _ => t,
            };
        }

        // ---- diagnostics ----
        private void Report(string code, TranspilerSeverity severity, string message, string? hint, string path, int line, int column)
        {
            if (_inferring) return;
            var key = code + path + line + message;
            if (!_diagnosticKeys.Add(key)) return;
            _diagnostics.Add(new TranspilerDiagnostic(code, severity, message, hint, path, line, column, line, column));
        }

        private void Report(string code, TranspilerSeverity severity, string message, string? hint, Node at) =>
            Report(code, severity, message, hint, _module.Path, Math.Max(1, at.Line), at.Column);

        /// <summary>BATUTA-T-004: the construct becomes a NotSupportedException thrown at this point.</summary>
        private Ex Unsupported(Node at, string construct, string? hint = null)
        {
            Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{construct} is not supported; the migrated code raises NotSupportedException here", hint ?? "rewrite this part without it", at);
            return new Ex($"Py.Raise<object?>(Py.Unsupported({CsNames.Literal(construct)}, {CsNames.Literal(_module.Path + ":" + at.Line)}))", PyType.Object, true);
        }

        private void UnsupportedStatement(Node at, string construct, string? hint = null)
        {
            Unsupported(at, construct, hint);
            _w.Line($"throw Py.Unsupported({CsNames.Literal(construct)}, {CsNames.Literal(_module.Path + ":" + at.Line)});");
        }

        private string Temp(string prefix = "t") => "__" + prefix + (++_temp);

        /// <summary>
        /// The type of a dynamic fallback. While inference still runs, an operand whose type is not known yet makes
        /// the result "not known yet" too, so an early guess never pins a variable to the dynamic type for good.
        /// </summary>
        private PyType DynamicType(params Ex[] operands) => _inferring && operands.Any(o => o.Type.HasUnknown) ? PyType.Unknown : PyType.Object;

        // ---- type joins recorded by inference ----
        private void Widen(VarInfo v, PyType t)
        {
            if (v.Declared && _inferring && ConflictsWithAnnotation(v.Type, t))
            {
                // Python ignores annotations: a V-annotated parameter given an int holds the int (a dynamic value here)
                v.Declared = false;
                v.Type = PyType.Object;
                _changed = true;
                return;
            }
            if (v.Declared || !_inferring) return;
            var before = v.Type;
            // An int annotation keeps a variable an int against dynamic values, but not against a known non-int
            // (n: int then n /= 2 holds a float, as in Python): the annotation is dropped and the types join.
            if (v.IntAnnotated && t.Kind is not (TypeKind.Int or TypeKind.Bool or TypeKind.Unknown or TypeKind.Object or TypeKind.None)) v.IntAnnotated = false;
            var j = JoinWidening(v.Ints.Steps ? v.Ints.Base : v.Type, t, v.Ints);
            if (v.IntAnnotated && j.Kind is not (TypeKind.Int or TypeKind.Unknown)) j = PyType.Int;
            v.Type = ApplySteps(j, v.Ints);
            if (!v.Type.Equals(before)) _changed = true;
        }

        /// <summary><c>x += k</c> / <c>x -= k</c> on an int variable: record the step instead of joining x + k into x.</summary>
        private void WidenStep(VarInfo v, bool up)
        {
            if (v.Declared || !_inferring) return;
            if (up ? v.Ints.StepUp : v.Ints.StepDown) return;
            var before = v.Type;
            if (!v.Ints.Steps) v.Ints.Base = v.Type;
            if (up) v.Ints.StepUp = true; else v.Ints.StepDown = true;
            v.Type = ApplySteps(v.Ints.Base, v.Ints);
            if (!v.Type.Equals(before)) _changed = true;
        }

        private static PyType ApplySteps(PyType joined, IntRangeState s)
        {
            s.CounterOk = false;
            if (!s.Steps) return joined;
            s.Base = joined;
            if (joined.Kind != TypeKind.Int) return joined;
            // Not a counter (its start is not small): the steps are plain assignments, joined into the start.
            var counter = IntRanges.Counter(joined, s.StepUp, s.StepDown);
            s.CounterOk = counter is not null;
            return counter ?? joined;
        }

        /// <summary>
        /// The join, widened: a long range that keeps growing round after round (a loop or recursion feeding a variable
        /// back into itself) jumps to the long limit on the growing side, so inference ends; the next round then finds
        /// whether the value really stays in 64 bits (else it becomes PyInt). While ranges are off (see Run), an int is PyInt.
        /// </summary>
        private PyType JoinWidening(PyType old, PyType t, IntRangeState s)
        {
            var j = Shallow(PyType.Join(old, t));
            if (_noLongRanges) j = WithoutLongs(j);
            if (!old.IsLong || !j.IsLong || j.Equals(old)) return j;
            if (s.LastGrowthRound != _round) { s.LastGrowthRound = _round; s.Growth++; }
            if (s.Growth <= 3) return j;
            return PyType.Long(j.Lo < old.Lo ? long.MinValue : j.Lo, j.Hi > old.Hi ? long.MaxValue : j.Hi);
        }

        private static PyType WithoutLongs(PyType t) => t.IsLong ? PyType.Int : t;

        /// <summary>
        /// Deeper than this, a type nests itself: a recursive container (<c>l, d = [l], {'k': d}</c> in a loop,
        /// <c>x.append(x)</c>) or lambdas nested hundreds deep. Joins never reach a fixed point on such types (one level
        /// more each round) and their C# names grow with them, so the part past the limit becomes a dynamic value.
        /// </summary>
        internal const int MaxTypeDepth = 8;

        internal static int TypeDepth(PyType t)
        {
            int d = 0;
            foreach (var a in t.Args) d = Math.Max(d, TypeDepth(a));
            return d + 1;
        }

        /// <summary><paramref name="t"/> with its arguments that reach past <see cref="MaxTypeDepth"/> dynamic (object).</summary>
        private static PyType Shallow(PyType t)
        {
            if (t.Args.Count == 0 || TypeDepth(t) <= MaxTypeDepth) return t;
            PyType A(int i) => TypeDepth(t.Args[i]) >= MaxTypeDepth ? PyType.Object : t.Args[i];
            return t.Kind switch
            {
                TypeKind.List => PyType.List(A(0)),
                TypeKind.Set => PyType.Set(A(0)),
                TypeKind.Deque => PyType.Deque(A(0)),
                TypeKind.Iterable => PyType.Iterable(A(0)),
                TypeKind.VarTuple => PyType.VarTuple(A(0)),
                TypeKind.Counter => PyType.CounterOf(A(0), t.Value),
                TypeKind.Dict => PyType.Dict(A(0), A(1)),
                TypeKind.DefaultDict => PyType.DefaultDict(A(0), A(1)),
                TypeKind.Tuple => PyType.Tuple(t.Args.Select((_, i) => A(i)).ToArray()),
                TypeKind.Optional => PyType.Optional(Shallow(t.Args[0])),
                TypeKind.Func => PyType.Func(A(0), t.Args.Skip(1).Select((_, i) => A(i + 1)).ToArray()),
                _ => PyType.Object,
            };
        }

        /// <summary>A program class annotation met by a builtin value (an int where V was annotated): the annotation was wrong.</summary>
        private bool ConflictsWithAnnotation(PyType declared, PyType t) =>
            declared.Kind == TypeKind.Class && FindClass(declared.Name.OrThrow()) is { IsEnum: false }
            && t.Kind is TypeKind.Int or TypeKind.Float or TypeKind.Str or TypeKind.Bool or TypeKind.List or TypeKind.Dict or TypeKind.Tuple or TypeKind.Set;

        private void WidenReturn(FunctionModel f, PyType t)
        {
            if (f.ReturnDeclared && _inferring && ConflictsWithAnnotation(f.ReturnType, t))
            {
                f.ReturnDeclared = false;
                f.ReturnType = PyType.Object;
                _changed = true;
                return;
            }
            if (f.ReturnDeclared || !_inferring) return;
            var j = JoinWidening(f.ReturnType, t, f.ReturnInts);
            if (f.ReturnIntAnnotated && j.Kind is not (TypeKind.Int or TypeKind.Unknown or TypeKind.None) && !(j.Kind == TypeKind.Optional && j.Inner.Kind == TypeKind.Int)) j = PyType.Int;
            if (!j.Equals(f.ReturnType))
            {
                f.ReturnType = j;
                _changed = true;
            }
            // Overrides share one C# signature: a base method that only raises NotImplementedError takes the return
            // type of its overrides (a generator override makes it IEnumerable<T>), and overrides take each other's.
            if (f.Owner is null || f.ReturnType.Kind == TypeKind.Unknown) return;
            foreach (var other in Family(f))
            {
                if (other == f || other.ReturnDeclared || other.IsStatic || other.IsClassMethod) continue;
                var o = JoinWidening(other.ReturnType, f.ReturnType, other.ReturnInts);
                if (!o.Equals(other.ReturnType))
                {
                    other.ReturnType = o;
                    _changed = true;
                }
            }
        }

        private string ProgramFile(ModuleModel entry)
        {
            var w = new CodeWriter();
            w.Line("// <auto-generated>Batuta: the Main of the migrated program (entry module " + entry.Path + ").</auto-generated>");
            w.Line("#nullable enable");
            w.Line("using Batuta.Python.Runtime;");
            w.Line();
            w.Line($"namespace {CsNames.Namespace(_options.RootNamespace)};");
            w.Line();
            w.Open("public static class Program");
            w.Open("public static int Main(string[] args)");
            w.Line($"{entry.CsName}.__name__ = \"__main__\";");
            w.Line($"return PyProgram.Run({CsNames.Literal(System.IO.Path.GetFileName(entry.Path))}, args, {entry.CsName}.Init);");
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
