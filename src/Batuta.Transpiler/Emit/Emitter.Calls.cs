using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        // Facade for the mapping tables.
        internal Ex Expr(ExpressionNode e, PyType? expected = null) => EmitExpr(e, expected);
        internal Ex CoerceTo(Ex v, PyType t) => Coerce(v, t);

        /// <summary>
        /// A key= function for elements of type <paramref name="elem"/>. A function value typed for other elements
        /// (a dict of lambdas on object) is wrapped to take exactly <paramref name="elem"/>: otherwise C# infers the
        /// generic element type from the function and the result is a list of object.
        /// </summary>
        /// <param name="noneIsIdentity">whether a None held in a variable stands for the item itself (sorted, groupby, filter)
        /// rather than a callable (takewhile(None, xs) raises, as in Python)</param>
        internal Ex KeyFunction(ExpressionNode key, PyType elem, bool noneIsIdentity = true)
        {
            // key=cmp_to_key(cmp): cmp(a, b) on two elements, its sign orders them
            if (key is Call { Args.Count: 1 } ck && StdlibName(ck.Func) == "functools.cmp_to_key")
            {
                var cmp = EmitExpr(ck.Args[0], PyType.Func(PyType.Unknown, elem, elem));
                string call = cmp.Type.Kind == TypeKind.Func ? $"{cmp.P}(__x, __y)" : $"Dyn.Call({Box(cmp)}, {Box(new Ex("__x", elem, true))}, {Box(new Ex("__y", elem, true))})";
                var keyType = PyType.Func(PyType.Object, elem);
                return new Ex($"Py.CmpToKey<{CsTypes.Of(elem)}>((__x, __y) => {(cmp.Type.Kind == TypeKind.Func ? Box(new Ex(call, cmp.Type.Return, true)) : call)})", keyType, true);
            }
            var k = EmitExpr(key, PyType.Func(PyType.Unknown, elem));
            // a run-time callable (key=inv.d.get, a bound method of a value): called on each element, its results compared dynamically
            // (or a key=None default of a function parameter typed as an optional function)
            if (k.Type.Kind is TypeKind.Object || (k.Type.Kind == TypeKind.Optional && noneIsIdentity))
                return new Ex($"new Func<{CsTypes.Of(elem)}, object?>(__kx => Dyn.{(noneIsIdentity ? "CallKey" : "Call")}({k.Code}, {Box(new Ex("__kx", elem, true))}))", PyType.Func(PyType.Object, elem), true);
            if (k.Type.Kind != TypeKind.Func || k.Type.Params.Count() != 1 || CsTypes.Of(k.Type.Params.First()) == CsTypes.Of(elem)) return k;
            return Coerce(k, PyType.Func(k.Type.Return, elem));
        }
        internal static string BoxOf(Ex v) => Box(v);
        internal Ex SpreadCallOf(Ex f, Call c) => SpreadCallValue(f, c);
        internal string TruthOf(Ex v) => Truth(v);
        internal string EnumerableOf(Ex v) => AsEnumerable(v);
        internal PyType ElementOf(PyType t) => ElementType(t);
        internal Ex NotSupported(Node at, string construct, string? hint = null) => Unsupported(at, construct, hint);
        internal void Contribute(ExpressionNode container, PyType contribution) => ContributeTo(container, contribution);
        internal string IndexOf(Ex key) => IndexCode(key);
        internal static string Long(Ex e) => LongCode(e);
        internal string TempName(string prefix) => Temp(prefix);
        internal bool IsUserClass(PyType t) => t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is not null;
        internal ClassModel? ClassOf(PyType t) => t.Kind == TypeKind.Class ? FindClass(t.Name.OrThrow()) : null;
        internal string StrOfValue(Ex v) => StrOf(v);
        internal string FormatArgsOf(Ex r) => FormatArgs(r);
        internal Ex Peek(ExpressionNode e) => EmitExprQuiet(e);

        /// <summary>
        /// Where a call is, as logging records and warnings name it: the module ("__main__" for the entry module), its
        /// file, the line and the enclosing function's name (Python's co_name).
        /// </summary>
        internal string SourceSite(Node at) =>
            $"new SourceSite({CsNames.Literal(_module.Path == _options.EntryModule ? "__main__" : _module.Name)}, {CsNames.Literal(_module.Path)}, {at.Line.ToString(Inv)}L, {CsNames.Literal(_innerFrame ?? _function?.Def.Name ?? "<module>")})";

        /// <summary>The name of the code object a lambda or comprehension runs in (Python's co_name), while its body is emitted.</summary>
        private string? _innerFrame;

        private Ex InFrame(string name, Func<Ex> emit)
        {
            var outer = _innerFrame;
            _innerFrame = name;
            try
            {
                return emit();
            }
            finally
            {
                _innerFrame = outer;
            }
        }
        internal PyType DynamicOf(params Ex[] operands) => DynamicType(operands);

        private Ex EmitCall(Call call, PyType expected)
        {
            // Box[str](): a generic class subscripted with its type arguments constructs the class
            if (call.Func is Subscript { Value: Name generic } && Resolve(generic.Id).Kind == ResolvedKind.Class)
                call = new Call(generic, call.Args, call.Keywords, call.Span);
            switch (call.Func)
            {
                case Name n:
                {
                    if (n.Id is "eval" or "exec" or "compile" or "globals" or "locals" or "__import__" or "breakpoint" && Resolve(n.Id).Kind == ResolvedKind.Builtin)
                        return Unsupported(call, n.Id + "()", "dynamic code execution cannot be migrated statically; replace it with explicit code");
                    var r = Resolve(n.Id);
                    switch (r.Kind)
                    {
                        case ResolvedKind.Function: return CallFunction(r.Function.OrThrow(), r.Code, call);
                        case ResolvedKind.Class: return Construct(r.Class.OrThrow(), r.Code, call);
                        case ResolvedKind.Builtin:
                            if (ModelBuilder.BuiltinExceptions.Contains(n.Id))
                                return new Ex($"new {CsTypes.RuntimeException(n.Id)}({string.Join(", ", call.Args.Select(a => Box(EmitExpr(a))))})", PyType.Exception(n.Id), true);
                        {
                            var b = MappedCall(call, n.Id + "()", () => WhileArgumentsUnknown(() => Mapping.Builtins.Call(this, n.Id, call, expected)));
                            return n.Id is "map" or "filter" or "zip" or "enumerate" or "reversed" ? b.AsIterator() : b;
                        }
                        case ResolvedKind.StdlibMember:
                        {
                            var s = MappedCall(call, r.Qualified + "()", () => WhileArgumentsUnknown(() => Mapping.StdlibModules.Call(this, r.Qualified.OrThrow(), call, expected)));
                            return r.Qualified.OrThrow().StartsWith("itertools.", StringComparison.Ordinal) ? s.AsIterator() : s;
                        }
                        case ResolvedKind.Local or ResolvedKind.Global:
                            if (r.Var is { } pv && _partials.TryGetValue(pv, out var partial)) return CallPartial(new Ex(r.Code, r.NarrowedType ?? pv.Type, true), partial, call);
                            if (r.Var is { } cv && _partialCalls.TryGetValue(cv, out var partialCall) && partialCall is not null && ThroughPartial(partialCall, call) is { } direct) return EmitCall(direct, expected);
                            return CallValue(new Ex(r.Code, r.NarrowedType ?? r.Var.OrThrow().Type, true), call);
                    }
                    return CallValue(EmitName(n), call);
                }
                case Attribute { Value: Attribute } nested when StdlibName(nested) is "itertools.chain.from_iterable":
                    return MappedCall(call, "itertools.chain.from_iterable()", () => Mapping.StdlibModules.Call(this, "itertools.chain.from_iterable", call, expected));
                case Attribute { Attr: "__class__" }:
                    break;
                case Attribute a:
                    return CallAttribute(a, call, expected);
            }
            var callee = EmitExpr(call.Func);
            // type(self)(x * k, y * k), self.__class__(...): the instance's own class, this one or any subclass
            if (TypeOfName(call.Func) is { } receiver && ClassOf(EmitName(receiver).Type) is { } own)
                ConstructedDynamically(own, withSubclasses: true);
            return CallValue(callee, call);
        }

        /// <summary>The name in <c>type(name)</c> (the builtin) or <c>name.__class__</c>, else null.</summary>
        private Name? TypeOfName(ExpressionNode e) => e switch
        {
            Call { Func: Name { Id: "type" }, Args.Count: 1 } typeOf when typeOf.Args[0] is Name n && Resolve("type").Kind == ResolvedKind.Builtin => n,
            Attribute { Attr: "__class__", Value: Name n } => n,
            _ => null,
        };

        /// <summary>
        /// A class object that may be called where inference does not see the arguments: <c>cls</c> stored as a value
        /// (<c>registry[name] = cls</c> in <c>__init_subclass__</c>), <c>type(self)(...)</c> (this class or any subclass).
        /// Its __init__ joins those of the classes used as values by name (DynamicallyCalled): its parameters are dynamic.
        /// </summary>
        private void ConstructedDynamically(ClassModel c, bool withSubclasses)
        {
            _constructedDynamically.Add(c);
            if (!withSubclasses) return;
            foreach (var m in _modules)
                foreach (var sub in m.Classes.Values)
                    if (sub.IsSubclassOf(c)) _constructedDynamically.Add(sub);
        }

        private int _unknownSeen;

        /// <summary>
        /// A mapping row's failure to bind this call's arguments (too few positional arguments, keywords where it reads
        /// positions): only the row's own reads get here, an argument's own failure is caught by its EmitExpr.
        /// </summary>
        private static bool IsArgumentShape(Exception e) => e is Mapping.ArgumentShapeException or IndexOutOfRangeException or ArgumentOutOfRangeException;

        /// <summary>A method's row (library types, str/list/dict/...); null: no row, or an argument shape it does not bind (then the dynamic call).</summary>
        private Ex? MappedMethod(Ex obj, Attribute a, Call call, PyType expected)
        {
            try
            {
                if (Mapping.Libraries.CallMethod(this, obj, a.Attr, call) is { } library) return library;
                return MaybeWhileArgumentsUnknown(() => Mapping.Members.Call(this, obj, a, call, expected));
            }
            catch (Exception e) when (IsArgumentShape(e))
            {
                // an argument shape the method's row does not bind: the method is called dynamically, as Python would
                Report(TranspilerCodes.DynamicFallback, TranspilerSeverity.Info, $"the arguments of .{a.Attr}() are not bound statically ({e.Message}); the call is dynamic at run time", "pass the arguments as the Python documentation lists them", call);
                return null;
            }
        }

        /// <summary>A builtin or standard-library row; an argument shape it does not bind is BATUTA-T-004 there, never an internal error.</summary>
        private Ex MappedCall(Call call, string function, Func<Ex> mapped)
        {
            try { return mapped(); }
            catch (Exception e) when (IsArgumentShape(e))
            {
                return Unsupported(call, $"{function} with these arguments", "pass the arguments as the Python documentation lists them");
            }
        }

        /// <summary>
        /// A mapped call (builtin, standard module, method) whose int or dynamic result depends on arguments inference has not typed yet: "not known yet"
        /// too, as for operators (DynamicType), so an early guess (a PyInt, a full long range) never sticks.
        /// </summary>
        private Ex WhileArgumentsUnknown(Func<Ex> call) => MaybeWhileArgumentsUnknown(() => call()).OrThrow().Value;

        private Ex? MaybeWhileArgumentsUnknown(Func<Ex?> call)
        {
            int before = _unknownSeen;
            var r = call();
            if (_inferring && r is { } v && _unknownSeen != before && v.Type.Kind is TypeKind.Int or TypeKind.Object)
                return new Ex(v.Code, PyType.Unknown, v.Atomic);
            return r;
        }

        private Ex CallValue(Ex f, Call call)
        {
            NoteUnknownCode();
            if (call.Args.Any(a => a is Starred) || call.Keywords.Any(k => k.Arg is null)) return SpreadCallValue(f, call);
            if (f.Type.Kind == TypeKind.Func)
            {
                var ps = f.Type.Params.ToList();
                var args = call.Args.Select((a, i) => Coerce(EmitExpr(a, i < ps.Count ? ps[i] : PyType.Unknown), i < ps.Count ? ps[i] : PyType.Object).Code).ToList();
                // fewer arguments than parameters, or keywords: bound at run time (defaults, names), as Python does
                if (call.Keywords.Count > 0 || args.Count < ps.Count)
                {
                    var dyn = KeywordCall(f, call.Args.Select((a, i) => Box(new Ex(args[i], i < ps.Count ? ps[i] : PyType.Object, true))), call);
                    return f.Type.Return.Kind is TypeKind.None or TypeKind.Unknown ? new Ex(dyn, PyType.None, true) : new Ex($"Dyn.Cast<{CsTypes.Of(f.Type.Return)}>({dyn})", f.Type.Return, true);
                }
                return new Ex($"{f.P}({string.Join(", ", args)})", f.Type.Return, true);
            }
            if (f.Type.Kind == TypeKind.Class && FindClass(f.Type.Name.OrThrow())?.FindMethod("__call__") is { } m)
                return new Ex($"{f.P}.{m.CsName}({string.Join(", ", BindArguments(m, call.Args.ToList(), call.Keywords.ToList(), call))})", m.ReturnType, true);
            var argCodes = call.Args.Select(a => Box(EmitExpr(a))).ToList();
            if (call.Keywords.Count > 0) return new Ex(KeywordCall(f, argCodes, call), DynamicType(f), true);
            return new Ex($"Dyn.Call({Box(f)}{string.Concat(argCodes.Select(x => ", " + x))})", DynamicType(f), true);
        }

        /// <summary>f(a, k=v) on a function value: Dyn.CallKw with the boxed positional arguments and the keywords.</summary>
        private string KeywordCall(Ex f, IEnumerable<string> boxedArgs, Call call)
        {
            var kw = call.Keywords.Select(k => $"[{CsNames.Literal(k.Arg.OrThrow())}] = {Box(EmitExpr(k.Value))}");
            return $"Dyn.CallKw({Box(f)}, new object?[] {{ {string.Join(", ", boxedArgs)} }}, new PyDict<string, object?> {{ {string.Join(", ", kw)} }})";
        }

        /// <summary>fn(*args, **kwargs) where fn is a value (a parameter, a stored function): the spread call, dynamically.</summary>
        private Ex SpreadCallValue(Ex f, Call call, Ex? self = null)
        {
            // self: a receiver written in place of the placeholder first argument (a decorated method's bound call)
            var parts = call.Args.Select(a => a is Starred st ? $"{AsEnumerable(EmitExpr(st.Value))}.Select(__v => (object?)__v)"
                : a is Name { Id: "__self_placeholder" } && self is { } receiver ? $"new object?[] {{ {Box(receiver)} }}" : $"new object?[] {{ {Box(EmitExpr(a))} }}");
            var kwargs = call.Keywords.Count switch
            {
                0 => "",
                1 when call.Keywords[0].Arg is null => ", " + EmitExpr(call.Keywords[0].Value).Code,
                // named keywords beside the spread (f(*args, k=v), f(a, **opts, k=v)): one dict of them all, as Python binds them
                _ => ", " + EmitExpr(new Dict(NodeList.Of(call.Keywords.Select(k => k.Arg is null ? null : (ExpressionNode)new Constant(k.Arg, null, k.Span)).ToArray()),
                    NodeList.Of(call.Keywords.Select(k => k.Value).ToArray()), call.Span)).Code,
            };
            return new Ex($"Dyn.CallSpread({Box(f)}, Enumerable.Empty<object?>(){string.Concat(parts.Select(p => $".Concat({p})"))}{kwargs})", PyType.Object, true);
        }

        private Ex CallFunction(FunctionModel f, string code, Call call)
        {
            if (f.IsDecorated) return CallValue(new Ex(code + DecoratedSuffix, PyType.Object, true), call);
            NoteCall(f);
            var args = BindArguments(f, call.Args.ToList(), call.Keywords.ToList(), call);
            var rt = f.IsGenerator ? (f.ReturnType.Kind == TypeKind.Iterable ? f.ReturnType : PyType.Iterable(f.ReturnType)) : f.ReturnType;
            var ex = new Ex(PassesDepth(f, call) ? DepthCall(code, args) : $"{code}({string.Join(", ", args)})", rt.Kind == TypeKind.Unknown && !_inferring ? PyType.None : rt, true);
            if (f.IsGenerator) return ex.AsIterator();
            ex = KeepingCallerSite(f, call, ex);
            return rt.Kind is TypeKind.None ? new Ex(ex.Code, PyType.None, true) : ex;
        }

        private readonly Dictionary<FunctionModel, bool> _namesCaller = new();

        /// <summary>A call of a function whose warnings or records name their caller (stacklevel=2): kept at its site while it runs.</summary>
        private Ex KeepingCallerSite(FunctionModel f, Call call, Ex ex)
        {
            if (!_namesCaller.TryGetValue(f, out var names)) _namesCaller[f] = names = Inference.CallerSites.NamesCaller(f);
            return names ? new Ex($"SourceSite.Call({SourceSite(call)}, {CsNames.Literal(f.Def.Name)}, () => {ex.Code})", ex.Type, true) : ex;
        }

        /// <summary>
        /// The type an argument is written for: the parameter's, except that an int literal stays an int for a parameter
        /// annotated float or inferred float (f(3) after f(1.5) sees 3, as in Python), so the parameter's type comes
        /// from the arguments.
        /// </summary>
        private static PyType ArgumentContext(VarInfo p) => (p.FloatAnnotated || p.FloatTemplate is not null || p.Type.Kind == TypeKind.Float) && !p.Declared ? PyType.Unknown : p.Type;

        /// <summary>A dataclass field's value when the call gives none: its default (or default_factory), else what Python raises.</summary>
        private static bool IsInitFalse(ExpressionNode? d) =>
            d is Call { Func: Name { Id: "field" } } fc && fc.Keywords.Any(k => k.Arg == "init" && k.Value is Constant { Value: false });

        /// <summary>The fields' defaults (the declarations as written), the nearest class's first.</summary>
        private static Dictionary<string, ExpressionNode?> DataclassDefaultsByName(ClassModel c)
        {
            var defaultsByName = new Dictionary<string, ExpressionNode?>();
            for (var x = c; x is not null; x = x.Base) foreach (var (n, d, _) in x.DataFields) if (!defaultsByName.ContainsKey(n)) defaultsByName[n] = d;
            return defaultsByName;
        }

        /// <summary>What a field's default evaluates: its value, <c>field(default=v)</c>'s v, or a call of <c>field(default_factory=f)</c>'s f.</summary>
        private static ExpressionNode? DataclassDefaultExpression(ExpressionNode? d)
        {
            if (d is not Call { Func: Name { Id: "field" } } fc) return d;
            var factory = fc.Keywords.FirstOrDefault(k => k.Arg == "default_factory")?.Value;
            var dv = fc.Keywords.FirstOrDefault(k => k.Arg == "default")?.Value;
            return factory is not null ? new Call(factory, default, default, factory.Span) : dv;
        }

        private string DataclassDefault(ClassModel c, VarInfo field, Dictionary<string, ExpressionNode?> defaultsByName, bool initFalse = false)
        {
            var d = defaultsByName.TryGetValue(field.Name, out var dd) ? dd : null;
            if (initFalse && d is Call { Func: Name { Id: "field" } } nf && !nf.Keywords.Any(k => k.Arg is "default" or "default_factory")) return "default!";
            d = DataclassDefaultExpression(d);
            if (d is null) return $"Py.Raise<{CsTypes.Of(field.Type)}>(new TypeError({CsNames.Literal($"{c.Name}.__init__() missing 1 required positional argument: '{field.Name}'")}))";
            var saved = _function;
            _function = null;
            var v = EmitExpr(d, field.Type);
            _function = saved;
            Widen(field, v.Type);
            return Coerce(v, field.Type).Code;
        }

        /// <summary>
        /// A temporary the call reads several times: a statement before it, or, inside a lambda or comprehension (or a
        /// base constructor call), where no statement can go, a pattern variable the call's expression binds (lets).
        /// </summary>
        private string LetTemp(string prefix, string code, List<string> lets)
        {
            var t = Temp(prefix);
            if (_closureDepth > 0 || _argumentsAsExpressions) lets.Add($"({code}) is var {t}");
            else _w.Line($"var {t} = {code};");
            return t;
        }

        /// <summary>An expression that first binds the pattern variables of <see cref="LetTemp"/>.</summary>
        private static string WithLets(string code, List<string> lets) => lets.Count == 0 ? code : $"({string.Join(" && ", lets)} ? {code} : default!)";

        /// <summary>Record(*seq): the items fill the fields from <paramref name="pos"/> on (conditions: spread[i] ? item).</summary>
        private int SpreadIntoFields(List<VarInfo> fields, ExpressionNode seq, int pos, string?[] spread, List<string> lets)
        {
            var sv = EmitExpr(seq);
            var elem = ElementType(sv.Type);
            var items = LetTemp("sa", $"new PyList<{CsTypes.Of(elem)}>({AsEnumerable(sv)})", lets);
            for (int k = 0; pos < fields.Count; pos++, k++)
            {
                Widen(fields[pos], elem);
                spread[pos] = $"{items}.Count > {k} ? {Coerce(new Ex($"{items}[{k}]", elem, true), fields[pos].Type).Code}";
            }
            return pos;
        }

        /// <summary>Record(**mapping): each field not given otherwise comes from the mapping's key of its name.</summary>
        private void MappingIntoFields(List<VarInfo> fields, ExpressionNode mapping, string?[] result, string?[] spread, List<string> lets)
        {
            var mv = EmitExpr(mapping);
            var value = mv.Type.IsDictLike && mv.Type.Key.Kind == TypeKind.Str ? mv.Type.Value : PyType.Object;
            var kw = LetTemp("kw", mv.Type.IsDictLike && mv.Type.Key.Kind == TypeKind.Str ? mv.Code : $"Py.KwMapping({Box(mv)})", lets);
            for (int i = 0; i < fields.Count; i++)
            {
                if (result[i] is not null || spread[i] is not null) continue;
                Widen(fields[i], value);
                spread[i] = $"{kw}.ContainsKey({CsNames.Literal(fields[i].Name)}) ? {Coerce(new Ex($"{kw}[{CsNames.Literal(fields[i].Name)}]", value, true), fields[i].Type).Code}";
            }
        }

        /// <summary>
        /// A call that leaves required parameters unbound raises CPython's TypeError there, naming every missing
        /// argument of the first one's kind (positional or keyword-only).
        /// </summary>
        private static void RaiseMissingArguments(FunctionModel f, string?[] result, List<ExpressionNode?> defaults, int positional, int first)
        {
            bool keywordOnly = first >= positional;
            var missing = Enumerable.Range(0, result.Length)
                .Where(j => result[j] is null && (j >= defaults.Count || defaults[j] is null) && (j >= positional) == keywordOnly)
                .ToList();
            string message = MissingArgumentsMessage(f, missing.Select(j => f.Params[j].Name).ToList(), keywordOnly);
            result[first] = $"Py.Raise<{CsTypes.Of(f.Params[first].Type)}>(new TypeError({CsNames.Literal(message)}))";
            foreach (int j in missing) if (j != first) result[j] = "default!";
        }

        /// <summary>The throw of CPython's "f() takes from 1 to 2 positional arguments but 3 were given" (given: C# code).</summary>
        private static string TooManyPositional(FunctionModel f, List<(VarInfo Param, ExpressionNode? Default)> defaults, int positional, string given)
        {
            int required = Enumerable.Range(0, positional).Count(j => j >= defaults.Count || defaults[j].Default is null);
            string takes = required == positional ? $"{positional} positional argument{(positional == 1 ? "" : "s")}" : $"from {required} to {positional} positional arguments";
            return $"throw new TypeError($\"{f.Name}() takes {takes} but {{{given}}} were given\");";
        }

        /// <summary>The parameters a *spread that ends before parameter pos leaves without a value: from pos on, those no keyword or default fills.</summary>
        private static List<string> SpreadMissing(FunctionModel f, List<(VarInfo Param, ExpressionNode? Default)> defaults, ICollection<string> keywordNames, int pos, int positional) =>
            Enumerable.Range(pos, positional - pos)
                .Where(j => !keywordNames.Contains(f.Params[j].Name) && (j >= defaults.Count || defaults[j].Default is null))
                .Select(j => f.Params[j].Name).ToList();

        /// <summary>CPython's "f() missing 2 required positional arguments: 'a' and 'b'".</summary>
        private static string MissingArgumentsMessage(FunctionModel f, List<string> names, bool keywordOnly)
        {
            var quoted = names.Select(n => "'" + n + "'").ToList();
            string list = quoted.Count switch
            {
                1 => quoted[0],
                2 => quoted[0] + " and " + quoted[1],
                _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[quoted.Count - 1],
            };
            string kind = keywordOnly ? "keyword-only" : "positional";
            string qualified = f.Owner is null ? f.Name : f.Owner.Name + "." + f.Name;
            return $"{qualified}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {list}";
        }

        /// <summary>Positional, keyword and default arguments → one C# argument per parameter (types widened by inference).</summary>
        private List<string> BindArguments(FunctionModel f, List<ExpressionNode> args, List<Keyword> keywords, Node at)
        {
            // parameters after * or *args take keywords only
            int positional = f.Params.Count - f.Def.Args.Kwonlyargs.Count;
            // f(**{"a": 1}): a literal dict of str keys is a set of keyword arguments
            keywords = keywords.SelectMany(k => k.Arg is null && k.Value is Dict { } lit && lit.Keys.All(x => x is Constant { Value: string })
                ? lit.Keys.Select((x, j) => new Keyword((string)((Constant)x.OrThrow()).Value.OrThrow(), lit.Values[j], k.Span))
                : new[] { k }).ToList();
            var keywordNames = new HashSet<string>(keywords.Where(k => k.Arg is not null).Select(k => k.Arg.OrThrow()), StringComparer.Ordinal);
            var defaults = DefaultsOf(f);
            var result = new string?[f.Params.Count];
            var extra = new List<string>();
            // f(*args, **kwargs): a parameter past the end of args comes from the mapping before its default
            bool spreadComing = keywords.Any(k => k.Arg is null);
            var starSlots = new Dictionary<int, string>();
            int pos = 0;
            foreach (var a in args)
            {
                if (a is Starred vst && f.VarArgs is not null && pos >= positional)
                {
                    var sv = EmitExpr(vst.Value);
                    Widen(f.VarArgs, PyType.VarTuple(ElementType(sv.Type)));
                    extra.Add($"..{AsEnumerable(sv)}.Select(__s => (object?)__s)");
                    continue;
                }
                if (a is Starred st)
                {
                    var sv = EmitExpr(st.Value);
                    var elem = ElementType(sv.Type);
                    if (_closureDepth > 0 || _argumentsAsExpressions)
                    {
                        for (; pos < positional; pos++)
                        {
                            WidenParam(f, pos, elem);
                            result[pos] = Coerce(new Ex($"Py.Unpack<{CsTypes.Of(elem)}>({AsEnumerable(sv)}, {positional})[{pos}]", elem, false), f.Params[pos].Type).Code;
                        }
                        continue;
                    }
                    // f(*seq): its items fill the positional parameters no keyword names, in order; past its end come the
                    // defaults; items left over go to *args (or are a TypeError)
                    var items = Temp("sa");
                    _w.Line($"var {items} = new PyList<{CsTypes.Of(elem)}>({AsEnumerable(sv)});");
                    int k = 0, before = pos;
                    for (; pos < positional; pos++)
                    {
                        if (keywordNames.Contains(f.Params[pos].Name)) continue;
                        WidenParam(f, pos, elem);
                        var d = pos < defaults.Count ? defaults[pos].Default : null;
                        // the default may be used (fewer items): it types the parameter too (tag(*args) with unit="m")
                        if (d is not null && IsInlineDefault(d)) WidenParam(f, pos, EmitExpr(d).Type);
                        var pt = f.Params[pos].Type;
                        string fallback = d is null ? $"Py.Raise<{CsTypes.Of(pt)}>(new TypeError({CsNames.Literal(MissingArgumentsMessage(f, SpreadMissing(f, defaults, keywordNames, pos, positional), false))}))"
                            : IsInlineDefault(d) ? Coerce(EmitExpr(d, pt), pt).Code
                            : DefaultRef(f, f.Params[pos]);
                        string item = $"{items}.Count > {k} ? {Coerce(new Ex($"{items}[{k}]", elem, true), pt).Code}";
                        if (spreadComing) starSlots[pos] = item;
                        else result[pos] = $"({item} : {fallback})";
                        k++;
                    }
                    if (f.VarArgs is not null)
                    {
                        Widen(f.VarArgs, PyType.VarTuple(elem));
                        extra.Add($"..{items}.Skip({k}).Select(__s => (object?)__s)");
                    }
                    else _w.Line($"if ({items}.Count > {k}) {TooManyPositional(f, defaults, positional, $"{before} + {items}.Count")}");
                    continue;
                }
                if (pos < positional)
                {
                    var v = KeepIterator(EmitExpr(a, ArgumentContext(f.Params[pos])));
                    WidenParam(f, pos, v.Type);
                    ShareContainerType(a, v.Type, f.Params[pos].Type);
                    result[pos] = Coerce(v, f.Params[pos].Type).Code;
                    pos++;
                }
                else if (f.VarArgs is not null)
                {
                    var v = EmitExpr(a);
                    Widen(f.VarArgs, PyType.VarTuple(v.Type));
                    extra.Add(Box(v));
                }
                else
                {
                    Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{f.Name}() takes {f.Params.Count} positional arguments but more were given", null, at);
                }
            }
            var extraKeywords = new List<(string Name, Ex Value)>();
            string? spread = null;
            PyType spreadValue = PyType.Object;
            foreach (var k in keywords)
            {
                if (k.Arg is null)
                {
                    // f(**mapping): its keys bind what is still unbound, the rest goes to **kwargs
                    if (spread is not null || _closureDepth > 0) { Unsupported(k.Value, "several **mappings in one call, or ** inside a lambda or comprehension"); continue; }
                    var mv = EmitExpr(k.Value);
                    spreadValue = mv.Type.IsDictLike && mv.Type.Key.Kind == TypeKind.Str ? mv.Type.Value : PyType.Object;
                    spread = SpreadMapping(f, mv);
                    continue;
                }
                int i = f.Params.FindIndex(p => p.Name == k.Arg);
                if (i < 0 && f.KwArgs is not null)
                {
                    var xv = EmitExpr(k.Value);
                    extraKeywords.Add((k.Arg, xv));
                    continue;
                }
                if (i < 0) { Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{f.Name}() got an unexpected keyword argument '{k.Arg}'", null, k.Value); continue; }
                var v = EmitExpr(k.Value, ArgumentContext(f.Params[i]));
                WidenParam(f, i, v.Type);
                ShareContainerType(k.Value, v.Type, f.Params[i].Type);
                result[i] = Coerce(v, f.Params[i].Type).Code;
            }
            for (int i = 0; i < result.Length; i++)
            {
                if (result[i] is not null) continue;
                var d = i < defaults.Count ? defaults[i].Default : null;
                if (spread is not null)
                {
                    // from the ** mapping when it has the name, else the default (or a TypeError, as Python)
                    var name = f.Params[i].Name;
                    var got = Temp("v");
                    var pt = f.Params[i].Type;
                    if (_inferring) WidenParam(f, i, spreadValue);
                    string fallback = d is null ? $"Py.Raise<{CsTypes.Of(pt)}>(new TypeError({CsNames.Literal($"{f.Name}() missing 1 required positional argument: '{name}'")}))"
                        : IsInlineDefault(d) ? Coerce(EmitExpr(d, pt), pt).Code
                        : DefaultRef(f, f.Params[i]);
                    result[i] = $"({spread}.TryGetValue({CsNames.Literal(name)}, out var {got}) ? {Coerce(new Ex(got, spreadValue, true), pt).Code} : {fallback})";
                    if (starSlots.TryGetValue(i, out var slot)) result[i] = $"({slot} : {result[i]})";
                    continue;
                }
                if (d is null)
                {
                    Report(TranspilerCodes.Unsupported, TranspilerSeverity.Info, $"{f.Name}() missing required argument '{f.Params[i].Name}'", null, at);
                    RaiseMissingArguments(f, result, defaults.Select(x => x.Default).ToList(), positional, i);
                    continue;
                }
                if (IsInlineDefault(d))
                {
                    var saved = _function;
                    var v = EmitExpr(d, f.Params[i].Type);
                    WidenParam(f, i, v.Type);
                    result[i] = Coerce(v, f.Params[i].Type).Code;
                    _function = saved;
                }
                else
                {
                    var sv = EmitDefaultValueType(f, d);
                    WidenParam(f, i, sv);
                    result[i] = DefaultRef(f, f.Params[i]);
                }
            }
            var list = result.Select(x => x.OrThrow()).ToList();
            if (f.KwArgs is not null)
            {
                var vt = extraKeywords.Select(x => x.Value.Type).Aggregate(spread is null ? PyType.Unknown : spreadValue, PyType.Join);
                Widen(f.KwArgs, PyType.Dict(PyType.Str, vt));
                var dt = f.KwArgs.Type;
                var items = string.Join(", ", extraKeywords.Select(x => $"[{CsNames.Literal(x.Name)}] = {Coerce(x.Value, dt.Value).Code}"));
                string dict = $"new {CsTypes.Of(dt)} {{ {items} }}";
                if (spread is not null)
                {
                    var bound = string.Join(", ", f.Params.Select(p => CsNames.Literal(p.Name)));
                    dict = $"Py.Build({dict}, __d => {{ foreach (var (__k, __x) in {spread}.Items()) if (Array.IndexOf(new string[] {{ {bound} }}, __k) < 0) __d[__k] = {Coerce(new Ex("__x", spreadValue, true), dt.Value).Code}; }})";
                }
                list.Add(dict);
            }
            else if (spread is not null && !_argumentsAsExpressions)
                _w.Line($"Py.KwCheck({spread}{KwCheckNames(f)});");
            if (extra.Any(x => x.StartsWith("..", StringComparison.Ordinal)))
                list.Add("[" + string.Join(", ", extra) + "]");
            else list.AddRange(extra);
            return list;
        }

        /// <summary>The code that reads f(**mapping): a variable set to it first, or, in a base constructor call (: base(...)),
        /// which takes no statements, the mapping itself, checked where it is read.</summary>
        private string SpreadMapping(FunctionModel f, Ex mv)
        {
            string mapping = mv.Type.IsDictLike && mv.Type.Key.Kind == TypeKind.Str ? mv.Code : $"Py.KwMapping({Box(mv)})";
            if (_argumentsAsExpressions) return f.KwArgs is null ? $"Py.KwChecked({mapping}{KwCheckNames(f)})" : $"({mapping})";
            var spread = Temp("kw");
            _w.Line($"var {spread} = {mapping};");
            return spread;
        }

        /// <summary>Py.KwCheck's arguments after the mapping: the function's qualified name (as CPython's error names it), then the parameters a keyword may bind.</summary>
        private static string KwCheckNames(FunctionModel f) => $", {CsNames.Literal(f.Owner is null ? f.Name : f.Owner.Name + "." + f.Name)}{string.Concat(f.Params.Select(p => ", " + CsNames.Literal(p.Name)))}";

        /// <summary>Keyword arguments as a PyDict for dynamic calls (builtin names such as <c>type=int</c> become functions).</summary>
        internal string KeywordDict(Call call)
        {
            var items = call.Keywords.Where(k => k.Arg is not null).Select(k =>
            {
                var v = k.Value is Name n && Resolve(n.Id).Kind == ResolvedKind.Builtin && Mapping.Builtins.AsValue(n.Id) is { } bv ? bv : EmitExpr(k.Value);
                // a function of the program keeps its Python name, a lambda is <lambda> (argparse's type= names it in errors)
                if (k.Value is Name fnName && Resolve(fnName.Id).Kind == ResolvedKind.Function && v.Type.Kind == TypeKind.Func)
                    return $"[{CsNames.Literal(k.Arg.OrThrow())}] = new PyNamedFunction({CsNames.Literal(fnName.Id)}, {v.Code})";
                if (k.Value is Lambda && v.Type.Kind == TypeKind.Func)
                    return $"[{CsNames.Literal(k.Arg.OrThrow())}] = new PyNamedFunction(\"<lambda>\", {v.Code})";
                return $"[{CsNames.Literal(k.Arg.OrThrow())}] = {Box(v)}";
            });
            return $"new PyDict<string, object?> {{ {string.Join(", ", items)} }}";
        }

        /// <summary>A list passed to a function is the same list: what the callee appends refines the caller's variable too.</summary>
        private void ShareContainerType(ExpressionNode arg, PyType argType, PyType paramType)
        {
            if (argType.Kind != paramType.Kind || argType.Equals(paramType)) return;
            if (argType.Kind is TypeKind.List or TypeKind.Dict or TypeKind.Set or TypeKind.DefaultDict or TypeKind.Deque or TypeKind.Counter)
                ContributeTo(arg, paramType);
        }

        private PyType EmitDefaultValueType(FunctionModel f, ExpressionNode d)
        {
            var saved = (_function, _module);
            _function = f.Parent; // a nested function's defaults are evaluated in the enclosing function
            var m = f.Owner?.Module ?? _modules.FirstOrDefault(x => x.Functions.ContainsValue(f)) ?? _module;
            _module = m;
            var t = EmitExprQuiet(d).Type;
            (_function, _module) = saved;
            return t;
        }

        private Ex Construct(ClassModel c, string code, Call call)
        {
            var made = ConstructInstance(c, code, call);
            var missing = c.MissingAbstractMethods();
            if (missing.Count == 0) return made;
            string message = $"Can't instantiate abstract class {c.Name} with abstract method{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}";
            return new Ex($"Py.Raise<{CsTypes.Of(c.Type)}>(new TypeError({CsNames.Literal(message)}))", c.Type, true);
        }

        private Ex ConstructInstance(ClassModel c, string code, Call call)
        {
            var type = c.Type;
            if (c.IsEnum)
            {
                var v = EmitExpr(call.Args[0]);
                return new Ex($"PyEnum.Lookup({code}.Members, {Box(v)}, {CsNames.Literal(c.Name)})", type, true);
            }
            var init = c.FindMethod("__init__");
            if (init is not null) NoteCall(init);
            if (BuiltinNewConstruction(c, code, call) is { } value) return value;
            if (init is null && c.IsDataclass || init is null && c.Base?.IsDataclass == true)
            {
                var fields = DataclassFieldsWithBases(c.IsDataclass ? c : c.Base.OrThrow());
                var defaultsByName = DataclassDefaultsByName(c);
                var result = new string?[fields.Count];
                var spread = new string?[fields.Count];
                // field(init=False) is no parameter of __init__: it keeps its default (or what __post_init__ sets)
                for (int i = 0; i < fields.Count; i++)
                    if (IsInitFalse(defaultsByName.TryGetValue(fields[i].Name, out var fd) ? fd : null)) result[i] = "default!";
                var initFields = fields.Where((_, i) => result[i] is null).ToList();
                var lets = new List<string>();
                int pos = 0;
                foreach (var arg in call.Args)
                {
                    if (arg is Starred st)
                    {
                        var slots = new string?[initFields.Count];
                        pos = SpreadIntoFields(initFields, st.Value, pos, slots, lets);
                        for (int k = 0; k < slots.Length; k++) if (slots[k] is not null) spread[fields.IndexOf(initFields[k])] = slots[k];
                        continue;
                    }
                    if (pos >= initFields.Count) break;
                    int at = fields.IndexOf(initFields[pos++]);
                    var v = EmitExpr(arg, ArgumentContext(fields[at]));
                    Widen(fields[at], v.Type);
                    result[at] = Coerce(v, fields[at].Type).Code;
                }
                for (int i = 0; i < fields.Count; i++)
                    if (result[i] == "default!" && !initFields.Contains(fields[i])) result[i] = DataclassDefault(c, fields[i], defaultsByName, initFalse: true);
                foreach (var k in call.Keywords)
                {
                    if (k.Arg is null)
                    {
                        MappingIntoFields(fields, k.Value, result, spread, lets);
                        continue;
                    }
                    int i = fields.FindIndex(f => f.Name == k.Arg);
                    if (i < 0) continue;
                    var v = EmitExpr(k.Value, ArgumentContext(fields[i]));
                    Widen(fields[i], v.Type);
                    result[i] = Coerce(v, fields[i].Type).Code;
                }
                for (int i = 0; i < result.Length; i++)
                {
                    if (result[i] is not null) continue;
                    if (spread[i] is { } fromSpread)
                    {
                        // an item of *seq or a key of **mapping when there is one; else the default below
                        var fallback = DataclassDefault(c, fields[i], defaultsByName);
                        result[i] = $"({fromSpread} : {fallback})";
                        continue;
                    }
                    result[i] = DataclassDefault(c, fields[i], defaultsByName);
                }
                return new Ex(WithLets($"new {code}({string.Join(", ", result)})", lets), type, true);
            }
            string create = HasSupportedNew(c) ? $"{code}.{NewFactory}" : $"new {code}";
            if (init is null)
            {
                if (c.IsException)
                    return new Ex($"new {code}({string.Join(", ", call.Args.Select(a => Box(EmitExpr(a))))})", type, true);
                return HasSupportedNew(c) && c.FindMethod("__new__") is { } create1 && FactoryTakesParams(c, create1, null)
                    ? new Ex($"{create}({string.Join(", ", BindArguments(create1, call.Args.ToList(), call.Keywords.ToList(), call))})", type, true)
                    : new Ex($"{create}()", type, true);
            }
            return new Ex($"{create}({string.Join(", ", BindArguments(init, call.Args.ToList(), call.Keywords.ToList(), call))})", type, true);
        }

        /// <summary>What a functools.partial stored in a variable wraps: the function and the parameters it still takes.</summary>
        internal sealed record PartialInfo(FunctionModel Function, int[] Remaining);

        private readonly Dictionary<VarInfo, PartialInfo> _partials = new();

        /// <summary>
        /// <c>functools.partial(f, a, k=v)</c> of a function of this program: a delegate over the parameters f still takes
        /// (the bound arguments are evaluated once, here). Called through a variable, keyword arguments and f's
        /// defaults are bound by name (CallPartial).
        /// </summary>
        internal Ex EmitPartial(Call c)
        {
            if (c.Args.Count == 0 || c.Args.Any(x => x is Starred) || c.Keywords.Any(k => k.Arg is null))
                return Unsupported(c, "functools.partial() without a function, or with *args or **kwargs", "bind the arguments by name");
            if (c.Args[0] is not Name fn || Resolve(fn.Id) is not { Kind: ResolvedKind.Function, Function: { } f } r || f.VarArgs is not null || f.KwArgs is not null || f.IsGenerator)
                return ValuePartial(c);
            NoteCall(f);
            int bound = c.Args.Count - 1;
            if (bound > f.Params.Count) return Unsupported(c, $"functools.partial() with more arguments than {f.Name}() takes");
            var args = new string?[f.Params.Count];
            var binds = new List<string>();
            for (int i = 0; i < bound; i++)
            {
                var v = EmitExpr(c.Args[i + 1], f.Params[i].Type);
                WidenParam(f, i, v.Type);
                var t = Temp("pb");
                binds.Add($"{ValueForVar(Coerce(v, f.Params[i].Type))} is var {t}");
                args[i] = t;
            }
            foreach (var k in c.Keywords)
            {
                int i = f.Params.FindIndex(p => p.Name == k.Arg);
                if (i < 0 || i < bound) return Unsupported(k.Value, $"functools.partial() keyword '{k.Arg}' that {f.Name}() does not take once");
                var v = EmitExpr(k.Value, ArgumentContext(f.Params[i]));
                WidenParam(f, i, v.Type);
                var t = Temp("pb");
                binds.Add($"{ValueForVar(Coerce(v, f.Params[i].Type))} is var {t}");
                args[i] = t;
            }
            var remaining = Enumerable.Range(0, f.Params.Count).Where(i => args[i] is null).ToArray();
            var names = remaining.Select(i => Temp("pa")).ToArray();
            for (int k = 0; k < remaining.Length; k++) args[remaining[k]] = names[k];
            var ret = f.ReturnType.Kind == TypeKind.Unknown && !_inferring ? PyType.None : f.ReturnType;
            var ft = PyType.Func(ret, remaining.Select(i => f.Params[i].Type).ToArray());
            string lambda = $"new {CsTypes.Of(ft)}(({string.Join(", ", remaining.Select((i, k) => $"{CsTypes.Of(f.Params[i].Type)} {names[k]}"))}) => {r.Code}({string.Join(", ", args)}))";
            string code = binds.Count == 0 ? lambda : $"({string.Join(" && ", binds)} ? {lambda} : null!)";
            return new Ex(code, ft, true) { Partial = new PartialInfo(f, remaining) };
        }

        /// <summary>
        /// <c>functools.partial(int, base=2)</c>, a partial of a builtin, a type, a method or any other callable value: the
        /// runtime's PyPartial (func, args, keywords; a call adds its arguments after the bound ones). Called through a
        /// variable, it is its callee's own call (typed) when the bound arguments are constants or names (ThroughPartial).
        /// </summary>
        private Ex ValuePartial(Call c)
        {
            var func = Box(EmitExpr(c.Args[0]));
            var args = string.Join(", ", c.Args.Skip(1).Select(a => Box(EmitExpr(a))));
            bool stable = c.Args.Skip(1).Concat(c.Keywords.Select(k => k.Value)).All(IsStableArgument) && IsStableArgument(c.Args[0]);
            return new Ex($"new PyPartial({func}, new object?[] {{ {args} }}, {KeywordDict(c)}{(stable ? ", " + OneArgumentCall(c) : "")})", PyType.Object, true) { PartialCall = stable ? c : null };
        }

        /// <summary>
        /// The partial called with one more argument (map(partial(int, base=2), xs), key=): the callee's own call as a
        /// lambda, since a builtin's value (int, print) takes no keywords when called dynamically.
        /// </summary>
        private string OneArgumentCall(Call partial)
        {
            var one = new Call(partial.Args[0], NodeList.Of<ExpressionNode>(new Name("__pone", ExprContext.Load, partial.Span)), default, partial.Span);
            var lambda = Mapping.OperatorModule.MakeLambda(new[] { "__pone" }, ThroughPartial(partial, one).OrThrow(), partial);
            var ft = PyType.Func(PyType.Object, PyType.Object);
            return Coerce(EmitExpr(lambda, ft), ft).Code;
        }

        /// <summary>An argument that evaluates to the same value again where the partial is called: a literal, a name, a.b.</summary>
        internal static bool IsStableArgument(ExpressionNode e) => e switch
        {
            Constant or Name or Lambda => true,
            Attribute a => IsStableArgument(a.Value),
            UnaryOp { Operand: Constant } => true,
            Tuple t => t.Elts.All(IsStableArgument),
            _ => false,
        };

        private readonly Dictionary<VarInfo, Call?> _partialCalls = new();

        /// <summary>A variable assigned a value partial: its call, unless it is also assigned anything else (then null: dynamic calls).</summary>
        private void NotePartialCall(VarInfo v, Call? partial)
        {
            bool seen = _partialCalls.TryGetValue(v, out var before);
            if (partial is null && !seen) return;
            _partialCalls[v] = seen && !ReferenceEquals(before, partial) ? null : partial;
        }

        /// <summary>
        /// <c>p(x, k=1)</c> of <c>p = partial(f, a, k=0)</c>: <c>f(a, x, k=1)</c>, the call's keywords over the bound ones;
        /// null for a call with *args or **kwargs.
        /// </summary>
        private static Call? ThroughPartial(Call partial, Call call)
        {
            if (call.Args.Any(a => a is Starred) || call.Keywords.Any(k => k.Arg is null)) return null;
            var given = new HashSet<string>(call.Keywords.Select(k => k.Arg.OrThrow()), StringComparer.Ordinal);
            var keywords = partial.Keywords.Where(k => !given.Contains(k.Arg.OrThrow())).Concat(call.Keywords).ToArray();
            return new Call(partial.Args[0], NodeList.Of(partial.Args.Skip(1).Concat(call.Args).ToArray()), NodeList.Of(keywords), call.Span);
        }

        /// <summary>A call of a partial kept in a variable: positional, keyword and default arguments of what it still takes.</summary>
        private Ex CallPartial(Ex p, PartialInfo info, Call call)
        {
            var f = info.Function;
            var defaults = DefaultsOf(f);
            var result = new string?[info.Remaining.Length];
            int pos = 0;
            foreach (var a in call.Args)
            {
                if (a is Starred || pos >= result.Length) return CallValue(p, call);
                int i = info.Remaining[pos];
                var v = EmitExpr(a, f.Params[i].Type);
                WidenParam(f, i, v.Type);
                result[pos++] = Coerce(v, f.Params[i].Type).Code;
            }
            foreach (var k in call.Keywords)
            {
                int slot = Array.FindIndex(info.Remaining, i => f.Params[i].Name == k.Arg);
                if (slot < 0) return Unsupported(k.Value, $"keyword '{k.Arg}' on a partial of {f.Name}()");
                int i = info.Remaining[slot];
                var v = EmitExpr(k.Value, ArgumentContext(f.Params[i]));
                WidenParam(f, i, v.Type);
                result[slot] = Coerce(v, f.Params[i].Type).Code;
            }
            for (int slot = 0; slot < result.Length; slot++)
            {
                if (result[slot] is not null) continue;
                int i = info.Remaining[slot];
                var d = i < defaults.Count ? defaults[i].Default : null;
                if (d is null) return Unsupported(call, $"a call of a partial of {f.Name}() without '{f.Params[i].Name}'");
                result[slot] = IsInlineDefault(d) ? Coerce(EmitExpr(d, f.Params[i].Type), f.Params[i].Type).Code
                    : DefaultRef(f, f.Params[i]);
            }
            return new Ex($"{p.P}({string.Join(", ", result)})", p.Type.Kind == TypeKind.Func ? p.Type.Return : PyType.Object, true);
        }

        /// <summary><c>p._replace(x=1)</c>, <c>dataclasses.replace(p, x=1)</c>: a new instance, the other fields copied.</summary>
        /// <summary>The field names of a dataclass named by a class or typed instance expression; null when not known statically.</summary>
        internal IReadOnlyList<string>? DataclassFieldNames(ExpressionNode arg, Ex emitted) =>
            (StaticClass(arg) ?? ClassOf(emitted.Type)) is { IsDataclass: true } c ? DataclassFieldsWithBases(c).Select(f => f.Name).ToList() : null;

        internal Ex ReplaceFields(ClassModel c, Ex obj, IEnumerable<Keyword> changes)
        {
            var fields = DataclassFieldsWithBases(c);
            var byName = changes.Where(k => k.Arg is not null).ToDictionary(k => k.Arg.OrThrow(), k => k.Value);
            foreach (var k in byName.Keys.Where(k => fields.All(f => f.Name != k)))
                Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"{c.Name} has no field '{k}'", null, byName[k]);
            var tmp = Temp("r");
            var args = fields.Select(f =>
            {
                if (!byName.TryGetValue(f.Name, out var node)) return $"{tmp}.{f.CsName}";
                var v = EmitExpr(node, f.Type);
                Widen(f, v.Type);
                return Coerce(v, f.Type).Code;
            }).ToList();
            return new Ex($"({obj.P} is var {tmp} ? new {ClassCsName(c)}({string.Join(", ", args)}) : default!)", c.Type, true);
        }

        /// <summary>f.cache_info() / f.cache_clear() of an @lru_cache function, and str.maketrans(...).</summary>
        private Ex? FunctionAttributeCall(Attribute a, Call call)
        {
            if (a.Value is Name fnName && Resolve(fnName.Id) is { Kind: ResolvedKind.Function, Function: { Cached: true } cf } && a.Attr is "cache_info" or "cache_clear")
            {
                string cacheName = (cf.Parent is null && cf.Owner is null ? _modules.First(m => m.Functions.ContainsValue(cf)).CsName + "." : "") + "__cache_" + cf.CsName;
                return a.Attr == "cache_info" ? new Ex($"{cacheName}.Info()", PyType.Object, true) : new Ex($"{cacheName}.Clear()", PyType.None, true);
            }
            if (a.Attr == "maketrans" && a.Value is Name { Id: "str" } && Resolve("str").Kind == ResolvedKind.Builtin)
                return new Ex($"StrOps.MakeTrans({string.Join(", ", call.Args.Select(x => Box(EmitExpr(x))))})", PyType.Dict(PyType.Int, PyType.Object), true);
            return null;
        }

        /// <summary>str.upper(s), float.is_integer(x): the same call as the method of the first argument; null otherwise.</summary>
        private Call? UnboundBuiltinMethodCall(Attribute a, Call call) =>
            a.Value is Name { Id: "str" or "int" or "float" } bt && Resolve(bt.Id).Kind == ResolvedKind.Builtin && call.Args.Count >= 1 && call.Args[0] is not Starred && a.Attr is not ("fromhex" or "maketrans" or "from_bytes" or "__new__")
                ? new Call(new Attribute(call.Args[0], a.Attr, ExprContext.Load, a.Span), NodeList.Of(call.Args.Skip(1).ToArray()), call.Keywords, call.Span)
                : null;

        /// <summary>
        /// object.__setattr__(self, n, v) and object.__getattribute__(self, n): setattr and getattr, which here do not go
        /// through a class's own __setattr__ or __getattribute__ either (what calling object's is for).
        /// </summary>
        private Call? ObjectDunderCall(Attribute a, Call call) =>
            a.Value is Name { Id: "object" } && Resolve("object").Kind == ResolvedKind.Builtin && a.Attr is "__setattr__" or "__getattribute__"
                ? new Call(new Name(a.Attr == "__setattr__" ? "setattr" : "getattr", ExprContext.Load, a.Span), call.Args, call.Keywords, call.Span)
                : null;

        /// <summary>float.fromhex(s), bytes.fromhex(s) and bytearray.fromhex(s).</summary>
        private Ex? FromHexCall(Attribute a, Call call)
        {
            if (a.Attr != "fromhex" || call.Args.Count != 1 || a.Value is not Name { Id: "float" or "bytes" or "bytearray" } type || Resolve(type.Id).Kind != ResolvedKind.Builtin) return null;
            string text = Coerce(EmitExpr(call.Args[0]), PyType.Str).Code;
            return type.Id switch
            {
                "float" => new Ex($"Py.FloatFromHex({text})", PyType.Float, true),
                "bytes" => new Ex($"PyBytes.FromHex({text})", PyType.Bytes, true),
                _ => new Ex($"PyByteArray.FromHex({text})", Mapping.Builtins.ByteArray, true),
            };
        }

        private static ClassModel? FindMethodOwner(ClassModel? c, string name)
        {
            for (var x = c; x is not null; x = x.Base) if (x.Methods.ContainsKey(name)) return x;
            return null;
        }

        /// <summary>
        /// obj.m(args) on a value of unknown class may reach any program method named m: each such method's parameters
        /// take these arguments' types too (cache.get(args) with a tuple, where another call passes a str).
        /// </summary>
        /// <param name="spread">the arguments end in *args or **kwargs: the parameters past <paramref name="args"/> may get anything</param>
        private void WidenDynamicallyCalled(string name, List<Ex> args, bool spread = false)
        {
            if (args.Count == 0 && !spread || args.Any(x => x.Type.Kind == TypeKind.Unknown) || name.StartsWith("__", StringComparison.Ordinal)) return;
            foreach (var m in _modules.SelectMany(x => x.Classes.Values).Select(c => c.Methods.TryGetValue(name, out var f) ? f : null))
            {
                if (m is null || m.IsStatic || m.IsClassMethod || m.IsProperty || m.IsDecorated || m.VarArgs is not null) continue;
                for (int i = 0; i < m.Params.Count && (spread || i < args.Count); i++)
                    if (!m.Params[i].Declared) WidenParam(m, i, i < args.Count ? args[i].Type : PyType.Object);
            }
        }

        /// <summary>obj.method(*args, **kwargs) on a dynamic value: the bound method, called with the spread arguments.</summary>
        private Ex SpreadMethodCall(Ex obj, Attribute a, Call call)
        {
            if (obj.Type.Kind is TypeKind.Object or TypeKind.Unknown)
                WidenDynamicallyCalled(a.Attr, call.Args.TakeWhile(x => x is not Starred).Select(x => EmitExpr(x)).ToList(), spread: true);
            return SpreadCallValue(new Ex($"Dyn.GetAttr({Box(obj)}, {CsNames.Literal(a.Attr)})", PyType.Object, true), call);
        }

        /// <summary>
        /// <c>Base.method(self, ...)</c>, an explicit unbound call. On a second base C# does not derive from
        /// (<c>class Box(Named, Sized)</c> calling <c>Sized.__init__(self, size)</c>) it is BATUTA-T-004.
        /// </summary>
        private Ex UnboundMethodCall(ClassModel cls, FunctionModel sm, Call call)
        {
            var self = EmitExpr(call.Args[0]);
            var rest = call.Args.Skip(1).ToList();
            bool onSelf = _class is not null && self.Code == "this";
            if (MroUnboundCall(cls, sm, call, onSelf) is { } viaMro) return viaMro;
            // a mixin's method merged into this class (ModelBuilder.MergeMixins) is this class's own
            if (onSelf && _class?.FindMethod(sm.Name) is { } merged && merged.Def == sm.Def && merged.Owner == _class && cls != _class)
                return new Ex($"this.{merged.CsName}({string.Join(", ", BindArguments(merged, rest, call.Keywords.ToList(), call))})", merged.ReturnType, true);
            if (onSelf && _class != cls && !(_class?.IsSubclassOf(cls) ?? false))
                return Unsupported(call, $"{cls.Name}.{sm.Name}(self, ...) on a base class C# does not derive from (class {_class?.Name} has several bases)", "derive from one class and hold the other in an attribute");
            return new Ex($"{(onSelf && (_class?.IsSubclassOf(cls) ?? false) ? "base" : $"(({ClassCsName(cls)}){self.P})")}.{sm.CsName}({string.Join(", ", BindArguments(sm, rest, call.Keywords.ToList(), call))})", sm.ReturnType, true);
        }

        /// <summary>super().method(...), or object.__new__(cls) in a class's __new__.</summary>
        private Ex? SuperOrObjectNew(ClassModel cls, Attribute a, Call call) => a.Value switch
        {
            Call { Func: Name { Id: "super" } } => SuperCall(cls, a, call),
            Name { Id: "object" } when a.Attr == "__new__" => SuperNew(cls, call),
            Name { Id: var builtin } when a.Attr == "__new__" && builtin == cls.ValueKind && Resolve(builtin).Kind == ResolvedKind.Builtin => SuperNew(cls, call),
            _ => null,
        };

        /// <summary>super().method(...)</summary>
        private Ex SuperCall(ClassModel cls, Attribute a, Call call)
        {
            if (a.Attr == "__new__" && SuperNew(cls, call) is { } made) return made;
            if (MroSuperCall(cls, a, call) is { } viaMro) return viaMro;
            if (BuiltinSuperCall(cls, a, call) is { } builtin) return builtin;
            var bm = cls.Base?.FindMethod(a.Attr);
            if (bm is not null)
            {
                NoteCall(bm);
                // in a classmethod (a static method per class here) the base's own copy runs
                if (_function is { IsClassMethod: true } && bm.IsClassMethod && FindMethodOwner(cls.Base, a.Attr) is { } owner)
                    return new Ex($"{ClassCsName(owner)}.{bm.CsName}({string.Join(", ", BindArguments(bm, call.Args.ToList(), call.Keywords.ToList(), call))})", bm.ReturnType, true);
                return new Ex($"base.{bm.CsName}({string.Join(", ", BindArguments(bm, call.Args.ToList(), call.Keywords.ToList(), call))})", bm.ReturnType, true);
            }
            // object.__init_subclass__ does nothing
            if (a.Attr == "__init_subclass__") return new Ex("/*void*/", PyType.None, true);
            if (a.Attr == "__str__") return new Ex("base.PyStr()", PyType.Str, true);
            if (a.Attr == "__repr__") return new Ex("base.PyRepr()", PyType.Str, true);
            if (MixinSuperPastObject(cls, a) is { } missing) return missing;
            return Unsupported(call, $"super().{a.Attr}()");
        }

        private Ex CallAttribute(Attribute a, Call call, PyType expected)
        {
            if (ValueClassDunderCall(a, call) is { } onValue) return onValue;
            if (BuiltinUnboundSelfCall(a, call) is { } onBuiltin) return onBuiltin;
            if (UnboundBuiltinMethodCall(a, call) is { } bound) return EmitCall(bound, expected);
            if (ObjectDunderCall(a, call) is { } plain) return EmitCall(plain, expected);
            // super() is relative to the class defining the method (not the receiver of an inherited classmethod's copy)
            if (_class is not null && SuperOrObjectNew(_function?.Owner ?? _class, a, call) is { } viaBase) return viaBase;
            // Point._make(values) is Point(*values)
            if (StaticClass(a.Value) is { IsNamedTuple: true } && a.Attr == "_make" && call.Args.Count == 1 && call.Keywords.Count == 0)
                return EmitCall(new Call(a.Value, NodeList.Of<ExpressionNode>(new Starred(call.Args[0], ExprContext.Load, call.Span)), default, call.Span), expected);
            // Class.method(...) for static/class methods
            if (StaticClass(a.Value) is { } cls)
            {
                var sm = cls.FindMethod(a.Attr);
                if (sm is not null) NoteCall(sm);
                if (sm is not null && (sm.IsStatic || sm.IsClassMethod))
                    return KeepingCallerSite(sm, call, new Ex($"{ClassCsName(cls)}.{sm.CsName}({string.Join(", ", BindArguments(sm, call.Args.ToList(), call.Keywords.ToList(), call))})", sm.IsGenerator ? PyType.Iterable(sm.ReturnType.Elem) : sm.ReturnType, true));
                if (sm is not null && call.Args.Count > 0) return UnboundMethodCall(cls, sm, call);
            }
            if (FromHexCall(a, call) is { } fromHex) return fromHex;
            if (a.Value is Name { Id: "int" } && Resolve("int").Kind == ResolvedKind.Builtin && a.Attr == "from_bytes")
            {
                var kwBytes = call.Keywords.Where(k => k.Arg is not null).ToDictionary(k => k.Arg.OrThrow(), k => k.Value);
                var src = Coerce(EmitExpr(call.Args[0]), PyType.Bytes).Code;
                var order = call.Args.Count > 1 ? Coerce(EmitExpr(call.Args[1]), PyType.Str).Code : kwBytes.TryGetValue("byteorder", out var bo) ? Coerce(EmitExpr(bo), PyType.Str).Code : "\"big\"";
                var signed = kwBytes.TryGetValue("signed", out var sg) ? Truth(EmitExpr(sg)) : "false";
                return new Ex($"PyBytes.ToInt({src}, {order}, {signed})", PyType.Int, true);
            }
            if (a.Value is Name { Id: "dict" } dn && Resolve("dict").Kind == ResolvedKind.Builtin && a.Attr == "fromkeys")
            {
                var src = EmitExpr(call.Args[0]);
                var val = call.Args.Count > 1 ? EmitExpr(call.Args[1]) : new Ex("null", PyType.None, true);
                var vt = val.Type.Kind == TypeKind.None ? PyType.Object : val.Type;
                var dt = PyType.Dict(ElementType(src.Type), vt);
                return new Ex($"{CsTypes.Of(dt)}.FromKeys({AsEnumerable(src)}, {Coerce(val, vt).Code})", dt, true);
            }
            if (FunctionAttributeCall(a, call) is { } special) return special;
            var obj = Unwrap(ReceiverExpr(a.Value), a.Attr);
            if (obj.IntLiteral) obj = new Ex($"new PyInt({obj.Code})", PyType.Int, true);
            var t = obj.Type;
            if (t.Kind == TypeKind.Module)
            {
                if (_moduleByName.TryGetValue(t.Name.OrThrow(), out var um))
                {
                    if (um.Functions.TryGetValue(a.Attr, out var f)) return CallFunction(f, $"{um.CsName}.{f.CsName}", call);
                    if (um.Classes.TryGetValue(a.Attr, out var c)) return Construct(c, $"{um.CsName}.{c.CsName}", call);
                    // pkg.f() where pkg's __init__ imported f from a submodule
                    switch (ResolveIn(um, a.Attr))
                    {
                        case { Kind: ResolvedKind.Function, Function: { } rf } rr: return CallFunction(rf, rr.Code, call);
                        case { Kind: ResolvedKind.Class, Class: { } rc } cr: return Construct(rc, cr.Code, call);
                    }
                }
                var moduleCall = MappedCall(call, t.Name + "." + a.Attr + "()", () => WhileArgumentsUnknown(() => Mapping.StdlibModules.Call(this, t.Name + "." + a.Attr, call, expected)));
                return t.Name == "itertools" && moduleCall.Type.Kind == TypeKind.Iterable ? moduleCall.AsIterator() : moduleCall;
            }
            if (t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is { IsDataclass: true } dc && dc.FindMethod(a.Attr) is null)
            {
                if (a.Attr == "_replace" && dc.IsNamedTuple) return ReplaceFields(dc, obj, call.Keywords);
                if (a.Attr == "_asdict" && dc.IsNamedTuple) return new Ex($"{obj.P}.PyFields()", PyType.Dict(PyType.Str, PyType.Object), true);
            }
            if (t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is { } oc)
            {
                var m = oc.FindMethod(a.Attr);
                if (m is { IsDecorated: true, Owner: { } decoratedOwner })
                    return SpreadCallValue(new Ex($"{ClassCsName(decoratedOwner)}.{m.CsName}{DecoratedSuffix}", PyType.Object, true),
                        new Call(a, NodeList.Of(new ExpressionNode[] { new Name("__self_placeholder", ExprContext.Load, a.Span) }.Concat(call.Args).ToArray()), call.Keywords, call.Span), obj);
                if (m is not null && !m.IsProperty)
                {
                    NoteCall(m);
                    var rt = m.IsGenerator ? (m.ReturnType.Kind == TypeKind.Iterable ? m.ReturnType : PyType.Iterable(m.ReturnType)) : m.ReturnType;
                    string target = m.IsStatic || m.IsClassMethod ? ClassCsName(oc) : obj.P;
                    var margs = BindArguments(m, call.Args.ToList(), call.Keywords.ToList(), call);
                    var mc = new Ex(PassesDepth(m, call) ? DepthCall($"{target}.{m.CsName}", margs) : $"{target}.{m.CsName}({string.Join(", ", margs)})", rt.Kind == TypeKind.Unknown && !_inferring ? PyType.None : rt, true);
                    return m.IsGenerator ? mc.AsIterator() : KeepingCallerSite(m, call, mc);
                }
                var field = oc.FindField(a.Attr);
                if (field is not null) return CallValue(new Ex($"{obj.P}.{field.CsName}", field.Type, true), call);
            }
            if (MappedMethod(obj, a, call, expected) is { } mapped) return mapped;
            return DynamicMethodCall(obj, a, call);
        }

        private static readonly HashSet<string> LoggingMethods = new(StringComparer.Ordinal) { "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log" };

        /// <summary>
        /// log.info(...) on a dynamic value in a project that imports logging: the value may be a Logger, whose record
        /// names the call site.
        /// </summary>
        private bool IsLoggingMethod(PyType receiver, string name) =>
            receiver.Kind is TypeKind.Object or TypeKind.Unknown && LoggingMethods.Contains(name) && _moduleByName.Values.Any(ImportsLogging);

        private static bool ImportsLogging(ModuleModel m) =>
            m.Imports.Values.Any(v => v == "module:logging" || v.StartsWith("member:logging:", StringComparison.Ordinal));

        /// <summary>obj.method(...) that no static rule resolved: called by name at run time.</summary>
        private Ex DynamicMethodCall(Ex obj, Attribute a, Call call)
        {
            var t = obj.Type;
            if (call.Args.Any(x => x is Starred) || call.Keywords.Any(k => k.Arg is null)) return SpreadMethodCall(obj, a, call);
            var argValues = call.Args.Select(x => EmitExpr(x)).ToList();
            if (t.Kind is TypeKind.Object or TypeKind.Unknown) WidenDynamicallyCalled(a.Attr, argValues);
            var args = argValues.Select(Box).ToList();
            if (IsLoggingMethod(t, a.Attr))
                return new Ex($"LoggingModule.MethodAt({SourceSite(call)}, {Box(obj)}, {CsNames.Literal(a.Attr)}, {KeywordDict(call)}{string.Concat(args.Select(x => ", " + x))})", DynamicType(obj), true);
            if (call.Keywords.Count > 0)
                return new Ex($"Dyn.CallMethodKw({Box(obj)}, {CsNames.Literal(a.Attr)}, {KeywordDict(call)}{string.Concat(args.Select(x => ", " + x))})", DynamicType(obj), true);
            return new Ex($"Dyn.CallMethod({Box(obj)}, {CsNames.Literal(a.Attr)}{string.Concat(args.Select(x => ", " + x))})", DynamicType(obj), true);
        }
    }
}
