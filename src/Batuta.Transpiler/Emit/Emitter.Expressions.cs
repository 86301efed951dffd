using System.Globalization;
using System.Numerics;
using Batuta.Python.Ast;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    internal sealed partial class Emitter
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        private Ex EmitExpr(ExpressionNode e, PyType? expected = null)
        {
            try
            {
                var v = EmitExprCore(e, expected ?? PyType.Unknown);
                if (e is Call && !ReferenceEquals(e, _statementCall) && v.Type.Kind == TypeKind.None && v.Code.EndsWith(")", StringComparison.Ordinal))
                    v = new Ex($"Py.NoneAfter(() => {v.Code})", PyType.None, true);
                NoteValue(v);
                if (_inferring && v.Type.HasUnknown) _unknownSeen++;
                return v;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Report(TranspilerCodes.Internal, TranspilerSeverity.Warning, $"the transpiler could not migrate this {e.PythonName} expression ({ex.GetType().Name}: {ex.Message})", "rewrite the expression more simply", e);
                return new Ex($"Py.Raise<object?>(Py.Unsupported({CsNames.Literal(e.PythonName + " expression")}, {CsNames.Literal(_module.Path + ":" + e.Line)}))", PyType.Object, true);
            }
        }

        private Ex EmitExprCore(ExpressionNode e, PyType expected)
        {
            switch (e)
            {
                case Constant c: return EmitConstant(c, expected);
                case Name n when expected.Kind == TypeKind.Func && Resolve(n.Id).Kind == ResolvedKind.Builtin && !ModelBuilder.BuiltinExceptions.Contains(n.Id):
                {
                    // the adapter keeps the builtin's name (f.__name__, isinstance(x, t) with t = list)
                    var adapter = EmitLambda(BuiltinAsLambda(n, expected.Params.Count(), a => new Call(new Name(n.Id, ExprContext.Load, n.Span), NodeList.Of(a), default, n.Span)), expected);
                    return new Ex($"Py.Named({adapter.Code}, {CsNames.Literal(n.Id)})", adapter.Type, true);
                }
                case Attribute { Value: Name { Id: "str" or "int" or "float" } tn } ta when expected.Kind == TypeKind.Func && Resolve(tn.Id).Kind == ResolvedKind.Builtin:
                    return EmitLambda(BuiltinAsLambda(ta, 1, a => new Call(new Attribute(a[0], ta.Attr, ExprContext.Load, ta.Span), NodeList.Of(a.Skip(1).ToArray()), default, ta.Span)), expected);
                // A function passed where a typed callable is expected (key=f, map(f, xs)): a lambda calling it, so its
                // parameters take the types the callers give, as for a direct call.
                case Name n when expected.Kind == TypeKind.Func && expected.Params.Any() && expected.Params.All(p => !p.HasUnknown) && Resolve(n.Id) is { Kind: ResolvedKind.Function, Function: { IsGenerator: false, VarArgs: null } fn } && fn.Params.Count >= expected.Params.Count():
                {
                    // the adapter keeps the function's name (f.__name__ through a variable)
                    var adapter = EmitLambda(BuiltinAsLambda(n, expected.Params.Count(), a => new Call(new Name(n.Id, ExprContext.Load, n.Span), NodeList.Of(a), default, n.Span)), expected);
                    if (WrapsDecorator(fn) is { } wraps)
                        return new Ex($"Py.Wraps(Py.Named({adapter.Code}, {FunctionNameCode(fn)}), {Box(EmitExpr(wraps.Args[0]))})", adapter.Type, true);
                    return new Ex($"Py.Named({adapter.Code}, {CsNames.Literal(fn.Name)})", adapter.Type, true);
                }
                // A bound method of a container or str variable where a callable is expected (key=hist.get,
                // key=d.__getitem__, map(words.count, xs)): a lambda calling it.
                case Attribute ma when expected.Kind == TypeKind.Func && expected.Params.Any() && IsBoundBuiltinMethod(ma):
                    return EmitLambda(BuiltinAsLambda(ma, expected.Params.Count(), a => ma.Attr == "__getitem__"
                        ? new Subscript(ma.Value, a[0], ExprContext.Load, ma.Span)
                        : new Call(new Attribute(ma.Value, ma.Attr, ExprContext.Load, ma.Span), NodeList.Of(a), default, ma.Span)), expected);
                // An Enum class used as a value: its members, in definition order (iteration, len, list(), in).
                case Name or Attribute when StaticClass(e) is { IsEnum: true } ec:
                    return new Ex($"{ClassCsName(ec)}.Members", PyType.List(ec.Type), true);
                // math.sqrt passed where a function is expected: a lambda calling it, typed by where it goes.
                case Attribute { Value: Name sm } sa when expected.Kind == TypeKind.Func && Resolve(sm.Id) is { Kind: ResolvedKind.Module, Qualified: { } q } && !_moduleByName.ContainsKey(q) && Mapping.StdlibModules.RequiredArguments(q + "." + sa.Attr) is { } arity:
                    return EmitLambda(BuiltinAsLambda(sa, arity, xs => new Call(new Attribute(sa.Value, sa.Attr, ExprContext.Load, sa.Span), NodeList.Of(xs), default, sa.Span)), expected);
                // floor imported from math, passed where a function is expected: the same, typed by where it goes
                case Name sn when expected.Kind == TypeKind.Func && Resolve(sn.Id) is { Kind: ResolvedKind.StdlibMember, Qualified: { } sq } && Mapping.StdlibModules.Constant(sq) is null && Mapping.StdlibModules.RequiredArguments(sq) is { } nameArity:
                    return EmitLambda(BuiltinAsLambda(sn, nameArity, xs => new Call(sn, NodeList.Of(xs), default, sn.Span)), expected);
                // operator.mul passed as a function: the lambda it stands for, typed by where it goes.
                case Attribute { Value: Name om } oa when Resolve(om.Id) is { Kind: ResolvedKind.Module, Qualified: "operator" } && Mapping.OperatorModule.AsLambda(oa.Attr, oa) is { } opLambda:
                    return EmitLambda(opLambda, expected);
                case Name n: return EmitName(n);
                case BinOp b:
                {
                    var left = EmitExpr(b.Left, OperandContext(b, b.Left, expected, null));
                    return BinaryOp(b.Op, left, EmitExpr(b.Right, OperandContext(b, b.Right, expected, left.Type)), b);
                }
                case UnaryOp u: return EmitUnary(u);
                case BoolOp b: return EmitBoolOp(b);
                case Compare c: return EmitCompare(c);
                case IfExp i:
                {
                    var test = Truth(EmitExpr(i.Test));
                    var a = EmitExpr(i.Body, expected);
                    var b2 = EmitExpr(i.Orelse, expected);
                    var t = PyType.Join(a.Type, b2.Type);
                    if (t.Kind == TypeKind.Unknown) t = expected;
                    // Dynamic branches are cast to object: C# would otherwise type `c ? 2.5 : new PyInt(3)` as double.
                    // int literals as longs: `c ? 1 : 0` is an int in C#, and a Select over it an IEnumerable<int>
                    // an Optional of a value type (`int(s) if s else None`): C# cannot infer PyInt? from PyInt and null
                    string Branch(Ex x) => t.Kind == TypeKind.Object ? $"(object?)({Coerce(x, t).Code})" : x.IntLiteral && t.IsLong ? x.Code + "L"
                        : t.Kind == TypeKind.Optional && CsTypes.IsValueType(t.Inner) && x.Type.Kind != TypeKind.None ? $"({CsTypes.Of(t)})({Coerce(x, t).Code})" : Coerce(x, t).Code;
                    return new Ex($"{test} ? {Branch(a)} : {Branch(b2)}", t);
                }
                case Call call: return EmitCall(call, expected);
                case Attribute a: return EmitAttribute(a);
                case Subscript s: return EmitSubscript(s);
                case List l: return EmitListLiteral(l.Elts, expected, "list");
                case Set s: return EmitListLiteral(s.Elts, expected, "set");
                case Tuple t: return EmitTuple(t, expected);
                case Dict d: return EmitDict(d, expected);
                case ListComp lc: return InFrame("<listcomp>", () => Comprehension(lc.Generators, lc.Elt, null, "list", expected));
                case SetComp sc: return InFrame("<setcomp>", () => Comprehension(sc.Generators, sc.Elt, null, "set", expected));
                case GeneratorExp ge: return InFrame("<genexpr>", () => Comprehension(ge.Generators, ge.Elt, null, "gen", expected));
                case DictComp dc: return InFrame("<dictcomp>", () => Comprehension(dc.Generators, dc.Key, dc.Value, "dict", expected));
                case JoinedStr js: return EmitFString(js);
                case FormattedValue fv: return EmitFString(new JoinedStr(NodeList.Of<ExpressionNode>(fv), fv.Span));
                case Lambda lam: return InFrame("<lambda>", () => EmitLambda(lam, expected));
                case NamedExpr ne:
                {
                    var v = EmitExpr(ne.Value, TargetType(ne.Target));
                    if (ne.Target is Name tn && Resolve(tn.Id).Var is { } var)
                    {
                        foreach (var map in _narrowed) map.Remove(tn.Id);
                        Widen(var, v.Type);
                        return new Ex($"({Resolve(tn.Id).Code} = {Coerce(v, var.Type).Code})", var.Type, true);
                    }
                    return v;
                }
                case Starred st: return EmitExpr(st.Value, expected);
                case Yield y when _sentValues.FirstOrDefault(x => ReferenceEquals(x.Node, y)).Local is { } sent:
                    return new Ex(sent, PyType.Object, true);
                case Yield:
                case YieldFrom:
                    return Unsupported(e, "yield used as an expression (send)", "use it as a statement or as x = yield v");
                case Await:
                    return Unsupported(e, "await", "asyncio is not supported");
                case Slice:
                    return Unsupported(e, "a slice object outside a subscript");
            }
            return Unsupported(e, e.PythonName);
        }

        private Ex EmitConstant(Constant c, PyType expected)
        {
            switch (c.Value)
            {
                case null: return new Ex("null", PyType.None, true);
                case bool b: return new Ex(b ? "true" : "false", PyType.Bool, true);
                case BigInteger i:
                    if (expected.Kind == TypeKind.Float) return new Ex(FloatLiteral((double)i), PyType.Float, true);
                    if (i >= int.MinValue && i <= int.MaxValue) return new Ex(i.ToString(Inv), IntRanges.Constant((long)i), true, intLiteral: true);
                    if (i >= long.MinValue && i <= long.MaxValue) return new Ex(i == long.MinValue ? "long.MinValue" : i.ToString(Inv) + "L", IntRanges.Constant((long)i), true);
                    return new Ex($"PyInt.Parse(\"{i.ToString(Inv)}\")", PyType.Int, true);
                case double d: return new Ex(FloatLiteral(d), PyType.Float, true);
                case string s: return new Ex(CsNames.Literal(s), PyType.Str, true);
                case PythonBytes by: return new Ex(by.ToArray().Length == 0 ? "PyBytes.Empty" : $"new PyBytes(new byte[] {{ {string.Join(", ", by.ToArray())} }})", PyType.Bytes, true);
                case PythonEllipsis: return new Ex("null", PyType.None, true);
                // an imaginary literal (2j): a dynamic complex value, as complex(...) gives
                case System.Numerics.Complex z: return new Ex($"new PyComplex({FloatLiteral(z.Real)}, {FloatLiteral(z.Imaginary)})", PyType.Object, true);
            }
            return Unsupported(c, "this constant");
        }

        private static string FloatLiteral(double d)
        {
            if (double.IsPositiveInfinity(d)) return "double.PositiveInfinity";
            if (double.IsNegativeInfinity(d)) return "double.NegativeInfinity";
            if (double.IsNaN(d)) return "double.NaN";
            var r = d.ToString("R", Inv);
            if (!r.Contains('.') && !r.Contains('E')) r += ".0";
            return r;
        }

        /// <summary>
        /// A def with *args or **kwargs as a value: a PyVariadicFunction spreading the call's arguments over the
        /// parameters (a delegate type could not take "any number"); null for other functions.
        /// </summary>
        /// <summary>The def itself as a value (what a decorator receives).</summary>
        private string UndecoratedValue(FunctionModel f, string code)
        {
            f.EscapesAsValue = true;
            if (VariadicValue(f, code) is { } variadic) return variadic.Code;
            var ft = PyType.Func(f.IsGenerator ? (f.ReturnType.Kind == TypeKind.Iterable ? f.ReturnType : PyType.Iterable(f.ReturnType)) : f.ReturnType.Kind == TypeKind.Unknown && !_inferring ? PyType.None : f.ReturnType, f.Params.Select(p => p.Type).ToArray());
            int keywordOnly = f.Def.Args.Kwonlyargs.Count;
            var init = new List<string>();
            if (keywordOnly > 0) init.Add($"KeywordOnly = {keywordOnly}");
            return $"new PyNamedFunction({FunctionNameCode(f)}, new {CsTypes.Of(ft)}({code}){DefaultsArray(f)}){ValueInit(f, init)}";
        }

        /// <summary>The def's @functools.wraps(fn) decorator, if it has one.</summary>
        private static Call? WrapsDecorator(FunctionModel f) =>
            f.Def.DecoratorList.OfType<Call>().FirstOrDefault(d => d.Args.Count == 1 && d.Func is Name { Id: "wraps" } or Attribute { Attr: "wraps" });

        /// <summary>The __name__ of a def as a value: its own, or under @functools.wraps(fn) the wrapped function's.</summary>
        private string FunctionNameCode(FunctionModel f)
        {
            var wraps = WrapsDecorator(f);
            return wraps is null ? CsNames.Literal(f.Name) : $"Py.WrappedName({Box(EmitExpr(wraps.Args[0]))}, {CsNames.Literal(f.Name)})";
        }

        /// <summary>
        /// The initializer of a def as a value: " { Wrapped = fn }" under @functools.wraps(fn) (its __wrapped__), its
        /// docstring (__doc__); nothing when it has neither.
        /// </summary>
        private string ValueInit(FunctionModel f, List<string>? init = null)
        {
            init ??= new List<string>();
            if (WrapsDecorator(f) is { } wraps) init.Add($"Wrapped = {Box(EmitExpr(wraps.Args[0]))}");
            if (Docstring(f.Def.Body) is { } doc) init.Add($"Doc = {CsNames.Literal(doc)}");
            return init.Count > 0 ? $" {{ {string.Join(", ", init)} }}" : "";
        }

        /// <summary>
        /// The Python defaults of a function passed on as a value, for the runtime's argument binding (a decorator's
        /// <c>fn(*args, **kwargs)</c> leaves them out): ", new object?[] { ... }", or nothing when it has none.
        /// </summary>
        private string DefaultsArray(FunctionModel f)
        {
            var defaults = DefaultsOf(f).SkipWhile(x => x.Default is null).ToList();
            if (defaults.Count == 0 || defaults.Any(x => x.Default is null)) return "";
            var values = defaults.Select(x => DefaultValue(f, x.Param, x.Default.OrThrow()));
            return $", new object?[] {{ {string.Join(", ", values)} }}";
        }

        /// <summary>A default as an object: a constant inline, else the field every call shares (a mutable default stays one object).</summary>
        private string DefaultValue(FunctionModel f, VarInfo param, ExpressionNode value) =>
            IsInlineDefault(value) ? Box(Coerce(EmitExpr(value, param.Type), param.Type)) : Box(new Ex(DefaultRef(f, param), param.Type, true));

        /// <summary><c>f.__defaults__</c> of a def: its positional parameters' defaults as a tuple, or None without any.</summary>
        private Ex FunctionDefaults(FunctionModel f)
        {
            var a = f.Def.Args;
            int positional = a.Posonlyargs.Count + a.Args.Count - (f.Owner is not null && !f.IsStatic ? 1 : 0);
            var values = DefaultsOf(f).Take(positional).Where(x => x.Default is not null).Select(x => DefaultValue(f, x.Param, x.Default.OrThrow())).ToList();
            return values.Count == 0 ? new Ex("null", PyType.None, true) : new Ex($"new PyTuple({string.Join(", ", values)})", PyType.VarTuple(PyType.Object), true);
        }

        private Ex? VariadicValue(FunctionModel f, string code)
        {
            if (f.VarArgs is null && f.KwArgs is null || f.Def.Args.Kwonlyargs.Count > 0 || f.IsGenerator) return null;
            var args = f.Params.Select((p, i) => $"Dyn.Cast<{CsTypes.Of(p.Type)}>(__a[{i}])").ToList();
            // the call's keyword arguments go to **kwargs (converted to its value type)
            if (f.KwArgs is not null) args.Add(f.KwArgs.Type.Value.Kind is TypeKind.Object or TypeKind.Unknown ? "__k" : $"Py.KwOf<{CsTypes.Of(f.KwArgs.Type.Value)}>(__k)");
            if (f.VarArgs is not null) args.Add($"__a.Skip({f.Params.Count}).ToArray()");
            string call = $"{code}({string.Join(", ", args)})";
            string body = f.ReturnType.Kind is TypeKind.None or TypeKind.Unknown ? $"{{ {call}; return null; }}" : Box(new Ex(call, f.ReturnType, true));
            return new Ex($"new PyVariadicFunction({FunctionNameCode(f)}, {(f.KwArgs is not null ? "(__a, __k)" : "__a")} => {body}){ValueInit(f)}", PyType.Object, true);
        }

        /// <summary>
        /// A mapped standard-library function as a value (<c>reduce(lcm, xs)</c>, <c>key=math.floor</c>): a lambda calling
        /// it with its required parameters (two for a variadic one like gcd), typed where the lambda is used.
        /// </summary>
        private Ex? StdlibFunctionValue(ExpressionNode func, string qualified)
        {
            // itertools names stay names: chain has members of its own (chain.from_iterable)
            if (Mapping.StdlibModules.RequiredArguments(qualified) is not { } arity || qualified.StartsWith("itertools.", StringComparison.Ordinal)) return null;
            var lambda = BuiltinAsLambda(func, arity, args => new Call(func, NodeList.Of(args), default, func.Span));
            return EmitExpr(lambda);
        }

        /// <summary>
        /// <c>obj.method</c> as a value: its delegate, or, as for a def (FunctionValue), a named function when it has
        /// *args or defaults (a delegate type takes neither "any number" nor fewer arguments).
        /// </summary>
        private Ex BoundMethodValue(FunctionModel m, string code)
        {
            if (!m.IsDecorated && VariadicValue(m, code) is { } variadic)
            {
                m.EscapesAsValue = true;
                return variadic;
            }
            if (!m.IsDecorated && !m.IsGenerator && DefaultsOf(m).Any(x => x.Default is not null)) return new Ex(UndecoratedValue(m, code), PyType.Object, true);
            var ft = PyType.Func(m.ReturnType, m.Params.Select(p => p.Type).ToArray());
            return new Ex($"new {CsTypes.Of(ft)}({code})", ft);
        }

        /// <summary>A def as a value: its delegate, or a named function when it has defaults, *args or decorators.</summary>
        private Ex FunctionValue(FunctionModel f, string code)
        {
            f.EscapesAsValue = true;
            if (f.IsDecorated) return new Ex(code + DecoratedSuffix, PyType.Object, true);
            if (VariadicValue(f, code) is { } variadic) return variadic;
            // a def with defaults as a value (f = inc; handlers = {"add": add}): a named function that binds
            // defaults and keywords when called (a delegate type has no defaults)
            if (DefaultsOf(f).Any(x => x.Default is not null) && !f.IsGenerator) return new Ex(UndecoratedValue(f, code), PyType.Object, true);
            // a value may be called with any argument (f = square; f(1.5) beside square(3)): its parameters are dynamic
            foreach (var p in f.Params) Widen(p, PyType.Object);
            var ft = PyType.Func(f.IsGenerator ? (f.ReturnType.Kind == TypeKind.Iterable ? f.ReturnType : PyType.Iterable(f.ReturnType)) : f.ReturnType.Kind == TypeKind.Unknown && !_inferring ? PyType.None : f.ReturnType, f.Params.Select(p => p.Type).ToArray());
            return new Ex($"new {CsTypes.Of(ft)}({code})", ft);
        }

        /// <summary>
        /// The receiver of <c>a.b</c>: a standard-library name imported by <c>from m import a</c> stays the module-like
        /// name its mapped members are found under (OrderedDict.fromkeys, chain.from_iterable); anything else is a value.
        /// </summary>
        private Ex ReceiverExpr(ExpressionNode v) =>
            v is Name n && Resolve(n.Id) is { Kind: ResolvedKind.StdlibMember, Qualified: { } q } r && Mapping.StdlibModules.Constant(q) is null && Mapping.StdlibModules.IsKnown(q.Split('.')[0])
                ? new Ex(r.Code, PyType.Module(q), true)
                : EmitExpr(v);

        private Ex EmitName(Name n)
        {
            if (n.Id == "__name__" && _function is null) return new Ex("__name__", PyType.Str, true);
            var r = Resolve(n.Id);
            // a function reading the module's __name__ (print(__name__) in main())
            if (n.Id == "__name__" && r.Kind == ResolvedKind.Unknown) return new Ex($"{_module.CsName}.__name__", PyType.Str, true);
            switch (r.Kind)
            {
                case ResolvedKind.Local:
                case ResolvedKind.Global:
                    return new Ex(r.Code, r.NarrowedType ?? r.Var.OrThrow().Type, true);
                case ResolvedKind.Function when r.Function is { } sf && _stableFunctionValues.Contains(sf):
                    sf.EscapesAsValue = true;
                    return new Ex(StableValueName(sf), PyType.Object, true);
                case ResolvedKind.Function:
                    return FunctionValue(r.Function.OrThrow(), r.Code);
                case ResolvedKind.Class:
                    // a receiver alias used as a value (cls): the class it stands for (names of classes are found by ReachedDynamically)
                    if (r.Class is { } valueClass && _calledDynamically.ValueNodes.Contains(n)) ConstructedDynamically(valueClass, withSubclasses: false);
                    return new Ex($"typeof({r.Code})", PyType.Object, true);
                case ResolvedKind.Module when r.Module is null:
                    // a standard-library module has no C# value: reading its members goes through the mapping tables, and
                    // the module itself used as a value (m = math) raises there (the assignment reports BATUTA-T-004)
                    return new Ex($"Py.Raise<object?>(Py.Unsupported({CsNames.Literal("the module " + (r.Qualified ?? r.Code) + " used as a value")}, {CsNames.Literal(_module.Path + ":" + n.Line)}))", PyType.Module(r.Qualified ?? r.Code), true);
                case ResolvedKind.Module:
                    return new Ex(r.Code, PyType.Module(r.Qualified ?? r.Code), true);
                case ResolvedKind.StdlibMember:
                {
                    var m = Mapping.StdlibModules.Constant(r.Qualified.OrThrow());
                    if (m is not null) return m.Value;
                    if (StdlibFunctionValue(n, r.Qualified.OrThrow()) is { } fn) return fn;
                    // from decimal import ROUND_HALF_UP: a name of a module Batuta does not map
                    if (!Mapping.StdlibModules.IsKnown(r.Qualified.OrThrow().Split('.')[0]))
                        return Unsupported(n, r.Qualified.OrThrow(), "not mapped by Batuta: see docs/python-subset.md for the supported modules");
                    // a third-party library's names (from numpy import float64) are read by its own mapping
                    if (Mapping.Libraries.IsKnownModule(r.Qualified.OrThrow().Split('.')[0])) return new Ex(r.Code, PyType.Module(r.Qualified.OrThrow()), true);
                    // from math import nextafter, from os import getloadavg, from collections import OrderedDict used as a value:
                    // a C# name that does not exist (a receiver of members, OrderedDict.fromkeys, is ReceiverExpr's)
                    return Unsupported(n, r.Qualified.OrThrow(), "not mapped by Batuta as a value: see docs/python-subset.md for the supported module members");
                }
                case ResolvedKind.Builtin:
                    // the class itself (a value: `handled = (ValueError, KeyError)`), not an instance of it
                    if (ModelBuilder.BuiltinExceptions.Contains(n.Id)) return new Ex($"typeof({CsTypes.RuntimeException(n.Id)})", PyType.Object, true);
                    return Mapping.Builtins.AsValue(n.Id) ?? new Ex(n.Id, PyType.Object, true);
            }
            // the module's file: the script as it was run for __main__, an imported module's absolute path
            if (n.Id == "__file__")
                return new Ex($"Sys.ModuleFile({CsNames.Literal(_module.Path == _options.EntryModule ? "__main__" : _module.Name)}, {CsNames.Literal(_module.Path)})", PyType.Str, true);
            Report(TranspilerCodes.Unsupported, TranspilerSeverity.Warning, $"name '{n.Id}' is not defined", "define it, or import it", n);
            return new Ex($"Py.Raise<object?>(new NameError({CsNames.Literal($"name '{n.Id}' is not defined")}))", PyType.Object, true);
        }

        // ---- coercions ----
        /// <summary>.Select converting each element; the lambda's name is fresh, since element conversions nest (lists of lists).</summary>
        private string ElementMap(PyType from, PyType to) => $".Select({ElementLambda(from, to)})";

        /// <summary>
        /// The type an operand literal is built for: <c>d | {k: []}</c> takes the left dict's types; <c>[0] * n</c> stored
        /// where any value may go (a row of a dynamic grid) gets dynamic items, as a list literal stored there does (a
        /// big int may be written to it later).
        /// </summary>
        private static PyType OperandContext(BinOp b, ExpressionNode operand, PyType expected, PyType? left)
        {
            if (operand is List && b.Op == Operator.Mult && expected.Kind == TypeKind.Object) return PyType.Object;
            if (left is not null && operand is Dict && b.Op == Operator.BitOr && left.IsDictLike) return left;
            return PyType.Unknown;
        }

        /// <summary>bytearray * n and bytearray + bytes stay a typed bytearray (the sieve idiom bytearray([1]) * n).</summary>
        private static Ex? ByteArrayOperator(Ex l, Ex r, Operator op)
        {
            var ba = Mapping.Builtins.ByteArray;
            if (op == Operator.Mult && l.Type.Equals(ba) && r.Type.Kind == TypeKind.Int) return new Ex($"{l.P} * {LongCode(r)}", ba);
            if (op == Operator.Mult && r.Type.Equals(ba) && l.Type.Kind == TypeKind.Int) return new Ex($"{r.P} * {LongCode(l)}", ba);
            if (op == Operator.Add && l.Type.Equals(ba) && (r.Type.Kind == TypeKind.Bytes || r.Type.Equals(ba))) return new Ex($"{l.P} + {r.P}", ba);
            return null;
        }

        /// <summary>
        /// Set operators on sets and on dict views (d.keys() &amp; {...}: a view takes part as the set of its items), and
        /// dict | dict (values of different types joined); null for other operands.
        /// </summary>
        private Ex? SetOrDictOperator(Ex l, Ex r, Operator op)
        {
            if (op is Operator.BitOr or Operator.BitAnd or Operator.Sub or Operator.BitXor && (l.Type.Kind == TypeKind.Set || IsDictView(l)) && (r.Type.Kind == TypeKind.Set || IsDictView(r)))
            {
                var (ls, rs) = (ViewAsSet(l), ViewAsSet(r));
                var t = PyType.Join(ls.Type, rs.Type);
                return new Ex($"{Coerce(ls, t).P} {OpSymbol(op)} {Coerce(rs, t).P}", t);
            }
            if (!(l.Type.IsDictLike && r.Type.IsDictLike && op == Operator.BitOr)) return null;
            var dt = PyType.Join(l.Type, r.Type);
            return dt.IsDictLike && !(dt.Equals(l.Type) && dt.Equals(r.Type)) ? new Ex($"{DictAs(l, dt)} | {DictAs(r, dt)}", dt) : new Ex($"{l.P} | {r.P}", l.Type);
        }

        /// <summary>A dict as another dict type: the same dict when only unknowns differ, else a converted copy (an operand of |).</summary>
        private string DictAs(Ex d, PyType t) => d.Type.Equals(t) ? d.P
            : $"new {CsTypes.Of(t)}({d.P}.Items().Select(__kv => new KeyValuePair<{CsTypes.Of(t.Key)}, {CsTypes.Of(t.Value)}>({Coerce(new Ex("__kv.Item1", d.Type.Key, true), t.Key).Code}, {Coerce(new Ex("__kv.Item2", d.Type.Value, true), t.Value).Code})))";

        private static bool IsDictView(Ex v) => v.Type.Kind == TypeKind.Iterable && (v.Code.EndsWith(".Keys()", StringComparison.Ordinal) || v.Code.EndsWith(".Items()", StringComparison.Ordinal));

        private static Ex ViewAsSet(Ex v) => IsDictView(v) ? new Ex($"new {CsTypes.Of(PyType.Set(v.Type.Elem))}({v.Code})", PyType.Set(v.Type.Elem), true) : v;

        /// <summary>A str or int Enum (<c>class Unit(str, Enum)</c>), a tuple or str subclass: its instances equal their values.</summary>
        private static bool MixesInValueType(ClassModel c) => c.IsEnum && c.EnumKind is "StrEnum" or "StrMixin" or "IntEnum" || c.ValueKind is not null;

        private string ElementLambda(PyType from, PyType to)
        {
            var x = Temp("v");
            var code = Coerce(new Ex(x, from, true), to).Code;
            return $"{x} => {(to.Kind == TypeKind.Object ? $"(object?)({code})" : code)}";
        }

        private Ex Coerce(Ex v, PyType target)
        {
            var from = v.Type;
            // Ints: a long and a PyInt are two carriers of one Python type. long → PyInt always fits; PyInt → long
            // only where inference proved the value range (it never sees a value outside it).
            if (from.Kind == TypeKind.Int && target.Kind == TypeKind.Int)
            {
                if (from.IsLong == target.IsLong) return v;
                if (from.IsLong) return new Ex(v.IntLiteral ? $"new PyInt({v.Code})" : $"(PyInt){v.P}", PyType.Int, v.IntLiteral);
                return new Ex($"(long){v.P}", target);
            }
            // An empty literal typed before its element type was known takes the target's type.
            if (from.HasUnknown && target.Kind == from.Kind && !target.HasUnknown && v.Code == $"new {CsTypes.Of(from)}()")
                return new Ex($"new {CsTypes.Of(target)}()", target, true);
            if (target.Kind == TypeKind.Unknown || from.Equals(target)) return v;
            // The same C# type: nothing to convert (e.g. two ranges of a long inside a container type).
            if (!from.HasUnknown && !target.HasUnknown && target.Kind != TypeKind.Object && CsTypes.Of(from) == CsTypes.Of(target)) return new Ex(v.Code, target, v.Atomic);
            switch (target.Kind)
            {
                case TypeKind.Object:
                    return new Ex(Box(v), target, v.Atomic);
                case TypeKind.Float when from.Kind == TypeKind.Int:
                    return v.IntLiteral ? new Ex(v.Code + ".0", PyType.Float, true) : new Ex($"(double){v.P}", PyType.Float);
                case TypeKind.Float when from.Kind == TypeKind.Bool:
                    return new Ex($"({v.Code} ? 1.0 : 0.0)", PyType.Float, true);
                case TypeKind.Int when from.Kind == TypeKind.Bool:
                    return target.IsLong ? new Ex($"({v.P} ? 1L : 0L)", PyType.Long(0, 1), true) : new Ex($"new PyInt({v.P} ? 1 : 0)", PyType.Int, true);
                case TypeKind.Optional:
                    if (from.Kind == TypeKind.None) return v.Code == "null" ? new Ex("null", target, true) : new Ex($"({CsTypes.Of(target)})(object?){v.P}", target, true);
                    if (from.Equals(target.Inner)) return v.IntLiteral ? new Ex($"({CsTypes.Of(target)}){v.Code}", target) : v;
                    if (from.Kind == TypeKind.Int && target.Inner.Kind == TypeKind.Int) return new Ex($"({CsTypes.Of(target)}){Coerce(v, target.Inner).P}", target, true);
                    if (from.Kind == TypeKind.Optional) return Coerce(new Ex(v.Code, target, v.Atomic), target);
                    // A dynamic value (an argparse option left out, a JSON null) may be None: keep it.
                    if (from.Kind is TypeKind.Object or TypeKind.Unknown && target.Inner.Kind is not (TypeKind.Object or TypeKind.Unknown))
                    {
                        var o = Temp("o");
                        return new Ex($"({v.Code} is {{ }} {o} ? ({CsTypes.Of(target)}){Coerce(new Ex(o, PyType.Object, true), target.Inner).P} : ({CsTypes.Of(target)})null)", target, true);
                    }
                    return Coerce(v, target.Inner);
                case TypeKind.Iterable:
                    if (from.Elem.Equals(target.Elem) || target.Elem.Kind == TypeKind.Unknown) return v;
                    // An iterator (a generator kept in a variable) seen with another element type stays the same iterator:
                    // next() on either advances both, and StopIteration keeps the generator's return value.
                    if (from.Kind == TypeKind.Iterable && (v.IsIterator || v.Code.StartsWith("PyIter.Of(", StringComparison.Ordinal)))
                        return new Ex($"PyIter.Of({v.Code}).Map({ElementLambda(from.Elem, target.Elem)})", target, true);
                    if (from.Kind is TypeKind.List or TypeKind.Set or TypeKind.Range or TypeKind.Deque or TypeKind.Iterable or TypeKind.VarTuple)
                        return new Ex($"{AsEnumerable(v)}{ElementMap(from.Elem, target.Elem)}", target);
                    if (from.Kind == TypeKind.Str) return new Ex($"StrOps.Chars({v.Code})", target);
                    if (from.IsDictLike) return new Ex($"{v.P}.Keys()", target);
                    break;
                case TypeKind.List when from.Kind == TypeKind.List && (from.Elem.Kind == TypeKind.Unknown || target.Elem.Kind == TypeKind.Unknown):
                    return new Ex(v.Code, target, v.Atomic);
                case TypeKind.Set when from.Kind == TypeKind.Set && (from.Elem.Kind == TypeKind.Unknown || target.Elem.Kind == TypeKind.Unknown):
                case TypeKind.Dict when from.Kind == TypeKind.Dict && from.HasUnknown:
                case TypeKind.DefaultDict when from.Kind == TypeKind.DefaultDict && from.HasUnknown:
                    return new Ex(v.Code, target, v.Atomic);
                case TypeKind.Class when from.Kind == TypeKind.Class && FindClass(from.Name.OrThrow()) is { } fc && FindClass(target.Name.OrThrow()) is { } tc && fc.IsSubclassOf(tc):
                    return new Ex(v.Code, target, v.Atomic);
                case TypeKind.Exception when from.Kind is TypeKind.Exception or TypeKind.Class:
                    return new Ex($"({CsTypes.Of(target)}){v.P}", target);
                case TypeKind.Tuple when from.Kind == TypeKind.Tuple && from.Args.Count == target.Args.Count:
                {
                    var tmp = Temp("tu");
                    var parts = target.Args.Select((t, i) => Coerce(new Ex($"{tmp}.Item{i + 1}", from.Args[i], true), t).Code);
                    if (v.Code.StartsWith("(", StringComparison.Ordinal) && !v.Code.Contains("=>")) { }
                    return new Ex($"({v.Code} is var {tmp} ? ({CsTypes.Of(target)})({string.Join(", ", parts)}) : default)", target, true);
                }
                case TypeKind.List when from.Kind is TypeKind.List or TypeKind.Iterable or TypeKind.Set or TypeKind.Range:
                    return new Ex($"new {CsTypes.Of(target)}({AsEnumerable(v)}{ElementMap(from.Elem, target.Elem)})", target, true);
                case TypeKind.Set when from.Kind is TypeKind.List or TypeKind.Iterable or TypeKind.Set:
                    return new Ex($"new {CsTypes.Of(target)}({AsEnumerable(v)}{ElementMap(from.Elem, target.Elem)})", target, true);
                // The same kind of container with other element carriers (a long where a PyInt is wanted): a typed copy.
                case TypeKind.Deque when from.Kind is TypeKind.Deque or TypeKind.List:
                    return new Ex($"new {CsTypes.Of(target)}({AsEnumerable(v)}{ElementMap(from.Elem, target.Elem)})", target, true);
                case TypeKind.Dict or TypeKind.DefaultDict when from.Kind == target.Kind && !from.HasUnknown:
                {
                    var conv = $"{Coerce(new Ex("__kv.Item1", from.Key, true), target.Key).Code}, {Coerce(new Ex("__kv.Item2", from.Value, true), target.Value).Code}";
                    // The pair is cast to the target's tuple type: ValueTuples are not variant ((string, string) is not (string, object?)).
                    if (target.Kind == TypeKind.Dict) return new Ex($"new {CsTypes.Of(target)}({v.P}.Items().Select(__kv => (({CsTypes.Of(target.Key)}, {CsTypes.Of(target.Value)}))({conv})))", target, true);
                    break;
                }
                case TypeKind.Func when from.Kind == TypeKind.Func:
                    return CoerceFunction(v, target);
                case TypeKind.VarTuple when from.Kind == TypeKind.Tuple:
                    return new Ex($"PyTuple.From({v.Code})", target);
            }
            if (from.Kind is TypeKind.Object or TypeKind.Unknown)
                return new Ex($"Dyn.Cast<{CsTypes.Of(target)}>({v.Code})", target);
            if (from.Kind == TypeKind.Optional && from.Inner.Equals(target))
                return new Ex(CsTypes.IsValueType(target) ? $"{v.P}.Value" : $"{v.P}!", target);
            if (from.Kind == TypeKind.None) return new Ex("default!", target, true);
            return new Ex($"Dyn.Cast<{CsTypes.Of(target)}>({Box(v)})", target);
        }

        /// <summary>
        /// A function value where another function type is wanted. Delegates are not variant over value types
        /// (a Func returning a tuple is not a Func returning object), so unless the C# types already agree the
        /// value is wrapped in a lambda of the wanted type that converts the arguments and the result.
        /// </summary>
        private Ex CoerceFunction(Ex v, PyType target)
        {
            var from = v.Type;
            var fps = from.Params.ToArray();
            var tps = target.Params.ToArray();
            if (CsTypes.Of(from) == CsTypes.Of(target) || fps.Length != tps.Length) return new Ex(v.Code, target, v.Atomic);
            var names = tps.Select(_ => Temp("p")).ToArray();
            string f = Temp("f");
            string args = string.Join(", ", names.Select((n, i) => Coerce(new Ex(n, tps[i], true), fps[i]).Code));
            string call = $"{f}({args})";
            // a function that returns nothing, where one returning a value is wanted, gives None
            string body = target.Return.Kind == TypeKind.None ? call
                : from.Return.Kind == TypeKind.None ? $"{{ {call}; return default!; }}"
                : Coerce(new Ex(call, from.Return, true), target.Return).Code;
            string parameters = string.Join(", ", names.Select((n, i) => $"{CsTypes.Of(tps[i])} {n}"));
            // The function value is evaluated once (an argument of the adapter), as Python evaluates it once.
            string adapter = $"new Func<{CsTypes.Of(from)}, {CsTypes.Of(target)}>({f} => Py.NamedLike(new {CsTypes.Of(target)}(({parameters}) => {body}), {f}))";
            return new Ex($"{adapter}({v.Code})", target, true);
        }

        /// <summary>The value as an object (int literals become PyInt, not System.Int32).</summary>
        private static string Box(Ex v) =>
            v.IntLiteral || v.Type.IsLong ? $"new PyInt({v.Code})"
            : v.Type.Kind == TypeKind.Optional && v.Type.Inner.IsLong ? $"Py.Box({v.Code})"
            : v.Type.Kind == TypeKind.None || v.Code == "null" ? $"(object?){v.P}" : v.Code;

        private string Truth(Ex v) => v.Type.Kind switch
        {
            TypeKind.Bool => v.Code,
            TypeKind.Int => v.IntLiteral ? (v.Code == "0" ? "false" : "true") : v.Type.IsLong ? $"{v.P} != 0" : $"!{v.P}.IsZero",
            TypeKind.Float => $"{v.P} != 0.0",
            TypeKind.Str => $"!string.IsNullOrEmpty({v.Code})", // a str-annotated function may still return None
            TypeKind.List or TypeKind.Set or TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter or TypeKind.Deque => $"{v.P}.Count > 0",
            TypeKind.None => "false",
            TypeKind.Optional when v.Type.Inner.Kind is TypeKind.Class or TypeKind.File or TypeKind.Func or TypeKind.Exception => $"{v.P} is not null",
            // a Flag, IntEnum or StrEnum member is false for a zero or empty value: its truth is the value's (Py.Truth)
            TypeKind.Class when FindClass(v.Type.Name.OrThrow()) is { EnumKind: null or "Enum", ValueKind: null } c && (c.FindMethod("__bool__") is null && c.FindMethod("__len__") is null) => $"{v.P} is not null",
            _ => $"Py.Truth({Box(v)})",
        };

        private static string IndexCode(Ex key) => key.IntLiteral ? key.Code : key.Type.Kind == TypeKind.Int ? key.Code : key.Type.Kind == TypeKind.Bool ? $"({key.Code} ? 1 : 0)" : $"Dyn.Cast<PyInt>({key.Code})";

        /// <summary>
        /// A subscript index. <c>a[i + 1]</c> with longs i: a sum past the long range is no valid index, and CPython
        /// raises IndexError for it, so the index is computed in 64 bits with that check rather than in PyInt.
        /// </summary>
        private Ex EmitIndex(ExpressionNode index) => EmitLongArgument(index, "Index");

        /// <summary>
        /// An int that must fit in 64 bits where it is used (an index: IndexError past it; a range() bound: the migrated
        /// range is 64-bit, OverflowError past it): a sum or difference of longs is computed with that check instead of in PyInt.
        /// </summary>
        internal Ex EmitLongArgument(ExpressionNode node, string check)
        {
            if (node is BinOp { Op: Operator.Add or Operator.Sub } b)
            {
                var l = EmitExpr(b.Left, PyType.Int);
                var r = EmitExpr(b.Right, PyType.Int);
                if (l.Type.IsLong && r.Type.IsLong && (b.Op == Operator.Add ? IntRanges.Add(l.Type, r.Type) : IntRanges.Sub(l.Type, r.Type)) is null)
                    return new Ex($"Ops.{check}{(b.Op == Operator.Add ? "Add" : "Sub")}({l.Code}, {r.Code})", PyType.LongFull, true);
                return BinaryOp(b.Op, l, r, b);
            }
            return EmitExpr(node, PyType.Int);
        }

        private string SliceArgs(Slice s)
        {
            string Part(ExpressionNode? x)
            {
                if (x is null || x is Constant { Value: null }) return "null";
                var v = EmitExpr(x, PyType.Int);
                if (v.IntLiteral || v.Type.IsLong) return v.Code;
                return v.Type.Kind == TypeKind.Int ? $"(long){v.P}" : v.Type.Kind == TypeKind.Optional ? $"(long?){v.P}" : $"(long?)Dyn.Cast<PyInt?>({v.Code})";
            }
            return $"{Part(s.Lower)}, {Part(s.Upper)}, {Part(s.Step)}";
        }

        // ---- operators ----
        /// <summary>An IntEnum member in arithmetic or a comparison is its int value.</summary>
        private Ex IntEnumAsInt(Ex v) =>
            v.Type.Kind == TypeKind.Class && FindClass(v.Type.Name.OrThrow()) is { IsIntEnum: true } ? new Ex($"{v.P}.IntValue", PyType.Int, true) : v;

        /// <summary>a op b through a program class's __op__ on the left, or its reflected __rop__ on the right.</summary>
        private Ex? UserOperator(Operator op, Ex l, Ex r)
        {
            var (lt, rt) = (l.Type, r.Type);
            if (lt.Kind == TypeKind.Class && FindClass(lt.Name.OrThrow()) is { } cls && cls.FindMethod(DunderFor(op)) is { } m)
            {
                if (m.Params.Count > 0) WidenParam(m, 0, r.Type);
                return new Ex($"{l.P}.{m.CsName}({Coerce(r, m.Params.Count > 0 ? m.Params[0].Type : r.Type).Code})", m.ReturnType.Kind == TypeKind.Unknown ? PyType.Unknown : m.ReturnType, true);
            }
            if (rt.Kind == TypeKind.Class && FindClass(rt.Name.OrThrow()) is { } rcls && rcls.FindMethod("__r" + DunderFor(op).Substring(2)) is { } rm)
            {
                // the left operand types the parameter, as an argument does (3 * v passes the int 3)
                if (rm.Params.Count > 0) WidenParam(rm, 0, l.Type);
                // a dynamic left operand may have its own __sub__, which Python tries first: the runtime dispatches
                if (lt.Kind is not (TypeKind.Object or TypeKind.Unknown) || op is not (Operator.Add or Operator.Sub or Operator.Mult or Operator.Div))
                    return new Ex($"{r.P}.{rm.CsName}({Coerce(l, rm.Params.Count > 0 ? rm.Params[0].Type : l.Type).Code})", rm.ReturnType, true);
            }
            return null;
        }

        /// <summary>
        /// IntFlag | &amp; ^ another member or an int, on either side, is a member of the class (pseudo-member if unnamed),
        /// not an int: the int operand defers to the flag's reflected operator.
        /// </summary>
        private Ex? IntFlagOperator(Operator op, Ex l, Ex r)
        {
            if (op is not (Operator.BitOr or Operator.BitAnd or Operator.BitXor)) return null;
            var flags = IsIntFlag(l.Type) ? l.Type : IsIntFlag(r.Type) && l.Type.Kind is TypeKind.Int or TypeKind.Bool ? r.Type : null;
            if (flags is null) return null;
            string f = op switch { Operator.BitOr => "BitOr", Operator.BitAnd => "BitAnd", _ => "BitXor" };
            return new Ex($"({CsTypes.Of(flags)})Dyn.{f}({Box(l)}, {Box(r)})", flags, true);
        }

        private bool IsIntFlag(PyType t) => t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is { EnumIntFlag: true };

        private Ex BinaryOp(Operator op, Ex l, Ex r, Node at)
        {
            if (IntFlagOperator(op, l, r) is { } flags) return flags;
            l = IntEnumAsInt(l);
            r = IntEnumAsInt(r);
            if (Mapping.Libraries.Binary(this, op, l, r) is { } library) return library;
            var lt = l.Type.Kind == TypeKind.Bool ? PyType.Int : l.Type;
            var rt = r.Type.Kind == TypeKind.Bool ? PyType.Int : r.Type;
            if (l.Type.Kind == TypeKind.Bool && op is not (Operator.BitAnd or Operator.BitOr or Operator.BitXor)) l = Coerce(l, BoolAsInt);
            if (r.Type.Kind == TypeKind.Bool && op is not (Operator.BitAnd or Operator.BitOr or Operator.BitXor)) r = Coerce(r, BoolAsInt);
            if (l.Type.Kind == TypeKind.Bool && r.Type.Kind == TypeKind.Bool)
            {
                string bop = op switch { Operator.BitAnd => "&", Operator.BitOr => "|", _ => "^" };
                return new Ex($"{l.P} {bop} {r.P}", PyType.Bool);
            }
            if (l.Type.Kind == TypeKind.Bool) l = Coerce(l, BoolAsInt);
            if (r.Type.Kind == TypeKind.Bool) r = Coerce(r, BoolAsInt);
            lt = l.Type;
            rt = r.Type;
            bool num = lt.Kind is TypeKind.Int or TypeKind.Float && rt.Kind is TypeKind.Int or TypeKind.Float;
            if (num)
            {
                bool isFloat = lt.Kind == TypeKind.Float || rt.Kind == TypeKind.Float;
                if (isFloat)
                {
                    var a = Coerce(l, PyType.Float);
                    var b = Coerce(r, PyType.Float);
                    if (op == Operator.Div && r.Type.IsLong && !r.IntLiteral) return new Ex($"Ops.Div({a.Code}, {r.Code})", PyType.Float, true);
                    return op switch
                    {
                        Operator.Add => new Ex($"{a.P} + {b.P}", PyType.Float),
                        Operator.Sub => new Ex($"{a.P} - {b.P}", PyType.Float),
                        Operator.Mult => new Ex($"{a.P} * {b.P}", PyType.Float),
                        Operator.Div => new Ex($"Ops.Div({a.Code}, {b.Code})", PyType.Float, true),
                        Operator.FloorDiv => new Ex($"Ops.FloorDiv({a.Code}, {b.Code})", PyType.Float, true),
                        Operator.Mod => new Ex($"Ops.Mod({a.Code}, {b.Code})", PyType.Float, true),
                        Operator.Pow => new Ex($"Ops.Pow({a.Code}, {b.Code})", PyType.Float, true),
                        _ => new Ex($"Py.Raise<double>(new TypeError({CsNames.Literal($"unsupported operand type(s) for {OpSymbol(op)}: 'float' and 'float'")}))", PyType.Float, true),
                    };
                }
                // int op int: in 64 bits where the result range is proven, else PyInt (which promotes to a big int)
                if (l.Type.IsLong && r.Type.IsLong && LongBinary(op, l, r) is { } exact) return exact;
                if (l.Wide is not null && WideBinary(op, l, r) is { Type.IsLong: true } narrowed) return narrowed;
                if (op == Operator.Mod && r.Type.IsLong) return new Ex($"Ops.Mod({AsPyInt(l).Code}, {LongOperand(r)})", IntRanges.Mod(null, r.Type), true);
                if (op == Operator.BitAnd && r.Type.IsLong && r.Type.Lo >= 0) return new Ex($"Ops.And({AsPyInt(l).Code}, {LongOperand(r)})", PyType.Long(0, r.Type.Hi), true);
                if (op == Operator.BitAnd && l.Type.IsLong && l.Type.Lo >= 0) return new Ex($"Ops.And({AsPyInt(r).Code}, {LongOperand(l)})", PyType.Long(0, l.Type.Hi), true);
                var wide = WideBinary(op, l, r);
                if (wide is { Type.IsLong: true }) return wide.Value;
                var x = AsPyInt(l);
                var y = r.IntLiteral ? r : AsPyInt(r);
                switch (op)
                {
                    case Operator.Add: return new Ex($"{x.P} + {y.P}", PyType.Int) { Wide = wide?.Wide };
                    case Operator.Sub: return new Ex($"{x.P} - {y.P}", PyType.Int) { Wide = wide?.Wide };
                    case Operator.Mult: return new Ex($"{x.P} * {y.P}", PyType.Int) { Wide = wide?.Wide };
                    case Operator.Div: return new Ex($"PyInt.TrueDiv({x.Code}, {y.Code})", PyType.Float, true);
                    case Operator.FloorDiv: return new Ex($"PyInt.FloorDiv({x.Code}, {y.Code})", PyType.Int, true);
                    case Operator.Mod: return new Ex($"{x.P} % {y.P}", PyType.Int);
                    case Operator.BitAnd: return new Ex($"{x.P} & {y.P}", PyType.Int);
                    case Operator.BitOr: return new Ex($"{x.P} | {y.P}", PyType.Int);
                    case Operator.BitXor: return new Ex($"{x.P} ^ {y.P}", PyType.Int);
                    case Operator.LShift: return new Ex($"{x.P} << {Coerce(y, PyType.Int).P}", PyType.Int);
                    case Operator.RShift: return new Ex($"{x.P} >> {Coerce(y, PyType.Int).P}", PyType.Int);
                    case Operator.Pow:
                        // A non-negative literal exponent keeps int; anything else may be a float in Python.
                        if (r.IntLiteral && !r.Code.StartsWith("-", StringComparison.Ordinal)) return new Ex($"PyInt.Pow({x.Code}, {y.Code})", PyType.Int, true);
                        if (r is { Code: var rc } && rc.StartsWith("-", StringComparison.Ordinal) && r.IntLiteral) return new Ex($"Ops.Pow((double){x.P}, {y.Code}.0)", PyType.Float, true);
                        return new Ex($"Ops.IntPow({x.Code}, {y.Code})", PyType.Int, true);
                }
            }
            if (lt.Kind == TypeKind.Str && rt.Kind == TypeKind.Str && op == Operator.Add) return new Ex($"{l.P} + {r.P}", PyType.Str);
            if (lt.Kind == TypeKind.Bytes && rt.Kind == TypeKind.Bytes && op == Operator.Add) return new Ex($"{l.P} + {r.P}", PyType.Bytes);
            if (lt.Kind == TypeKind.Bytes && rt.Kind == TypeKind.Int && op == Operator.Mult) return new Ex($"{l.P} * {LongCode(r)}", PyType.Bytes);
            if (lt.Kind == TypeKind.Int && rt.Kind == TypeKind.Bytes && op == Operator.Mult) return new Ex($"{r.P} * {LongCode(l)}", PyType.Bytes);
            if (lt.Kind == TypeKind.Str && op == Operator.Mult && rt.Kind == TypeKind.Int) return new Ex($"StrOps.Repeat({l.Code}, {LongCode(r)})", PyType.Str, true);
            if (rt.Kind == TypeKind.Str && op == Operator.Mult && lt.Kind == TypeKind.Int) return new Ex($"StrOps.Repeat({r.Code}, {LongCode(l)})", PyType.Str, true);
            if (lt.Kind == TypeKind.Str && op == Operator.Mod) return new Ex($"PercentFormat.Format({l.Code}, {FormatArgs(r)})", PyType.Str, true);
            if (lt.Kind == TypeKind.List && rt.Kind == TypeKind.List && op == Operator.Add)
            {
                var t = PyType.Join(lt, rt);
                string Conv(Ex x) => x.Type.Equals(t) || x.Type.Elem.Kind == TypeKind.Unknown ? Coerce(x, t).P : $"new {CsTypes.Of(t)}({x.P}{ElementMap(x.Type.Elem, t.Elem)})";
                return new Ex($"{Conv(l)} + {Conv(r)}", t);
            }
            if (lt.Kind == TypeKind.List && op == Operator.Mult && rt.Kind == TypeKind.Int) return new Ex($"{l.P} * {LongCode(r)}", lt);
            if (rt.Kind == TypeKind.List && op == Operator.Mult && lt.Kind == TypeKind.Int) return new Ex($"{r.P} * {LongCode(l)}", rt);
            if (lt.Kind == TypeKind.Tuple && rt.Kind == TypeKind.Tuple && op == Operator.Add)
            {
                var items = Enumerable.Range(1, lt.Args.Count).Select(i => $"{l.P}.Item{i}").Concat(Enumerable.Range(1, rt.Args.Count).Select(i => $"{r.P}.Item{i}")).ToList();
                var t = PyType.Tuple(lt.Args.Concat(rt.Args).ToArray());
                return items.Count >= 2 && items.Count <= 7 ? new Ex("(" + string.Join(", ", items) + ")", t, true) : new Ex($"PyTuple.From({l.Code}) + PyTuple.From({r.Code})", PyType.VarTuple(PyType.Object));
            }
            if (SetOrDictOperator(l, r, op) is { } collectionOp) return collectionOp;
            if (ByteArrayOperator(l, r, op) is { } byteArrayOp) return byteArrayOp;
            if (UserOperator(op, l, r) is { } user) return user;
            string dyn = op switch
            {
                Operator.Add => "Add", Operator.Sub => "Sub", Operator.Mult => "Mul", Operator.Div => "TrueDiv", Operator.FloorDiv => "FloorDiv",
                Operator.Mod => "Mod", Operator.Pow => "Pow", Operator.BitAnd => "BitAnd", Operator.BitOr => "BitOr", Operator.BitXor => "BitXor",
                Operator.LShift => "LShift", Operator.RShift => "RShift", _ => "MatMul",
            };
            if (op == Operator.MatMult) return Unsupported(at, "the @ operator outside numpy code");
            return new Ex($"Dyn.{dyn}({Box(l)}, {Box(r)})", DynamicType(l, r), true);
        }

        private static readonly PyType BoolAsInt = PyType.Long(0, 1);

        /// <summary>An int operand as PyInt code (a long converts implicitly, a literal is wrapped).</summary>
        private static Ex AsPyInt(Ex v) => !v.Type.IsLong ? v : v.IntLiteral ? new Ex($"new PyInt({v.Code})", PyType.Int, true) : new Ex($"(PyInt){v.P}", PyType.Int, true);

        /// <summary>A long operand: a literal gets the L suffix so two literals never do 32-bit arithmetic.</summary>
        private static string LongOperand(Ex v) => v.IntLiteral ? (v.Code.StartsWith("-", StringComparison.Ordinal) ? $"({v.Code}L)" : v.Code + "L") : v.P;

        /// <summary>long op long when the result range is proven to stay in 64 bits; null otherwise (the caller uses PyInt).</summary>
        private static Ex? LongBinary(Operator op, Ex l, Ex r)
        {
            PyType a = l.Type, b = r.Type;
            string x = LongOperand(l), y = LongOperand(r);
            switch (op)
            {
                case Operator.Add: return IntRanges.Add(a, b) is { } add ? new Ex($"{x} + {y}", add) : null;
                case Operator.Sub: return IntRanges.Sub(a, b) is { } sub ? new Ex($"{x} - {y}", sub) : null;
                case Operator.Mult: return IntRanges.Mul(a, b) is { } mul ? new Ex($"{x} * {y}", mul) : null;
                case Operator.Div: return new Ex($"Ops.TrueDiv({l.Code}, {r.Code})", PyType.Float, true);
                case Operator.FloorDiv:
                    if (IntRanges.FloorDiv(a, b) is not { } fd) return null;
                    // Non-negative by a positive divisor: C#'s truncating division is Python's floor division.
                    return a.Lo >= 0 && b.Lo > 0 ? new Ex($"{x} / {y}", fd) : new Ex($"Ops.FloorDiv({l.Code}, {r.Code})", fd, true);
                case Operator.Mod:
                {
                    var t = IntRanges.Mod(a, b);
                    return a.Lo >= 0 && b.Lo > 0 ? new Ex($"{x} % {y}", t) : new Ex($"Ops.Mod({l.Code}, {r.Code})", t, true);
                }
                case Operator.Pow:
                    if (!r.IntLiteral || b.Lo < 0 || b.Lo > 64 || IntRanges.Pow(a, (int)b.Lo) is not { } pw) return null;
                    return new Ex($"Ops.Pow({l.Code}, {r.Code})", pw, true);
                case Operator.LShift:
                    if (IntRanges.Shl(a, b) is not { } shl) return null;
                    return b.Lo >= 0 && b.Hi <= 63 && r.IntLiteral ? new Ex($"{x} << {r.Code}", shl) : new Ex($"Ops.Shl({l.Code}, {r.Code})", shl, true);
                case Operator.RShift:
                    return b.Lo >= 0 && b.Hi <= 63 && r.IntLiteral ? new Ex($"{x} >> {r.Code}", IntRanges.Shr(a)) : new Ex($"Ops.Shr({l.Code}, {r.Code})", IntRanges.Shr(a), true);
                case Operator.BitAnd: return new Ex($"{x} & {y}", IntRanges.And(a, b));
                case Operator.BitOr: return new Ex($"{x} | {y}", IntRanges.OrXor(a, b));
                case Operator.BitXor: return new Ex($"{x} ^ {y}", IntRanges.OrXor(a, b));
            }
            return null;
        }

        /// <summary>
        /// long/wide op long/wide in two machine words (see <see cref="WideInt"/>): a long Ex when the result is back in
        /// the long range, an Ex carrying only the wide form when it fits in ulong or Int128, else null.
        /// </summary>
        private static Ex? WideBinary(Operator op, Ex l, Ex r)
        {
            if (!(l.Type.IsLong || l.Wide is not null) || !(r.Type.IsLong || r.Wide is not null)) return null;
            if (l.Wide is null && r.Wide is null && op is not (Operator.Add or Operator.Sub or Operator.Mult)) return null;
            BigInteger aLo = l.Wide?.Lo ?? l.Type.Lo, aHi = l.Wide?.Hi ?? l.Type.Hi, bLo = r.Wide?.Lo ?? r.Type.Lo, bHi = r.Wide?.Hi ?? r.Type.Hi;
            BigInteger lo, hi;
            switch (op)
            {
                case Operator.Add: lo = aLo + bLo; hi = aHi + bHi; break;
                case Operator.Sub: lo = aLo - bHi; hi = aHi - bLo; break;
                case Operator.Mult:
                {
                    var c = new[] { aLo * bLo, aLo * bHi, aHi * bLo, aHi * bHi };
                    lo = c.Min(); hi = c.Max();
                    break;
                }
                // Non-negative by a positive divisor: truncation is floor; the result only shrinks.
                case Operator.FloorDiv when aLo >= 0 && bLo > 0 && r.Wide is null: lo = aLo / bHi; hi = aHi / bLo; break;
                case Operator.Mod when aLo >= 0 && bLo > 0 && r.Wide is null: lo = 0; hi = BigInteger.Min(aHi, bHi - 1); break;
                case Operator.RShift when aLo >= 0 && r.IntLiteral && bLo >= 0 && bLo < 64: lo = aLo >> (int)bLo; hi = aHi >> (int)bLo; break;
                default: return null;
            }
            bool unsigned = lo >= 0 && hi <= ulong.MaxValue && aLo >= 0 && bLo >= 0;
            if (!unsigned && (lo < -(BigInteger.One << 127) || hi >= BigInteger.One << 127)) return null;
            string type = unsigned ? "ulong" : "Int128";
            string Operand(Ex v) => v.Wide is { } w ? (w.Unsigned || !unsigned ? (w.CsType == type ? $"({w.Code})" : $"(({type})({w.Code}))") : null!) : v.IntLiteral ? $"(({type}){v.Code})" : $"(({type}){v.P})";
            if (l.Wide is { Unsigned: false } && unsigned || r.Wide is { Unsigned: false } && unsigned) return null;
            string a = Operand(l), b = Operand(r);
            string code = op switch
            {
                Operator.Add => $"{a} + {b}",
                Operator.Sub => $"{a} - {b}",
                Operator.Mult => $"{a} * {b}",
                Operator.FloorDiv => $"{a} / {b}",
                Operator.Mod => $"{a} % {b}",
                _ => $"{a} >> {r.Code}",
            };
            if (lo >= long.MinValue && hi <= long.MaxValue) return new Ex($"(long)({code})", PyType.Long((long)lo, (long)hi), true);
            return new Ex("", PyType.Int) { Wide = new WideInt(code, lo, hi) };
        }

        private string FormatArgs(Ex r) => r.Type.Kind == TypeKind.Tuple ? $"PyTuple.From({r.Code})" : Box(r);

        private static string DunderFor(Operator op) => op switch
        {
            Operator.Add => "__add__", Operator.Sub => "__sub__", Operator.Mult => "__mul__", Operator.Div => "__truediv__",
            Operator.FloorDiv => "__floordiv__", Operator.Mod => "__mod__", Operator.Pow => "__pow__", Operator.MatMult => "__matmul__",
            Operator.BitAnd => "__and__", Operator.BitOr => "__or__", Operator.BitXor => "__xor__", Operator.LShift => "__lshift__", _ => "__rshift__",
        };

        private static string OpSymbol(Operator op) => op switch
        {
            Operator.Add => "+", Operator.Sub => "-", Operator.Mult => "*", Operator.Div => "/", Operator.FloorDiv => "//", Operator.Mod => "%",
            Operator.Pow => "**", Operator.BitAnd => "&", Operator.BitOr => "|", Operator.BitXor => "^", Operator.LShift => "<<", Operator.RShift => ">>", _ => "@",
        };

        private Ex EmitUnary(UnaryOp u)
        {
            if (u.Op == UnaryOperator.USub && u.Operand is Constant { Value: BigInteger bi })
                return EmitConstant(new Constant(-bi, null, u.Span), PyType.Unknown);
            if (u.Op == UnaryOperator.USub && u.Operand is Constant { Value: double dd })
                return new Ex(FloatLiteral(-dd), PyType.Float, true);
            var v = EmitExpr(u.Operand);
            if (Mapping.Libraries.Unary(u.Op, v) is { } library) return library;
            switch (u.Op)
            {
                case UnaryOperator.Not: return new Ex($"!{ParenTruth(v)}", PyType.Bool);
                case UnaryOperator.USub:
                    if (v.Type.Kind == TypeKind.Bool) v = Coerce(v, BoolAsInt);
                    if (v.Type.IsLong) return IntRanges.Neg(v.Type) is { } negRange ? new Ex($"-{v.P}", negRange) : new Ex($"-{AsPyInt(v).P}", PyType.Int);
                    if (v.Type.Kind is TypeKind.Int or TypeKind.Float) return new Ex($"-{v.P}", v.Type);
                    if (v.Type.Kind == TypeKind.Class && FindClass(v.Type.Name.OrThrow())?.FindMethod("__neg__") is { } neg) return new Ex($"{v.P}.{neg.CsName}()", neg.ReturnType, true);
                    if (v.Type.Kind == TypeKind.Counter) return new Ex($"{v.P}.Negative()", v.Type, true);
                    return new Ex($"Dyn.Neg({Box(v)})", DynamicType(v), true);
                case UnaryOperator.UAdd: return EmitUnaryPlus(v);
                case UnaryOperator.Invert:
                    if (v.Type.Kind == TypeKind.Bool) v = Coerce(v, BoolAsInt);
                    if (v.Type.IsLong) return new Ex($"~{LongOperand(v)}", IntRanges.Invert(v.Type));
                    if (v.Type.Kind == TypeKind.Int) return new Ex($"~{v.P}", PyType.Int);
                    if (v.Type.Kind == TypeKind.Class && FindClass(v.Type.Name.OrThrow()) is { EnumKind: "Flag" } or { EnumIntFlag: true }) return new Ex($"({CsTypes.Of(v.Type)})Dyn.Invert({v.Code})", v.Type, true);
                    return new Ex($"Dyn.Invert({Box(v)})", v.Type.Kind is TypeKind.Object or TypeKind.Unknown ? PyType.Object : PyType.Int, true);
            }
            return v;
        }

        /// <summary>+x: numbers are themselves (+True is 1), a Counter keeps its positive counts, classes call __pos__.</summary>
        private Ex EmitUnaryPlus(Ex v)
        {
            if (v.Type.Kind == TypeKind.Bool) return Coerce(v, BoolAsInt);
            if (v.Type.Kind is TypeKind.Int or TypeKind.Float) return v;
            if (v.Type.Kind == TypeKind.Counter) return new Ex($"{v.P}.Positive()", v.Type, true);
            if (v.Type.Kind == TypeKind.Class && FindClass(v.Type.Name.OrThrow())?.FindMethod("__pos__") is { } pos) return new Ex($"{v.P}.{pos.CsName}()", pos.ReturnType, true);
            return v.Type.Kind is TypeKind.Object or TypeKind.Unknown ? new Ex($"Dyn.Pos({Box(v)})", DynamicType(v), true) : v;
        }

        private string ParenTruth(Ex v)
        {
            var t = Truth(v);
            return t == v.Code && v.Atomic ? t : "(" + t + ")";
        }

        private Ex EmitBoolOp(BoolOp b)
        {
            var values = b.Values.Select(x => EmitExpr(x)).ToList();
            if (values.All(v => v.Type.Kind == TypeKind.Bool))
                return new Ex(string.Join(b.Op == BoolOperator.And ? " && " : " || ", values.Select(v => v.P)), PyType.Bool);
            // Python returns the deciding operand itself: a or b == (a if a else b).
            // 'None or x' is never the None: only the other operands type the result
            var t = values.Where((v, i) => !(b.Op == BoolOperator.Or && v.Type.Kind == TypeKind.None && i < values.Count - 1)).Select(v => v.Type).Aggregate(PyType.Unknown, PyType.Join);
            if (b.Op == BoolOperator.Or && t.Kind == TypeKind.Optional && values.Last().Type.Equals(t.Inner)) t = t.Inner;
            // Dynamic results are cast to object in each branch (C# needs one type for both sides of ?:).
            string AsResult(string code) => t.Kind == TypeKind.Object ? $"(object?)({code})" : code;
            Ex acc = new(AsResult(Coerce(values[values.Count - 1], t).Code), t);
            for (int i = values.Count - 2; i >= 0; i--)
            {
                if (values[i].Type.Kind == TypeKind.None)
                {
                    // None is falsy: 'None or x' is x (after evaluating the left side: xs.append(v) or len(xs)), 'None and x' is None.
                    acc = b.Op == BoolOperator.Or ? (b.Values[i] is Constant or Name ? acc : new Ex($"Py.Then({values[i].Code}, {acc.Code})", t, true))
                        : new Ex(AsResult(Coerce(values[i], t).Code), t);
                    continue;
                }
                var tmp = Temp("b");
                var cur = Coerce(values[i], values[i].Type.Kind == TypeKind.Optional && t.Kind != TypeKind.Optional ? values[i].Type : t);
                var truth = Truth(new Ex(tmp, cur.Type, true));
                var asT = AsResult(Coerce(new Ex(tmp, cur.Type, true), t).Code);
                acc = b.Op == BoolOperator.Or
                    ? new Ex($"{cur.P} is var {tmp} && {truth} ? {asT} : {acc.Code}", t)
                    : new Ex($"{cur.P} is var {tmp} && !({truth}) ? {asT} : {acc.Code}", t);
                acc = new Ex("(" + acc.Code + ")", t, true);
            }
            return acc;
        }

        private Ex EmitCompare(Compare c)
        {
            var left = EmitExpr(c.Left);
            if (c.Ops.Count == 1 && Mapping.Libraries.Compare(left, c.Ops[0], EmitExprQuiet(c.Comparators[0])) is not null)
                return Mapping.Libraries.Compare(left, c.Ops[0], EmitExpr(c.Comparators[0])).OrThrow().Value;
            var parts = new List<string>();
            for (int i = 0; i < c.Ops.Count; i++)
            {
                var right = EmitExpr(c.Comparators[i], left.Type);
                if (i < c.Ops.Count - 1 && !(c.Comparators[i] is Name or Constant))
                {
                    var tmp = Temp("c");
                    parts.Add($"{right.P} is var {tmp}");
                    right = new Ex(tmp, right.Type, true);
                }
                parts.Add(Compare(left, c.Ops[i], right));
                left = right;
            }
            return new Ex(string.Join(" && ", parts), PyType.Bool);
        }

        /// <summary>
        /// A float against a float, or against an int exactly representable as a double (a literal or a long within
        /// ±2^53), compares as doubles; any other int compares exactly (Ops.Lt and co.), as CPython does, since
        /// converting first would round (2**53 + 1 == float(2**53 + 1) is False) or overflow (10**400 > 1e308).
        /// </summary>
        private string CompareMixed(Ex l, CompareOperator op, string sym, Ex r)
        {
            if (ExactAsDouble(l) && ExactAsDouble(r)) return $"{Coerce(l, PyType.Float).P} {sym} {Coerce(r, PyType.Float).P}";
            string name = op switch { CompareOperator.Eq => "Eq", CompareOperator.NotEq => "Ne", CompareOperator.Lt => "Lt", CompareOperator.LtE => "Le", CompareOperator.Gt => "Gt", _ => "Ge" };
            string Side(Ex x) => x.Type.Kind == TypeKind.Float ? x.Code : x.Type.IsLong ? LongCode(x) : AsPyInt(x).Code;
            return $"Ops.{name}({Side(l)}, {Side(r)})";
        }

        private static bool ExactAsDouble(Ex x)
        {
            const long limit = 1L << 53;
            return x.Type.Kind == TypeKind.Float || x.Type.IsLong && x.Type.Lo >= -limit && x.Type.Hi <= limit;
        }

        /// <summary>An enum class named as a value is its members (for iteration); compared with a type, it is the class.</summary>
        private string TypeOperand(Ex x) =>
            x.Type.Kind == TypeKind.List && ClassOf(x.Type.Elem) is { IsEnum: true } ec && x.Code == $"{ClassCsName(ec)}.Members" ? $"typeof({ClassCsName(ec)})" : Box(x);

        private static bool IsTypeObject(Ex x) => x.Code.StartsWith("Py.Type(", StringComparison.Ordinal) || x.Code.StartsWith("typeof(", StringComparison.Ordinal)
            // a builtin type as a value (conv = bool): a new delegate per mention, so compared by the type it names
            || x.Code.StartsWith("Py.Named(", StringComparison.Ordinal) && BuiltinTypeValueNames.Any(n => x.Code.EndsWith($", \"{n}\")", StringComparison.Ordinal));

        private static readonly string[] BuiltinTypeValueNames = { "int", "float", "str", "bool", "list", "dict", "set", "tuple" };

        private string Compare(Ex l, CompareOperator op, Ex r)
        {
            if (op is not (CompareOperator.Is or CompareOperator.IsNot or CompareOperator.In or CompareOperator.NotIn))
            {
                l = IntEnumAsInt(l);
                r = IntEnumAsInt(r);
            }
            var lt = l.Type;
            var rt = r.Type;
            switch (op)
            {
                case CompareOperator.Is or CompareOperator.IsNot when l.Code == "null" && r.Code == "null":
                    return op == CompareOperator.Is ? "true" : "false";
                case CompareOperator.Is when rt.Kind == TypeKind.None && CsTypes.IsValueType(lt):
                    return "false";
                case CompareOperator.IsNot when rt.Kind == TypeKind.None && CsTypes.IsValueType(lt):
                    return "true";
                case CompareOperator.Is or CompareOperator.IsNot or CompareOperator.Eq or CompareOperator.NotEq when IsTypeObject(l) || IsTypeObject(r):
                    // type(a) is type(b) / type(x) is Car: a new type object per call, so compare what they name
                    return $"{(op is CompareOperator.IsNot or CompareOperator.NotEq ? "!" : "")}Py.SameType({TypeOperand(l)}, {TypeOperand(r)})";
                case CompareOperator.Is:
                    if (rt.Kind == TypeKind.None) return $"{l.P} is null";
                    if (lt.Kind == TypeKind.None) return $"{r.P} is null";
                    if (CsTypes.IsValueType(lt) || CsTypes.IsValueType(rt)) return $"Dyn.Is({Box(l)}, {Box(r)})";
                    return $"ReferenceEquals({l.Code}, {r.Code})";
                case CompareOperator.IsNot:
                    if (rt.Kind == TypeKind.None) return $"{l.P} is not null";
                    if (lt.Kind == TypeKind.None) return $"{r.P} is not null";
                    if (CsTypes.IsValueType(lt) || CsTypes.IsValueType(rt)) return $"!Dyn.Is({Box(l)}, {Box(r)})";
                    return $"!ReferenceEquals({l.Code}, {r.Code})";
                case CompareOperator.In: return Contains(r, l);
                case CompareOperator.NotIn: return "!" + Paren(Contains(r, l));
            }
            string sym = op switch { CompareOperator.Eq => "==", CompareOperator.NotEq => "!=", CompareOperator.Lt => "<", CompareOperator.LtE => "<=", CompareOperator.Gt => ">", _ => ">=" };
            if (lt.Kind == TypeKind.Bool && rt.Kind == TypeKind.Bool && op is CompareOperator.Eq or CompareOperator.NotEq) return $"{l.P} {sym} {r.P}";
            var ln = lt.Kind == TypeKind.Bool ? Coerce(l, BoolAsInt) : l;
            var rn = rt.Kind == TypeKind.Bool ? Coerce(r, BoolAsInt) : r;
            if (ln.Type.Kind is TypeKind.Int or TypeKind.Float && rn.Type.Kind is TypeKind.Int or TypeKind.Float)
            {
                if (ln.Type.Kind == TypeKind.Float || rn.Type.Kind == TypeKind.Float) return CompareMixed(ln, op, sym, rn);
                if (ln.IntLiteral && rn.IntLiteral) return $"{ln.Code} {sym} {rn.Code}";
                if (ln.Type.IsLong != rn.Type.IsLong) return $"{(ln.IntLiteral ? ln.Code : AsPyInt(ln).P)} {sym} {(rn.IntLiteral ? rn.Code : AsPyInt(rn).P)}";
                return $"{ln.P} {sym} {rn.P}";
            }
            if (lt.Kind == TypeKind.Bytes && rt.Kind == TypeKind.Bytes)
                return op is CompareOperator.Eq or CompareOperator.NotEq ? $"{l.P} {sym} {r.P}" : $"{l.P}.CompareTo({r.Code}) {sym} 0";
            if (lt.Kind == TypeKind.Str && rt.Kind == TypeKind.Str)
            {
                if (op is CompareOperator.Eq or CompareOperator.NotEq) return $"{l.P} {sym} {r.P}";
                return $"string.CompareOrdinal({l.Code}, {r.Code}) {sym} 0";
            }
            // subset tests of sets and of the set-like dict views (d.keys() <= {...}), and Counter inclusion (3.10+)
            if ((lt.Kind == TypeKind.Set || IsDictView(l)) && (rt.Kind == TypeKind.Set || IsDictView(r)) && op is not (CompareOperator.Eq or CompareOperator.NotEq)
                || lt.Kind == TypeKind.Counter && rt.Kind == TypeKind.Counter && op is not (CompareOperator.Eq or CompareOperator.NotEq))
            {
                var (ls, rs) = (ViewAsSet(l), ViewAsSet(r));
                var st = PyType.Join(ls.Type, rs.Type);
                return $"{Coerce(ls, st).P} {sym} {Coerce(rs, st).P}";
            }
            if ((lt.Kind == TypeKind.None || rt.Kind == TypeKind.None) && op is CompareOperator.Eq or CompareOperator.NotEq)
                return $"{(lt.Kind == TypeKind.None ? r.P : l.P)} {(op == CompareOperator.Eq ? "is" : "is not")} null";
            if (lt.Kind == TypeKind.Class && op is not (CompareOperator.Eq or CompareOperator.NotEq) && FindClass(lt.Name.OrThrow()) is { } cls)
            {
                string dunder = op switch { CompareOperator.Lt => "__lt__", CompareOperator.LtE => "__le__", CompareOperator.Gt => "__gt__", _ => "__ge__" };
                if (cls.FindMethod(dunder) is { } m)
                {
                    // the right operand types the parameter, as an argument does (P(1) < 2 passes an int)
                    if (m.Params.Count > 0) WidenParam(m, 0, r.Type);
                    return $"{l.P}.{m.CsName}({Coerce(r, m.Params.Count > 0 ? m.Params[0].Type : r.Type).Code})";
                }
                // no such method: the reflected one on the right operand (a < b is b.__gt__(a)), as Python tries next
                string reflected = op switch { CompareOperator.Lt => "__gt__", CompareOperator.LtE => "__ge__", CompareOperator.Gt => "__lt__", _ => "__le__" };
                if (cls.FindMethod(reflected) is { } rm) return $"{Coerce(r, lt).P}.{rm.CsName}({l.Code})";
            }
            if (lt.Kind == TypeKind.Class && op is CompareOperator.Eq or CompareOperator.NotEq && FindClass(lt.Name.OrThrow()) is { } ec && ec.FindMethod("__eq__") is null && !ec.IsDataclass && !MixesInValueType(ec))
                return op == CompareOperator.Eq ? $"ReferenceEquals({l.Code}, {r.Code})" : $"!ReferenceEquals({l.Code}, {r.Code})";
            return op switch
            {
                CompareOperator.Eq => $"Dyn.Eq({Box(l)}, {Box(r)})",
                CompareOperator.NotEq => $"!Dyn.Eq({Box(l)}, {Box(r)})",
                _ => $"Dyn.Compare({Box(l)}, {Box(r)}) {sym} 0",
            };
        }

        private string Contains(Ex container, Ex item)
        {
            var t = container.Type;
            switch (t.Kind)
            {
                case TypeKind.Str: return $"{container.P}.Contains({Coerce(item, PyType.Str).Code}, StringComparison.Ordinal)";
                case TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter:
                    return SameCarrier(t.Key, item.Type) ? $"{container.P}.ContainsKey({Coerce(item, t.Key).Code})" : $"((IPyDict){container.P}).ContainsKeyObject({Box(item)})";
                case TypeKind.List or TypeKind.Set or TypeKind.Deque:
                    return SameCarrier(t.Elem, item.Type) || t.Elem.Kind == TypeKind.Object ? $"{container.P}.Contains({Coerce(item, t.Elem).Code})" : $"Dyn.Contains({container.Code}, {Box(item)})";
                case TypeKind.Range: return $"{container.P}.Contains({Coerce(item, PyType.Int).Code})";
                case TypeKind.Bytes when item.Type.Kind is TypeKind.Bytes or TypeKind.Int: return $"{container.P}.Contains({(item.Type.Kind == TypeKind.Int ? LongCode(item) : item.Code)})";
                case TypeKind.Tuple:
                    return "(" + string.Join(" || ", Enumerable.Range(1, t.Args.Count).Select(i => $"Dyn.Eq({container.P}.Item{i}, {Box(item)})")) + ")";
                case TypeKind.Class when FindClass(t.Name.OrThrow())?.FindMethod("__contains__") is { } m:
                    return $"{container.P}.{m.CsName}({Coerce(item, m.Params.Count > 0 ? m.Params[0].Type : item.Type).Code})";
            }
            return $"Dyn.Contains({Box(container)}, {Box(item)})";
        }

        /// <summary>
        /// A value of type <paramref name="item"/> can be looked up in a container of <paramref name="elem"/> without a
        /// dynamic test: the same C# type, or a long where the container holds PyInt (the other way a big int could
        /// not be converted, and is simply not there).
        /// </summary>
        private static bool SameCarrier(PyType elem, PyType item) =>
            elem.Equals(item) || elem.Kind == TypeKind.Int && item.Kind == TypeKind.Int && (item.IsLong || !elem.IsLong)
            || !elem.HasUnknown && !item.HasUnknown && (CsTypes.Of(elem) == CsTypes.Of(item) || elem.Kind == TypeKind.Tuple && PyType.Join(item, elem).Equals(elem));

        /// <summary>
        /// A key of type <paramref name="key"/> that the dict's C# key type cannot hold (a str or a float among ints, a
        /// tuple of another length): looked up by value at run time, as Python finds 2.0 as the key 2 and misses "1"
        /// without error. Classes on either side are left to the conversion (a str enum member finds its str, 1 the
        /// IntEnum member).
        /// </summary>
        internal static bool IsForeignKey(PyType dictKey, PyType key)
        {
            if (dictKey.Kind is TypeKind.Object or TypeKind.Unknown or TypeKind.Class || key.Kind is TypeKind.Class or TypeKind.Object or TypeKind.Unknown or TypeKind.Optional || dictKey.HasUnknown || key.HasUnknown || SameCarrier(dictKey, key))
                return false;
            if (dictKey.Kind == TypeKind.Optional) return key.Kind != TypeKind.None && IsForeignKey(dictKey.Inner, key);
            return key.Kind switch
            {
                TypeKind.Int or TypeKind.Bool => dictKey.Kind is not (TypeKind.Int or TypeKind.Float or TypeKind.Bool),
                TypeKind.Tuple when dictKey.Kind == TypeKind.Tuple => dictKey.Args.Count != key.Args.Count || dictKey.Args.Zip(key.Args, IsForeignKey).Any(x => x),
                _ => dictKey.Kind != key.Kind,
            };
        }

        // ---- attribute and subscript ----
        private static long? ConstantIndex(ExpressionNode e) => e switch
        {
            Constant { Value: BigInteger b } when b >= int.MinValue && b <= int.MaxValue => (long)b,
            UnaryOp { Op: UnaryOperator.USub, Operand: Constant { Value: BigInteger b } } when b <= int.MaxValue => -(long)b,
            _ => null,
        };

        /// <summary>x.attr on an Optional[Class]: the class; a None receiver is CPython's AttributeError naming the attribute.</summary>
        private static Ex Unwrap(Ex obj, string attr) =>
            obj.Type.Kind == TypeKind.Optional && obj.Type.Inner.Kind == TypeKind.Class ? new Ex($"Py.NotNone({obj.Code}, {CsNames.Literal(attr)})", obj.Type.Inner, true) : obj;

        /// <summary><c>Class.attr</c> and <c>module.Class.attr</c>: a class variable, an enum member, a static method.</summary>
        private Ex? ClassAttribute(ClassModel sc, Attribute a)
        {
            if (a.Attr is "__name__" or "__qualname__") return new Ex(CsNames.Literal(sc.Name), PyType.Str, true);
            if (a.Attr == "__doc__") return DocOf(sc.Def.Body);
            // only a class with ABCMeta has the attribute (CPython: AttributeError otherwise)
            if (a.Attr == "__abstractmethods__" && sc.HasAbcMeta())
                return new Ex($"new PyFrozenSet<string>(new string[] {{ {string.Join(", ", sc.MissingAbstractMethods().Select(CsNames.Literal))} }})", PyType.Set(PyType.Str), true);
            var cv = sc.FindField(a.Attr);
            if (cv is not null && (FindClassVarOwner(sc, a.Attr) is not null || sc.IsEnum))
            {
                string code = $"{ClassCsName(IsPerClass(sc, a.Attr) ? sc : FindClassVarOwner(sc, a.Attr) ?? sc)}.{cv.CsName}";
                if (!sc.IsEnum && DescriptorGet(cv.Type) is { } get) return new Ex($"{code}.{get.CsName}(null, typeof({ClassCsName(sc)}))", get.ReturnType, true);
                return new Ex(code, sc.IsEnum ? sc.Type : cv.Type, true);
            }
            if (sc.IsEnum && sc.Def.Body.OfType<Assign>().Any(x => x.Targets[0] is Name tn && tn.Id == a.Attr))
                return new Ex($"{ClassCsName(sc)}.{CsNames.Member(a.Attr)}", sc.Type, true);
            if (sc.IsNamedTuple && a.Attr == "_fields") return new Ex($"{ClassCsName(sc)}._fields", PyType.VarTuple(PyType.Str), true);
            if (sc.IsEnum && a.Attr == "__members__") return new Ex($"Py.EnumMembers({ClassCsName(sc)}.Members)", PyType.Dict(PyType.Str, sc.Type), true);
            var sm = sc.FindMethod(a.Attr);
            // a static method, or a classmethod bound to this class (make = Rect.square)
            if (sm is not null && (sm.IsStatic || sm is { IsClassMethod: true, IsDecorated: false, IsGenerator: false }))
            {
                // *args/**kwargs: a named function binding its arguments when called, as a def of the module is
                if (sm.VarArgs is not null || sm.KwArgs is not null) return FunctionValue(sm, $"{ClassCsName(sc)}.{sm.CsName}");
                sm.EscapesAsValue = true;
                var ft = PyType.Func(sm.ReturnType.Kind == TypeKind.Unknown && !_inferring ? PyType.None : sm.ReturnType, sm.Params.Select(p => p.Type).ToArray());
                return new Ex($"new {CsTypes.Of(ft)}({ClassCsName(sc)}.{sm.CsName})", ft);
            }
            // Class.method (unbound): a function whose first argument is the instance (key=Item.price).
            if (sm is { IsClassMethod: false, IsProperty: false, IsGenerator: false } && sm.ReturnType.Kind != TypeKind.Unknown)
            {
                var ft = PyType.Func(sm.ReturnType, new[] { sc.Type }.Concat(sm.Params.Select(p => p.Type)).ToArray());
                var ps = new[] { "__self" }.Concat(sm.Params.Select((_, i) => "__a" + i)).ToList();
                return new Ex($"new {CsTypes.Of(ft)}(({string.Join(", ", ps)}) => __self.{sm.CsName}({string.Join(", ", ps.Skip(1))}))", ft);
            }
            return null;
        }

        /// <summary>The <c>__get__</c> of a class attribute's class: the attribute is a descriptor, and reading it calls that.</summary>
        private FunctionModel? DescriptorGet(PyType t) => t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is { } dc ? dc.FindMethod("__get__") : null;

        /// <summary><c>obj.attr</c> on a descriptor class attribute: its __get__(obj, type(obj)), obj evaluated once.</summary>
        private Ex DescriptorRead(Ex obj, string descriptor, FunctionModel get)
        {
            var tmp = Temp("o");
            return new Ex($"({obj.P} is var {tmp} ? {descriptor}.{get.CsName}({tmp}, Py.Type({tmp})) : default)", get.ReturnType, true);
        }

        /// <summary><c>f.__doc__</c>, <c>Class.__doc__</c>: the docstring as written (3.11 keeps its indentation), or None.</summary>
        private static Ex DocOf(NodeList<StatementNode> body) =>
            Docstring(body) is { } doc ? new Ex(CsNames.Literal(doc), PyType.Str, true) : new Ex("null", PyType.None, true);

        /// <summary><c>counter.calls</c> on a module-level def that the program gives attributes (ModelBuilder).</summary>
        private Resolved? FunctionAttribute(Attribute a) =>
            a.Value is Name fn && Resolve(fn.Id).Kind == ResolvedKind.Function && Resolve(fn.Id + "." + a.Attr) is { Kind: ResolvedKind.Global, Var: not null } r ? r : null;

        private Ex EmitAttribute(Attribute a)
        {
            if (StaticClass(a.Value) is { } sc && ClassAttribute(sc, a) is { } classAttribute) return classAttribute;
            // f.__name__ of a def is its name; x.__class__ is type(x).
            if (a.Attr == "__name__" && a.Value is Name fn && Resolve(fn.Id) is { Kind: ResolvedKind.Function, Function: { Decorators.Count: 0 } named }) return new Ex(CsNames.Literal(named.Name), PyType.Str, true);
            if (a.Attr == "__doc__" && a.Value is Name dn && Resolve(dn.Id) is { Kind: ResolvedKind.Function, Function: { Decorators.Count: 0 } documented }) return DocOf(documented.Def.Body);
            if (a.Attr == "__defaults__" && a.Value is Name dfn && Resolve(dfn.Id) is { Kind: ResolvedKind.Function, Function: { Decorators.Count: 0 } defaulted }) return FunctionDefaults(defaulted);
            if (a.Attr is "__name__" or "__qualname__" && a.Value is Name { Id: "int" or "float" or "str" or "bool" or "list" or "dict" or "set" or "tuple" or "frozenset" or "bytes" or "object" or "type" or "range" } builtinType && Resolve(builtinType.Id).Kind == ResolvedKind.Builtin)
                return new Ex(CsNames.Literal(builtinType.Id), PyType.Str, true);
            if (a.Attr == "__class__") return new Ex($"Py.Type({Box(EmitExpr(a.Value))})", PyType.Object, true);
            // a class attribute of a standard-library class (timedelta.max, timezone.utc): the class itself is no value here
            if (StdlibName(a.Value) is { } stdlibClass && Mapping.StdlibModules.Constant(stdlibClass + "." + a.Attr) is { } classConstant) return classConstant;
            if (FunctionAttribute(a) is { } fa) return new Ex(fa.Code, fa.Var.OrThrow().Type, true);
            // str.upper, int.__mul__ as a value where no callable type is expected: the receiver, then the method's arguments
            if (a.Value is Name { Id: "str" or "int" or "float" or "list" or "dict" } bt && Resolve(bt.Id).Kind == ResolvedKind.Builtin)
                return new Ex($"Dyn.UnboundMethod({CsNames.Literal(bt.Id)}, {CsNames.Literal(a.Attr)})", PyType.Object, true);
            var obj = Unwrap(ReceiverExpr(a.Value), a.Attr);
            var t = obj.Type;
            if (t.Kind == TypeKind.Module)
            {
                if (_moduleByName.TryGetValue(t.Name.OrThrow(), out var um))
                {
                    if (um.Globals.TryGetValue(a.Attr, out var g)) return new Ex($"{um.CsName}.{g.CsName}", g.Type, true);
                    if (um.Functions.TryGetValue(a.Attr, out var f))
                    {
                        var ft = PyType.Func(f.ReturnType, f.Params.Select(p => p.Type).ToArray());
                        return new Ex($"new {CsTypes.Of(ft)}({um.CsName}.{f.CsName})", ft);
                    }
                    if (_moduleByName.TryGetValue(t.Name + "." + a.Attr, out var sub)) return new Ex(sub.CsName, PyType.Module(sub.Name), true);
                    if (ResolveIn(um, a.Attr) is { Kind: ResolvedKind.Global or ResolvedKind.Module } reexported)
                        return reexported.Kind == ResolvedKind.Global ? new Ex(reexported.Code, reexported.Var.OrThrow().Type, true) : new Ex(reexported.Code, PyType.Module(reexported.Qualified ?? reexported.Code), true);
                    if (um.Classes.TryGetValue(a.Attr, out var uc)) return new Ex($"typeof({um.CsName}.{uc.CsName})", PyType.Object, true);
                }
                var c = Mapping.StdlibModules.Constant(t.Name + "." + a.Attr);
                if (c is not null) return c.Value;
                // math.sqrt as a value: a lambda calling it (the mapped row types the call).
                if (Mapping.StdlibModules.RequiredArguments(t.Name + "." + a.Attr) is { } arity)
                    return EmitLambda(BuiltinAsLambda(a, arity, xs => new Call(new Attribute(a.Value, a.Attr, ExprContext.Load, a.Span), NodeList.Of(xs), default, a.Span)), PyType.Unknown);
                // a submodule (os.path) stays a module; any other unmapped name of a standard-library or unknown module
                // would be a C# identifier that does not exist: BATUTA-T-004 and a raise at run time instead
                if (!Mapping.StdlibModules.LeadsToMapped(t.Name + "." + a.Attr) && !_moduleByName.ContainsKey(t.Name.OrThrow()))
                    return Unsupported(a, $"{t.Name}.{a.Attr}", "not mapped by Batuta: see docs/python-subset.md for the supported module members");
                return new Ex($"{obj.Code}.{a.Attr}", PyType.Module(t.Name + "." + a.Attr), true);
            }
            if (t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is { } cls)
            {
                var field = cls.FindField(a.Attr);
                if (field is not null)
                {
                    var owner = FindClassVarOwner(cls, a.Attr);
                    if (owner is not null && !cls.IsEnum && ClassVarRouting(owner, a.Attr) is { } route)
                        return new Ex($"{obj.P}.{InstanceMember(route)}", route.Type, true);
                    if (owner is not null && !cls.IsEnum && DescriptorGet(field.Type) is { } get) return DescriptorRead(obj, $"{ClassCsName(owner)}.{field.CsName}", get);
                    return new Ex(owner is not null && !cls.IsEnum ? $"{ClassCsName(owner)}.{field.CsName}" : $"{PresentReceiver(obj, a.Attr)}.{field.CsName}", field.Type, true);
                }
                var m = cls.FindMethod(a.Attr);
                if (m is not null && m.IsProperty) return new Ex($"{obj.P}.{m.CsName}", m.ReturnType, true);
                // a static method (or classmethod) read through an instance is the class's: C# has no instance access to it
                if (m is { IsStatic: true } or { IsClassMethod: true } && ClassAttribute(cls, a) is { } classValue) return classValue;
                if (m is not null) return BoundMethodValue(m, $"{obj.P}.{m.CsName}");
                if (a.Attr == "__dict__" && !cls.IsEnum) return InstanceDict(obj, cls);
                if (cls.IsEnum && a.Attr is "name") return new Ex($"{obj.P}.Name", PyType.Str, true);
                if (cls.IsNamedTuple && a.Attr == "_fields") return new Ex($"{ClassCsName(cls)}._fields", PyType.VarTuple(PyType.Str), true);
                if (cls.IsEnum && a.Attr is "value") return new Ex($"{obj.P}.EnumValue", cls.EnumValueType, true);
                if (cls.IsException && a.Attr == "args") return new Ex($"new PyTuple({obj.P}.Args)", PyType.VarTuple(PyType.Object), true);
            }
            if (t.Kind is TypeKind.Exception && a.Attr == "args") return new Ex($"new PyTuple({obj.P}.Args)", PyType.VarTuple(PyType.Object), true);
            if (a.Attr is "__cause__" or "__context__" or "__suppress_context__" && (t.Kind is TypeKind.Exception || ClassOf(t) is { IsException: true }))
                return new Ex($"Dyn.GetAttr({Box(obj)}, {CsNames.Literal(a.Attr)})", PyType.Object, true);
            if (Mapping.Libraries.Attribute(this, obj, a.Attr, a) is { } library) return library;
            var mapped = Mapping.Members.Attribute(this, obj, a.Attr);
            if (mapped is not null) return mapped.Value;
            if (t.Kind is TypeKind.Object or TypeKind.Unknown || t.Kind == TypeKind.Class)
                return new Ex($"Dyn.GetAttr({obj.Code}, {CsNames.Literal(a.Attr)})", DynamicType(obj), true);
            return new Ex($"Dyn.GetAttr({Box(obj)}, {CsNames.Literal(a.Attr)})", DynamicType(obj), true);
        }

        /// <summary>The receiver of a field read: checked (Dyn.Present) for an attribute that may be missing (deleted, not yet set).</summary>
        private string PresentReceiver(Ex obj, string attr) => _maybeAbsent.Contains(attr) ? $"Dyn.Present({obj.Code}, {CsNames.Literal(attr)})" : obj.P;

        /// <summary>
        /// <c>obj.__dict__</c> / <c>vars(obj)</c> of a class instance: its PyVars() (see InstanceDictLiteral), virtual so
        /// a base-class method sees the fields of the object's own class; an exception class's, written in place.
        /// </summary>
        internal Ex InstanceDict(Ex obj, ClassModel cls)
        {
            var t = PyType.Dict(PyType.Str, PyType.Object);
            if (!cls.IsException) return new Ex($"{obj.P}.PyVars()", t, true);
            var tmp = Temp("o");
            return new Ex($"({obj.P} is var {tmp} ? {InstanceDictLiteral(tmp, cls)} : null!)", t, true);
        }

        /// <summary>
        /// A snapshot dict of an instance's attributes, the base class's first, each class's in the order its methods
        /// first assign them (writes to it do not reach the object).
        /// </summary>
        private string InstanceDictLiteral(string self, ClassModel cls)
        {
            var chain = new List<ClassModel>();
            for (var x = cls; x is not null; x = x.Base) chain.Insert(0, x);
            var items = chain.SelectMany(x => x.FieldOrder.Select(n => x.Fields[n]))
                .Select(f => $"[{CsNames.Literal(f.Name)}] = {Box(new Ex($"{self}.{f.CsName}", f.Type, true))}");
            return $"new {CsTypes.Of(PyType.Dict(PyType.Str, PyType.Object))} {{ {string.Join(", ", items)} }}";
        }

        private Ex EmitSubscript(Subscript s)
        {
            if (StaticClass(s.Value) is { IsEnum: true } ec)
                return new Ex($"PyEnum.ByName({ClassCsName(ec)}.Members, {Coerce(EmitExpr(s.Slice), PyType.Str).Code})", ec.Type, true);
            var obj = EmitExpr(s.Value);
            if (Mapping.Libraries.Subscript(this, obj, s) is { } library) return library;
            var t = obj.Type;
            if (s.Slice is Slice sl)
            {
                if (SequenceSlice(obj, SliceArgs(sl)) is { } sliced) return sliced;
                // a user sequence gets a slice object, as Python passes it
                if (t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow())?.FindMethod("__getitem__") is { } getitem)
                {
                    if (getitem.Params.Count > 0) WidenParam(getitem, 0, PyType.Object);
                    return new Ex($"{obj.P}.{getitem.CsName}(PySlice.Of({SliceArgs(sl)}))", getitem.ReturnType, true);
                }
                return new Ex($"Py.SliceOf({Box(obj)}, {SliceArgs(sl)})", DynamicType(obj), true);
            }
            // seq[s] with s = slice(...): sliced by its bounds, known at run time, into the sequence's type
            if (!t.IsDictLike && EmitExprQuiet(s.Slice) is var sliceObject && sliceObject.Type.Equals(Mapping.Builtins.Slice))
            {
                string b = Temp("b");
                if (SequenceSlice(obj, $"{b}0, {b}1, {b}2") is { } bySlice)
                    return new Ex($"{EmitExpr(s.Slice).P}.Apply(({b}0, {b}1, {b}2) => {bySlice.Code})", bySlice.Type, true);
            }
            // a named tuple indexed by a constant: the field, typed
            if (t.Kind == TypeKind.Class && FindClass(t.Name.OrThrow()) is { IsNamedTuple: true } ntc && ConstantIndex(s.Slice) is { } ni && DataclassFieldsWithBases(ntc) is { } ntFields)
            {
                long at = ni < 0 ? ni + ntFields.Count : ni;
                if (at < 0 || at >= ntFields.Count) return new Ex("Py.Raise<object?>(new IndexError(\"tuple index out of range\"))", PyType.Object, true);
                return new Ex($"{obj.P}.{ntFields[(int)at].CsName}", ntFields[(int)at].Type, true);
            }
            if (t.Kind == TypeKind.Tuple && s.Slice is Constant { Value: BigInteger bi } || t.Kind == TypeKind.Tuple && s.Slice is UnaryOp { Op: UnaryOperator.USub, Operand: Constant { Value: BigInteger } })
            {
                long idx = s.Slice is Constant { Value: BigInteger b2 } ? (long)b2 : -(long)(BigInteger)((Constant)((UnaryOp)s.Slice).Operand).Value.OrThrow();
                if (idx < 0) idx += t.Args.Count;
                if (idx < 0 || idx >= t.Args.Count) return new Ex("Py.Raise<object?>(new IndexError(\"tuple index out of range\"))", PyType.Object, true);
                return new Ex($"{obj.P}.Item{idx + 1}", t.Args[(int)idx], true);
            }
            if (t.IsDictLike)
            {
                var key = EmitExpr(s.Slice, t.Key);
                if (t.Kind == TypeKind.Dict && (IsForeignKey(t.Key, key.Type) || IsPlainValueKey(t.Key, key.Type)))
                    return new Ex($"Dyn.Cast<{CsTypes.Of(t.Value)}>(((IPyDict){obj.P}).GetItem({Box(key)}))", t.Value, true);
                return new Ex($"{obj.P}[{Coerce(key, t.Key).Code}]", t.Value, true);
            }
            if (t.Kind is TypeKind.List or TypeKind.Str or TypeKind.VarTuple or TypeKind.Tuple or TypeKind.Bytes && MaybeSliceKey(s.Slice) is { } sliceKey)
                return new Ex($"Dyn.GetItem({Box(obj)}, {sliceKey.Code})", PyType.Object, true);
            var k = t.Kind is TypeKind.List or TypeKind.Deque or TypeKind.Str or TypeKind.VarTuple or TypeKind.Bytes ? EmitIndex(s.Slice) : EmitExpr(s.Slice, PyType.Int);
            switch (t.Kind)
            {
                case TypeKind.List when SpanOf(s.Value) is { } span: return new Ex(SpanRead(span, k), t.Elem, true);
                case TypeKind.List: return new Ex($"{obj.P}[{IndexCode(k)}]", t.Elem, true);
                case TypeKind.Deque: return new Ex($"{obj.P}[{IndexCode(k)}]", t.Elem, true);
                // a key known only at run time may be a slice object (s[slice(1, 3)]), which gives a str too
                case TypeKind.Str when k.Type.Kind is TypeKind.Object or TypeKind.Unknown: return new Ex($"Dyn.Cast<string>(Dyn.GetItem({obj.Code}, {k.Code}))", PyType.Str, true);
                case TypeKind.Str: return new Ex($"StrOps.At({obj.Code}, {IndexCode(k)})", PyType.Str, true);
                case TypeKind.VarTuple: return t.Elem.Kind is TypeKind.Object or TypeKind.Unknown ? new Ex($"{obj.P}[(long){IndexCode(k)}]", PyType.Object, true) : new Ex($"Dyn.Cast<{CsTypes.Of(t.Elem)}>({obj.P}[(long){IndexCode(k)}])", t.Elem, true);
                // range(10)[s] with s = slice(...) (typed object): an int or a slice, told apart at run time
                case TypeKind.Range when k.Type.Kind is TypeKind.Object or TypeKind.Unknown: return new Ex($"Dyn.GetItem({obj.Code}, {Box(k)})", PyType.Object, true);
                case TypeKind.Range: return new Ex($"{obj.P}[(long){IndexCode(k)}]", PyType.LongFull, true);
                case TypeKind.Tuple: return new Ex($"Dyn.Cast<{CsTypes.Of(t.Elem)}>(Dyn.GetItem({obj.Code}, {Box(k)}))", t.Elem, true);
                case TypeKind.Bytes: return new Ex($"{obj.P}[(long){IndexCode(k)}]", PyType.Long(0, 255), true);
                case TypeKind.Class when t.Equals(Mapping.Builtins.ByteArray) && k.Type.Kind == TypeKind.Int: return new Ex($"{obj.P}[{LongCode(k)}]", PyType.Long(0, 255), true);
                case TypeKind.Class when FindClass(t.Name.OrThrow())?.FindMethod("__getitem__") is { } m:
                    if (m.Params.Count > 0) WidenParam(m, 0, k.Type);
                    return new Ex($"{obj.P}.{m.CsName}({Coerce(k, m.Params.Count > 0 ? m.Params[0].Type : k.Type).Code})", m.ReturnType, true);
            }
            if (Mapping.ReMapping.Subscript(obj, k) is { } group) return group;
            return new Ex($"Dyn.GetItem({Box(obj)}, {Box(k)})", DynamicType(obj, k), true);
        }

        /// <summary>A builtin sequence sliced by bounds ("start, stop, step" as long? code), typed; null for other values.</summary>
        private Ex? SequenceSlice(Ex obj, string bounds)
        {
            var t = obj.Type;
            return t.Kind switch
            {
                TypeKind.Str => new Ex($"StrOps.Slice({obj.Code}, {bounds})", PyType.Str, true),
                TypeKind.List or TypeKind.VarTuple or TypeKind.Bytes or TypeKind.Range => new Ex($"{obj.P}.Slice({bounds})", t, true),
                TypeKind.Tuple => new Ex($"PyTuple.From({obj.Code}).Slice({bounds})", PyType.VarTuple(t.Elem), true),
                TypeKind.Class when t.Equals(Mapping.Builtins.ByteArray) => new Ex($"{obj.P}.Slice({bounds})", t, true),
                _ => null,
            };
        }

        /// <summary>
        /// A key that may be a slice object, so indexing a sequence with it goes through Dyn, which slices then: one held in
        /// a variable (<c>s = slice(1, 3)</c>), or the key parameter of a user <c>__getitem__</c>/<c>__setitem__</c>/<c>__delitem__</c>,
        /// when it is dynamic (<c>seq[1:3]</c> passes a slice object).
        /// </summary>
        private Ex? MaybeSliceKey(ExpressionNode index)
        {
            if (EmitExprQuiet(index) is var known && known.Type.Equals(Mapping.Builtins.Slice)) return EmitExpr(index);
            if (index is not Name n || _function is not { Owner: not null, Name: "__getitem__" or "__setitem__" or "__delitem__" } f) return null;
            if (f.Params.Count == 0 || f.Params[0].Name != n.Id) return null;
            var key = EmitExpr(index);
            return key.Type.Kind is TypeKind.Object or TypeKind.Unknown ? key : null;
        }

        // ---- literals ----
        private Ex EmitListLiteral(NodeList<ExpressionNode> elts, PyType expected, string kind)
        {
            // a generator kept in a container is one iterator, advanced wherever it is used (next(gens[0]), then list(gens[0]))
            var items = elts.Select(x => x is Starred st ? (EmitExpr(st.Value), true) : (KeepIterator(EmitExpr(x, expected.Elem.Kind != TypeKind.Object ? expected.Elem : PyType.Unknown)), false)).ToList();
            var elem = items.Aggregate(PyType.Unknown, (acc, it) => PyType.Join(acc, it.Item2 ? it.Item1.Type.Elem : it.Item1.Type));
            if ((kind == "list" && expected.Kind == TypeKind.List) || (kind == "set" && expected.Kind == TypeKind.Set))
                elem = elts.Count == 0 ? expected.Elem : PyType.Join(elem, expected.Elem).Kind == TypeKind.Object && expected.Elem.Kind != TypeKind.Object ? elem : PyType.Join(elem, expected.Elem);
            if (elem.Kind == TypeKind.Unknown && elts.Count > 0) elem = PyType.Object;
            // A literal stored in a dynamic variable may later hold any value (val["n"] = 5 on a dict of lists), as in Python.
            if (expected.Kind == TypeKind.Object) elem = PyType.Object;
            var type = kind == "list" ? PyType.List(elem) : PyType.Set(elem);
            string cs = CsTypes.Of(type);
            if (items.Any(i => i.Item2))
            {
                var parts = items.Select(i => i.Item2 ? Coerce(new Ex(AsEnumerable(i.Item1), PyType.Iterable(i.Item1.Type.Elem), false), PyType.Iterable(elem)).Code : $"new {CsTypes.Of(elem)}[] {{ {Coerce(i.Item1, elem).Code} }}");
                return new Ex($"new {cs}({string.Join(".Concat(", parts.Take(1))}{string.Concat(parts.Skip(1).Select(p => ".Concat(" + p + ")"))})", type, true);
            }
            if (items.Count == 0) return new Ex($"new {cs}()", type, true);
            if (kind == "set" && items.Count >= 3 && elts.All(x => x is Constant || x is UnaryOp { Operand: Constant }))
                return new Ex($"PySet<{CsTypes.Of(elem)}>.FromConstants({string.Join(", ", items.Select(i => ValueForVar(Coerce(i.Item1, elem))))})", type, true);
            return new Ex($"new {cs} {{ {string.Join(", ", items.Select(i => Coerce(i.Item1, elem).Code))} }}", type, true);
        }

        private Ex EmitTuple(Tuple t, PyType expected)
        {
            if (t.Elts.Any(x => x is Starred))
            {
                var l = EmitListLiteral(t.Elts, PyType.Unknown, "list");
                return new Ex($"new PyTuple({l.Code}.Cast<object?>())", PyType.VarTuple(l.Type.Elem), true);
            }
            var items = t.Elts.Select((x, i) => KeepIterator(EmitExpr(x, expected.Kind == TypeKind.Tuple && i < expected.Args.Count ? expected.Args[i] : PyType.Unknown))).ToList();
            if (items.Count == 0) return new Ex("PyTuple.Empty", PyType.VarTuple(PyType.Unknown), true);
            if (items.Count > 7 || expected.Kind == TypeKind.VarTuple)
                return new Ex($"new PyTuple({string.Join(", ", items.Select(Box))})", PyType.VarTuple(items.Select(i => i.Type).Aggregate(PyType.Unknown, PyType.Join)), true);
            var types = items.Select((it, i) => expected.Kind == TypeKind.Tuple && i < expected.Args.Count && expected.Args.Count == items.Count && expected.Args[i].IsKnown ? PyType.Join(it.Type, expected.Args[i]) : it.Type).ToArray();
            var codes = items.Select((it, i) => ValueForVar(Coerce(it, types[i]))).ToList();
            if (items.Count == 1) return new Ex($"new ValueTuple<{CsTypes.Of(types[0])}>({codes[0]})", PyType.Tuple(types), true);
            // widened elements (a PyInt into an object slot) keep their own C# type in a tuple literal: cast it
            bool widened = items.Select((it, i) => CsTypes.Of(it.Type) != CsTypes.Of(types[i]) && !it.IntLiteral).Any(x => x);
            string literal = "(" + string.Join(", ", codes) + ")";
            return new Ex(widened ? $"(({CsTypes.Of(PyType.Tuple(types))}){literal})" : literal, PyType.Tuple(types), true);
        }

        private Ex EmitDict(Dict d, PyType expected)
        {
            var kt = PyType.Unknown;
            var vt = PyType.Unknown;
            var entries = new List<(Ex? K, Ex V)>();
            for (int i = 0; i < d.Keys.Count; i++)
            {
                var kNode = d.Keys[i];
                var v = EmitExpr(d.Values[i], expected.IsDictLike ? expected.Value : PyType.Unknown);
                if (kNode is null)
                {
                    // {**json_value, ...}: a dynamic mapping gives dynamic keys and values
                    if (!v.Type.IsDictLike) v = new Ex($"Py.MappingItems({Box(v)})", PyType.Dict(PyType.Object, PyType.Object), true);
                    entries.Add((null, v));
                    kt = PyType.Join(kt, v.Type.Key);
                    vt = PyType.Join(vt, v.Type.Value);
                    continue;
                }
                var k = EmitExpr(kNode, expected.IsDictLike ? expected.Key : PyType.Unknown);
                kt = PyType.Join(kt, k.Type);
                vt = PyType.Join(vt, v.Type);
                entries.Add((k, v));
            }
            if (expected.IsDictLike && d.Keys.Count == 0) { kt = expected.Key; vt = expected.Value; }
            else if (expected.Kind == TypeKind.Dict)
            {
                if (PyType.Join(kt, expected.Key).Kind != TypeKind.Object || expected.Key.Kind == TypeKind.Object) kt = PyType.Join(kt, expected.Key);
                if (PyType.Join(vt, expected.Value).Kind != TypeKind.Object || expected.Value.Kind == TypeKind.Object) vt = PyType.Join(vt, expected.Value);
            }
            if (expected.Kind == TypeKind.Object) { kt = PyType.Object; vt = PyType.Object; }
            if (d.Keys.Count > 0 && kt.Kind == TypeKind.Unknown) kt = PyType.Object;
            if (d.Keys.Count > 0 && vt.Kind == TypeKind.Unknown) vt = PyType.Object;
            var type = PyType.Dict(kt, vt);
            var cs = CsTypes.Of(type);
            if (entries.Count == 0) return new Ex($"new {cs}()", type, true);
            if (entries.Any(e => e.K is null))
            {
                var tmp = Temp("d");
                var parts = entries.Select(e => e.K is null ? $"{tmp}.Update({e.V.Code});" : $"{tmp}[{Coerce(e.K.Value, kt).Code}] = {Coerce(e.V, vt).Code};");
                return new Ex($"Py.Build(new {cs}(), {tmp} => {{ {string.Join(" ", parts)} }})", type, true);
            }
            return new Ex($"new {cs} {{ {string.Join(", ", entries.Select(e => $"[{Coerce(e.K.OrThrow().Value, kt).Code}] = {Coerce(e.V, vt).Code}"))} }}", type, true);
        }

        // ---- comprehensions (LINQ) ----
        private Ex Comprehension(NodeList<Comprehension> gens, ExpressionNode elt, ExpressionNode? value, string kind, PyType expected)
        {
            var saved = new Dictionary<string, PyType>(_lambdaScope);
            var outerCells = _comprehensionCells;
            var outerNodes = _comprehensionNodes;
            _comprehensionCells = new List<(string Name, string Cell, string Type)>();
            _comprehensionNodes = gens.SelectMany(g => g.Ifs).Append(elt).Concat(value is null ? Array.Empty<ExpressionNode>() : new[] { value }).ToList();
            // A generator expression runs lazily, when narrowed int ranges may no longer hold.
            var restore = kind == "gen" ? SuspendRangeNarrowing() : null;
            try
            {
                _closureDepth++;
                string code;
                PyType eltType;
                PyType? valueType;
                try { code = BuildGenerator(gens, 0, elt, value, out eltType, out valueType, expected); }
                finally { _closureDepth--; }
                // A container built for a variable of a known, wider element type (a PyInt list receiving longs) takes that type.
                var wantElt = kind is "list" or "set" && expected.Kind == (kind == "list" ? TypeKind.List : TypeKind.Set) ? expected.Elem : kind == "dict" && expected.Kind == TypeKind.Dict ? expected.Key : null;
                var wantValue = kind == "dict" && expected.Kind == TypeKind.Dict ? expected.Value : null;
                bool Adopt(PyType have, PyType? want) => want is not null && !want.HasUnknown && !have.Equals(want) && PyType.Join(have, want).Equals(want) && want.Kind != TypeKind.Object;
                if (Adopt(eltType, wantElt) || valueType is not null && Adopt(valueType, wantValue))
                {
                    var e1 = Adopt(eltType, wantElt) ? wantElt : eltType;
                    var v1 = valueType is not null && Adopt(valueType, wantValue) ? wantValue : valueType;
                    _comprehensionCells.Clear();
                    _closureDepth++;
                    try { code = BuildGenerator(gens, 0, elt, value, out _, out _, expected, e1, v1); }
                    finally { _closureDepth--; }
                    eltType = e1.OrThrow();
                    valueType = v1;
                }
                var result = kind switch
                {
                    "list" => new Ex($"new {CsTypes.Of(PyType.List(eltType))}({code})", PyType.List(eltType), true),
                    "set" => new Ex($"new {CsTypes.Of(PyType.Set(eltType))}({code})", PyType.Set(eltType), true),
                    "dict" => new Ex($"new {CsTypes.Of(PyType.Dict(eltType, valueType.OrThrow()))}({code})", PyType.Dict(eltType, valueType.OrThrow()), true),
                    _ => new Ex(code, PyType.Iterable(eltType), false).AsIterator(),
                };
                return WithCells(result);
            }
            finally
            {
                foreach (var c in _comprehensionCells) _lambdaNames.Remove(c.Name);
                _comprehensionCells = outerCells;
                _comprehensionNodes = outerNodes;
                restore?.Invoke();
                _lambdaScope.Clear();
                foreach (var kv in saved) _lambdaScope[kv.Key] = kv.Value;
            }
        }

        /// <summary>Hides narrowed int ranges (for code that runs later: lambdas, generator expressions); returns the undo.</summary>
        private Action SuspendRangeNarrowing()
        {
            var saved = _narrowed.Select(m => new Dictionary<string, Ex>(m, StringComparer.Ordinal)).ToList();
            foreach (var m in _narrowed)
                foreach (var k in m.Where(kv => kv.Value.Type.Kind == TypeKind.Int).Select(kv => kv.Key).ToList()) m.Remove(k);
            return () =>
            {
                for (int i = 0; i < saved.Count && i < _narrowed.Count; i++)
                {
                    _narrowed[i].Clear();
                    foreach (var kv in saved[i]) _narrowed[i][kv.Key] = kv.Value;
                }
            };
        }

        private string BuildGenerator(NodeList<Comprehension> gens, int index, ExpressionNode elt, ExpressionNode? value, out PyType eltType, out PyType? valueType, PyType expected, PyType? forceElt = null, PyType? forceValue = null)
        {
            var g = gens[index];
            var iter = EmitExpr(g.Iter);
            // a comprehension in a class body sees the class's names in its outermost iterable only, as Python's does
            var classScope = _classScope;
            _classScope = null;
            try { return BuildGeneratorRest(gens, index, iter, elt, value, out eltType, out valueType, expected, forceElt, forceValue); }
            finally { _classScope = classScope; }
        }

        private string BuildGeneratorRest(NodeList<Comprehension> gens, int index, Ex iter, ExpressionNode elt, ExpressionNode? value, out PyType eltType, out PyType? valueType, PyType expected, PyType? forceElt, PyType? forceValue)
        {
            var g = gens[index];
            var elem = ElementType(iter.Type);
            string param = Temp("c");
            string src = Iterate(iter);
            // bind the target names as lambda-scoped variables
            string binding = BindComprehensionTarget(g.Target, param, elem);
            var conditions = g.Ifs.Select(c => Truth(EmitExpr(c))).ToList();
            string where = conditions.Count == 0 ? "" : $".Where({param} => {Wrap(binding, string.Join(" && ", conditions.Select(c => "(" + c + ")")))})";
            if (index == gens.Count - 1)
            {
                var ev = EmitExpr(elt, expected.Kind is TypeKind.List or TypeKind.Set or TypeKind.Iterable ? expected.Elem : expected.IsDictLike ? expected.Key : PyType.Unknown);
                eltType = forceElt ?? (ev.Type.Kind == TypeKind.Unknown ? PyType.Object : ev.Type);
                if (value is not null)
                {
                    var vv = EmitExpr(value, expected.IsDictLike ? expected.Value : PyType.Unknown);
                    valueType = forceValue ?? (vv.Type.Kind == TypeKind.Unknown ? PyType.Object : vv.Type);
                    return $"{src}{where}.Select({param} => {Wrap(binding, $"new KeyValuePair<{CsTypes.Of(eltType)}, {CsTypes.Of(valueType)}>({Coerce(ev, eltType).Code}, {Coerce(vv, valueType).Code})")})";
                }
                valueType = null;
                return $"{src}{where}.Select({param} => {Wrap(binding, ValueForVar(Coerce(ev, eltType)))})";
            }
            var inner = BuildGenerator(gens, index + 1, elt, value, out eltType, out valueType, expected, forceElt, forceValue);
            return $"{src}{where}.SelectMany({param} => {Wrap(binding, inner)})";
        }

        /// <summary>The comprehension's cells declared around it (one variable per name for all its iterations).</summary>
        private Ex WithCells(Ex result)
        {
            if (_comprehensionCells is not { Count: > 0 } cells) return result;
            string code = result.Code;
            foreach (var (_, cell, type) in Enumerable.Reverse(cells))
                code = $"Py.Let(new System.Runtime.CompilerServices.StrongBox<{type}>(), {cell} => {code})";
            return new Ex(code, result.Type, true) { IsIterator = result.IsIterator };
        }

        /// <summary>
        /// Whether a lambda in the comprehension reads the target name: Python's comprehension has one variable for all
        /// iterations, so <c>[lambda: i for i in range(3)]</c> all see the last i; a C# lambda parameter would give each its own.
        /// </summary>
        private bool CapturedByLambda(string name) =>
            _comprehensionNodes is { } nodes && nodes.SelectMany(Inference.ModelBuilder.WalkExpression).OfType<Lambda>().Any(l =>
                !LambdaParameterNames(l).Contains(name) && Inference.ModelBuilder.WalkExpression(l.Body).OfType<Name>().Any(x => x.Id == name));

        private static IEnumerable<string> LambdaParameterNames(Lambda l) =>
            l.Args.Posonlyargs.Concat(l.Args.Args).Concat(l.Args.Kwonlyargs).Append(l.Args.Vararg).Append(l.Args.Kwarg).Where(a => a is not null).Select(a => a.OrThrow().Name);

        private static string Wrap(string binding, string body) => binding.Length == 0 ? body : $"{binding} ? {body} : default!";

        private string BindComprehensionTarget(ExpressionNode target, string param, PyType elem)
        {
            switch (target)
            {
                case Name n when _comprehensionCells is not null && CapturedByLambda(n.Id):
                {
                    string cell = Temp("cell");
                    _comprehensionCells.Add((n.Id, cell, CsTypes.Of(elem)));
                    _lambdaScope[n.Id] = elem;
                    _lambdaNames[n.Id] = cell + ".Value";
                    return $"({cell}.Value = {param}) is var _";
                }
                case Name n:
                    _lambdaScope[n.Id] = elem;
                    return $"{param} is var {CsNames.Local(n.Id)}";
                // (k, v) and nested ((k, _), v) over typed tuples: one positional pattern
                case Tuple t when TupleShaped(t, elem):
                    return $"{param} is {TuplePattern(t, elem)}";
                case Tuple t when t.Elts.All(x => x is Name):
                {
                    var inner = elem.Kind == TypeKind.Object ? PyType.Object : elem.Elem;
                    for (int i = 0; i < t.Elts.Count; i++) _lambdaScope[((Name)t.Elts[i]).Id] = inner;
                    return $"Py.Unpack<{CsTypes.Of(inner)}>({AsEnumerable(new Ex(param, elem, true))}, {t.Elts.Count}) is var __a && " + string.Join(" && ", t.Elts.Select((x, i) => $"__a[{i}] is var {PatternName(((Name)x).Id, target)}"));
                }
                case Tuple t when t.Elts.Count(x => x is Starred) == 1 && t.Elts.All(x => x is Name or Starred { Value: Name }):
                    return StarredComprehensionTarget(t, param, elem);
            }
            _lambdaScope[param] = elem;
            return "";
        }

        /// <summary><c>for first, *rest in rows</c> in a comprehension: the names bound from the row as a sequence.</summary>
        private string StarredComprehensionTarget(Tuple t, string param, PyType elem)
        {
            int n = t.Elts.Count, star = t.Elts.ToList().FindIndex(x => x is Starred);
            var seq = Temp("s");
            var parts = new List<string> { $"Py.AsSequence({Box(new Ex(param, elem, true))}) is {{ }} {seq}" };
            bool fixedTuple = elem.Kind == TypeKind.Tuple && elem.Args.Count >= n - 1;
            for (int i = 0; i < n; i++)
            {
                if (t.Elts[i] is Starred { Value: Name rest })
                {
                    var middle = fixedTuple ? elem.Args.Skip(star).Take(elem.Args.Count - (n - 1)).DefaultIfEmpty(PyType.Object).Aggregate(PyType.Join)
                        : elem.Kind is TypeKind.List or TypeKind.VarTuple ? elem.Elem : PyType.Object;
                    _lambdaScope[rest.Id] = PyType.List(middle);
                    parts.Add($"Py.SeqRest<{CsTypes.Of(middle)}>({seq}, {i}, {n - i - 1}) is var {PatternName(rest.Id, t)}");
                    continue;
                }
                var name = (Name)t.Elts[i];
                var pt = fixedTuple ? elem.Args[i < star ? i : elem.Args.Count - (n - i)] : elem.Kind is TypeKind.List or TypeKind.VarTuple ? elem.Elem : PyType.Object;
                _lambdaScope[name.Id] = pt;
                string index = i < star ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{seq}.Count - {n - i}";
                parts.Add($"Dyn.Cast<{CsTypes.Of(pt)}>({seq}[{index}]) is var {PatternName(name.Id, t)}");
            }
            return string.Join(" && ", parts);
        }

        private static bool TupleShaped(ExpressionNode target, PyType t) => target switch
        {
            Name => true,
            Tuple tt => t.Kind == TypeKind.Tuple && t.Args.Count == tt.Elts.Count && tt.Elts.Count > 1 && tt.Elts.Select((x, i) => TupleShaped(x, t.Args[i])).All(ok => ok),
            _ => false,
        };

        private string TuplePattern(ExpressionNode target, PyType t, ExpressionNode? whole = null)
        {
            if (target is Name n)
            {
                _lambdaScope[n.Id] = t;
                return "var " + PatternName(n.Id, whole ?? target);
            }
            var tt = (Tuple)target;
            return "(" + string.Join(", ", tt.Elts.Select((x, i) => TuplePattern(x, t.Args[i], whole ?? target))) + ")";
        }

        /// <summary>A name bound by a comprehension's target pattern: <c>_</c> written more than once (<c>for a, _, _ in rows</c>) is a C# discard.</summary>
        private static string PatternName(string id, ExpressionNode target) =>
            id == "_" && ModelBuilder.WalkExpression(target).OfType<Name>().Count(x => x.Id == "_") > 1 ? "_" : CsNames.Local(id);

        // ---- f-strings ----
        private Ex EmitFString(JoinedStr js)
        {
            var sb = new System.Text.StringBuilder("$\"");
            foreach (var part in js.Values)
            {
                if (part is Constant { Value: string s })
                {
                    // Only the literal's own quotes go: Trim('"') would also eat an escaped quote at either end (say "{x}").
                    var literal = CsNames.Literal(s);
                    sb.Append(literal.Substring(1, literal.Length - 2).Replace("{", "{{").Replace("}", "}}"));
                    continue;
                }
                if (part is FormattedValue fv)
                {
                    var v = EmitExpr(fv.Value);
                    string inner = fv.Conversion switch
                    {
                        'r' => $"Repr.Of({Box(v)})",
                        'a' => $"Py.Ascii({Box(v)})",
                        's' => $"Str.Of({Box(v)})",
                        _ => v.Type.Kind == TypeKind.Str ? v.Code : null!,
                    };
                    string? spec = null;
                    if (fv.FormatSpec is JoinedStr specStr)
                    {
                        if (specStr.Values.All(x => x is Constant)) spec = CsNames.Literal(string.Concat(specStr.Values.Select(x => (string)((Constant)x).Value.OrThrow())));
                        else spec = EmitFString(specStr).Code;
                    }
                    // f"{obj}" formats with __format__(""), not str(), when the object's class defines one
                    if (spec is null && inner is null && DefinesFormat(v.Type)) spec = "\"\"";
                    // Holes are parenthesised: a ':' or '?' inside would end a C# interpolation.
                    if (spec is not null)
                        sb.Append('{').Append($"Py.FormatValue({inner ?? Box(v)}, {spec})").Append('}');
                    else
                        sb.Append("{(").Append(inner ?? StrOf(v)).Append(")}");
                }
            }
            sb.Append('"');
            return new Ex(sb.ToString(), PyType.Str, true);
        }

        private bool DefinesFormat(PyType t) =>
            t.Kind == TypeKind.Class ? ClassOf(t)?.FindMethod("__format__") is not null
            : t.Kind is TypeKind.Object or TypeKind.Unknown && _modules.Any(m => m.Classes.Values.Any(c => c.Methods.ContainsKey("__format__")));

        private string StrOf(Ex v) => v.Type.Kind switch
        {
            TypeKind.Str => v.Code,
            TypeKind.Int when v.IntLiteral => CsNames.Literal(v.Code),
            TypeKind.Int or TypeKind.Float or TypeKind.Bool => $"Str.Of({v.Code})",
            _ => $"Str.Of({Box(v)})",
        };

        /// <summary><c>key=len</c>, <c>key=str.lower</c>, <c>reduce(max, ...)</c>: a builtin used as a function value becomes a lambda.</summary>
        private bool IsBoundBuiltinMethod(Attribute a) =>
            a.Value is Constant { Value: string } || a.Value is Name n && Resolve(n.Id) is { Kind: ResolvedKind.Local or ResolvedKind.Global } r
            && (r.NarrowedType ?? r.Var.OrThrow().Type).Kind is TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter or TypeKind.List or TypeKind.Set or TypeKind.Str or TypeKind.Deque;

        private static Lambda BuiltinAsLambda(Node at, int arity, Func<ExpressionNode[], ExpressionNode> body)
        {
            arity = Math.Max(1, arity);
            var names = Enumerable.Range(0, arity).Select(i => "__a" + i).ToArray();
            var args = new Arguments(default, NodeList.Of(names.Select(n => new Arg(n, null, null, at.Span)).ToArray()), null, default, default, null, default, at.Span);
            return new Lambda(args, body(names.Select(n => (ExpressionNode)new Name(n, ExprContext.Load, at.Span)).ToArray()), at.Span);
        }

        /// <summary>
        /// Whether some call in the module on a function value (<c>fs[i](10, 100)</c>, <c>f(1, k=5)</c> with f a variable)
        /// passes more than <paramref name="required"/> arguments or one of the defaulted names: then a capture-idiom
        /// lambda must take its defaults as real parameters.
        /// </summary>
        private bool CallsMayPassDefaults(int required, IEnumerable<string> defaulted)
        {
            var names = new HashSet<string>(defaulted, StringComparer.Ordinal);
            return ModelBuilder.WalkExpressions(_module.Tree.Body).OfType<Call>().Any(c => IsFunctionValueCallee(c.Func)
                && (c.Args.Count > required || c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Arg is null || names.Contains(k.Arg))));
        }

        private bool IsFunctionValueCallee(ExpressionNode f) => f switch
        {
            Subscript or Call => true,
            Name n => !_module.Functions.ContainsKey(n.Id) && !_module.Classes.ContainsKey(n.Id) && !BuiltinNames.Contains(n.Id) && !_module.Imports.ContainsKey(n.Id),
            _ => false,
        };

        // ---- lambda ----
        private Ex EmitLambda(Lambda lam, PyType expected)
        {
            var allArgs = lam.Args.Args.ToList();
            int firstDefault = allArgs.Count - lam.Args.Defaults.Count;
            // a lambda with defaults passed where its callee fixes the arity (key=lambda v, f=f: ...) keeps them bound;
            // one kept as a value may be called with them (f = lambda x, n=0: ...; f(1, 2)): a dynamic function
            // The capture idiom (lambda x, k=k: ...) binds a loop variable, and nobody passes k: it stays a typed delegate.
            bool captureIdiom = lam.Args.Defaults.Select((d, i) => d is Name dn && dn.Id == allArgs[firstDefault + i].Name).All(x => x)
                && !CallsMayPassDefaults(firstDefault, allArgs.Skip(firstDefault).Select(a => a.Name));
            bool defaultsMayBePassed = firstDefault < allArgs.Count && !captureIdiom && !(expected.Kind == TypeKind.Func && expected.Params.Count() <= firstDefault);
            if (lam.Args.Vararg is not null || lam.Args.Kwarg is not null || lam.Args.Kwonlyargs.Count > 0 || defaultsMayBePassed) return EmitVariadicLambda(lam);
            var args = allArgs.Take(firstDefault).ToList();
            // defaults are evaluated where the lambda is made (lambda v, f=f: ... in a loop keeps each f), outside its scope
            var defaults = new List<(string Bound, Ex Value)>();
            var pendingNames = new Dictionary<string, (PyType Type, string Cs)>();
            for (int i = firstDefault; i < allArgs.Count; i++)
            {
                var dv = EmitExpr(lam.Args.Defaults[i - firstDefault]);
                var bound = Temp("d");
                defaults.Add((bound, dv));
                pendingNames[allArgs[i].Name] = (dv.Type.Kind == TypeKind.Unknown ? PyType.Object : dv.Type, bound);
            }
            var saved = new Dictionary<string, PyType>(_lambdaScope);
            var restore = SuspendRangeNarrowing();
            var classScope = _classScope;
            _closureDepth++;
            try
            {
                foreach (var kv in pendingNames) { _lambdaScope[kv.Key] = kv.Value.Type; _lambdaNames[kv.Key] = kv.Value.Cs; }
                var ps = new List<PyType>();
                for (int i = 0; i < args.Count; i++)
                {
                    var pt = expected.Kind == TypeKind.Func && i < expected.Params.Count() ? expected.Params.ElementAt(i) : PyType.Object;
                    if (pt.Kind == TypeKind.Unknown) pt = PyType.Object;
                    _lambdaScope[args[i].Name] = pt;
                    _lambdaNames.Remove(args[i].Name);
                    ps.Add(pt);
                }
                // a lambda's body does not see the class body it is written in
                _classScope = null;
                var body = EmitExpr(lam.Body, expected.Kind == TypeKind.Func ? expected.Return : PyType.Unknown);
                var rt = body.Type.Kind == TypeKind.Unknown ? PyType.Object : body.Type;
                if (TypeDepth(rt) >= MaxTypeDepth)
                {
                    // lambdas nested deeper than the type limit (lambda: lambda: ...): each level's result is a dynamic value
                    rt = PyType.Object;
                    Report(TranspilerCodes.DynamicFallback, TranspilerSeverity.Info, $"lambdas nested more than {MaxTypeDepth} deep: the inner ones are dynamic values", "name the inner functions with def", lam);
                }
                var ft = PyType.Func(rt, ps.ToArray());
                string parameters = "(" + string.Join(", ", args.Select((a, i) => $"{CsTypes.Of(ps[i])} {CsNames.Local(a.Name)}")) + ")";
                // lambda: None is an Action whose body does nothing (a bare null is no statement)
                string bodyCode = rt.Kind != TypeKind.None ? ValueForVar(body) : lam.Body is Constant { Value: null } or Name { Id: "None" } ? "{ }" : body.Code;
                string code = $"new {CsTypes.Of(ft)}({parameters} => {bodyCode})";
                foreach (var (bound, value) in Enumerable.Reverse(defaults))
                    code = $"Py.Let<{CsTypes.Of(pendingNames.Values.First(p => p.Cs == bound).Type)}, {CsTypes.Of(ft)}>({ValueForVar(value)}, {bound} => {code})";
                return new Ex(code, ft, true);
            }
            finally
            {
                _closureDepth--;
                _classScope = classScope;
                restore();
                _lambdaScope.Clear();
                foreach (var kv in saved) _lambdaScope[kv.Key] = kv.Value;
                foreach (var a in allArgs) _lambdaNames.Remove(a.Name);
            }
        }
    
        /// <summary>
        /// <c>lambda *args: ...</c> and <c>lambda **kw: ...</c>: a dynamic function value (as a def with <c>*args</c>
        /// passed as a value), its parameters bound from the call's argument array.
        /// </summary>
        private Ex EmitVariadicLambda(Lambda lam)
        {
            var all = lam.Args.Args.ToList();
            int required = all.Count - lam.Args.Defaults.Count;
            // defaults are evaluated where the lambda is made, in the enclosing scope (lambda v, i=i: ... in a loop keeps each i)
            var bindings = new List<(string Bound, string Value)>();
            string Bind(ExpressionNode d)
            {
                var bound = Temp("d");
                bindings.Add((bound, Box(EmitExpr(d))));
                return bound;
            }
            var defaults = lam.Args.Defaults.Select(Bind).ToList();
            var kwDefaults = lam.Args.KwDefaults.Select(d => d is null ? null : Bind(d)).ToList();
            var saved = new Dictionary<string, PyType>(_lambdaScope);
            var restore = SuspendRangeNarrowing();
            _closureDepth++;
            try
            {
                // keyword arguments are popped as they bind (what is left goes to **kwargs or is an error): a copy, not the caller's dict
                var lines = new List<string> { "__k = new PyDict<string, object?>(__k.Items());" };
                if (required > 0)
                {
                    string names = string.Join(" and ", all.Take(required).Select(a => "'" + a.Name + "'"));
                    string missing = required == 1 ? $"missing 1 required positional argument: {names}" : $"missing {required} required positional arguments";
                    lines.Add($"if (__a.Length < {required} && __k.Count == 0) throw new TypeError({CsNames.Literal("<lambda>() " + missing)});");
                }
                if (lam.Args.Vararg is null)
                {
                    string takes = required == all.Count ? $"{all.Count} positional argument{(all.Count == 1 ? "" : "s")}" : $"from {required} to {all.Count} positional arguments";
                    lines.Add($"if (__a.Length > {all.Count}) throw new TypeError({CsNames.Literal($"<lambda>() takes {takes} but ")} + __a.Length + \" were given\");");
                }
                for (int i = 0; i < all.Count; i++)
                {
                    string local = Temp("p"), key = CsNames.Literal(all[i].Name);
                    string fallback = i < required ? $"throw new TypeError({CsNames.Literal($"<lambda>() missing 1 required positional argument: '{all[i].Name}'")})" : defaults[i - required];
                    lines.Add($"if (__a.Length > {i} && __k.ContainsKey({key})) throw new TypeError({CsNames.Literal($"<lambda>() got multiple values for argument '{all[i].Name}'")});");
                    lines.Add($"var {local} = __a.Length > {i} ? __a[{i}] : __k.ContainsKey({key}) ? __k.Pop({key}) : {fallback};");
                    BindLambdaName(all[i].Name, PyType.Object, local);
                }
                if (lam.Args.Vararg is { } va)
                {
                    string local = Temp("p");
                    lines.Add($"var {local} = new PyTuple(__a.Skip({all.Count}).ToArray());");
                    BindLambdaName(va.Name, PyType.VarTuple(PyType.Object), local);
                }
                var kwonly = lam.Args.Kwonlyargs.ToList();
                for (int j = 0; j < kwonly.Count; j++)
                {
                    string local = Temp("p"), key = CsNames.Literal(kwonly[j].Name);
                    string fallback = kwDefaults[j] is { } d ? d
                        : $"throw new TypeError({CsNames.Literal($"<lambda>() missing 1 required keyword-only argument: '{kwonly[j].Name}'")})";
                    lines.Add($"var {local} = __k.ContainsKey({key}) ? __k.Pop({key}) : {fallback};");
                    BindLambdaName(kwonly[j].Name, PyType.Object, local);
                }
                if (lam.Args.Kwarg is { } kw) BindLambdaName(kw.Name, PyType.Dict(PyType.Str, PyType.Object), "__k");
                else lines.Add("foreach (var __u in __k.Keys()) throw new TypeError(\"<lambda>() got an unexpected keyword argument '\" + __u + \"'\");");
                var body = EmitExpr(lam.Body);
                lines.Add(body.Type.Kind == TypeKind.None ? $"{body.Code}; return null;" : $"return {Box(body)};");
                string code = $"new PyVariadicFunction(\"<lambda>\", (__a, __k) => {{ {string.Join(" ", lines)} }})";
                foreach (var (bound, value) in Enumerable.Reverse(bindings)) code = $"Py.Let<object?, PyVariadicFunction>({value}, {bound} => {code})";
                return new Ex(code, PyType.Object, true);
            }
            finally
            {
                _closureDepth--;
                restore();
                _lambdaScope.Clear();
                foreach (var kv in saved) _lambdaScope[kv.Key] = kv.Value;
                foreach (var a in all.Concat(lam.Args.Kwonlyargs)) _lambdaNames.Remove(a.Name);
                if (lam.Args.Vararg is { } va) _lambdaNames.Remove(va.Name);
                if (lam.Args.Kwarg is { } kw) _lambdaNames.Remove(kw.Name);
            }
        }

        private void BindLambdaName(string name, PyType type, string cs)
        {
            _lambdaScope[name] = type;
            _lambdaNames[name] = cs;
        }
    }
}
