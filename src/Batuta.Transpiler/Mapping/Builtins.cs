using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>Python builtins → Batuta.Python.Runtime calls, chosen by the static types of the arguments.</summary>
    internal static class Builtins
    {
        public static Ex? AsValue(string name) => name switch
        {
            // builtin types as values keep their names (a.__name__, isinstance(x, a)), registered with Py.Named
            "int" => new Ex("Py.Named(new Func<object?, PyInt>(Py.Int), \"int\")", PyType.Func(PyType.Int, PyType.Object), true),
            "float" => new Ex("Py.Named(new Func<object?, double>(Py.Float), \"float\")", PyType.Func(PyType.Float, PyType.Object), true),
            "str" => new Ex("Py.Named(new Func<object?, string>(Str.Of), \"str\")", PyType.Func(PyType.Str, PyType.Object), true),
            "complex" => new Ex("Py.Named(new Func<object?, object?, PyComplex>(PyComplex.Create), \"complex\")", PyType.Object, true),
            "dict" => new Ex("Py.Named(new Func<PyDict<object?, object?>>(() => new PyDict<object?, object?>()), \"dict\")", PyType.Func(PyType.Dict(PyType.Object, PyType.Object)), true),
            "set" => new Ex("Py.Named(new Func<PySet<object?>>(() => new PySet<object?>()), \"set\")", PyType.Func(PyType.Set(PyType.Object)), true),
            "tuple" => new Ex("Py.Named(new Func<PyTuple>(() => PyTuple.Empty), \"tuple\")", PyType.Func(PyType.VarTuple(PyType.Object)), true),
            "len" => new Ex("new Func<object?, PyInt>(__o => Py.Len(__o))", PyType.Func(PyType.Int, PyType.Object)),
            "abs" => new Ex("new Func<object?, object?>(Py.Abs)", PyType.Func(PyType.Object, PyType.Object)),
            "list" => new Ex("Py.Named(new Func<PyList<object?>>(() => new PyList<object?>()), \"list\")", PyType.Func(PyType.List(PyType.Object)), true),
            // print as a value takes any number of values and sep=/end=/file= (stack.callback(print, "closing", name))
            "print" => new Ex("new PyVariadicFunction(\"print\", (__a, __k) => Py.NoneAfter(() => Py.PrintKw(new[] { __k }, __a)))", PyType.Object, true),
            "bool" => new Ex("Py.Named(new Func<object?, bool>(Py.Truth), \"bool\")", PyType.Func(PyType.Bool, PyType.Object), true),
            "repr" => new Ex("new Func<object?, string>(Repr.Of)", PyType.Func(PyType.Str, PyType.Object)),
            // max/min as values take any number of arguments (or one iterable), as the builtins do; the first extreme wins.
            "max" => new Ex("new PyVariadicFunction(\"max\", __a => (__a.Length == 1 ? Dyn.Iter(__a[0]) : __a).Aggregate((x, y) => Dyn.Gt(y, x) ? y : x))", PyType.Object, true),
            "min" => new Ex("new PyVariadicFunction(\"min\", __a => (__a.Length == 1 ? Dyn.Iter(__a[0]) : __a).Aggregate((x, y) => Dyn.Lt(y, x) ? y : x))", PyType.Object, true),
            "sorted" => new Ex("new PyVariadicFunction(\"sorted\", (__a, __k) => Py.SortedDynamic(__a, __k))", PyType.Object, true),
            "sum" => new Ex("new PyVariadicFunction(\"sum\", __a => Py.Sum(Dyn.Iter(__a[0]), __a.Length > 1 ? __a[1] : null))", PyType.Object, true),
            "any" => new Ex("Py.Named(new Func<object?, bool>(__o => Dyn.Iter(__o).Any(Py.Truth)), \"any\")", PyType.Func(PyType.Bool, PyType.Object), true),
            "all" => new Ex("Py.Named(new Func<object?, bool>(__o => Dyn.Iter(__o).All(Py.Truth)), \"all\")", PyType.Func(PyType.Bool, PyType.Object), true),
            "ord" => new Ex("Py.Named(new Func<string, PyInt>(Py.Ord), \"ord\")", PyType.Func(PyType.Int, PyType.Str), true),
            "round" => new Ex("new PyVariadicFunction(\"round\", Py.RoundOf)", PyType.Object, true),
            "divmod" => new Ex("Py.Named(new Func<object?, object?, (object?, object?)>(Py.DivModDynamic), \"divmod\")", PyType.Func(PyType.Tuple(PyType.Object, PyType.Object), PyType.Object, PyType.Object), true),
            "pow" => new Ex("new PyVariadicFunction(\"pow\", Py.PowOf)", PyType.Object, true),
            "slice" => new Ex("new PyVariadicFunction(\"slice\", Py.SliceFrom)", PyType.Object, true),
            "NotImplemented" => new Ex("Py.NotImplemented", PyType.Object, true),
            "object" => new Ex("typeof(object)", PyType.Object, true),
            _ => null,
        };

        /// <summary>
        /// round(*args), divmod(*pair): the rows read positions, so the builtin's value is called with the arguments
        /// spread. Not for the builtins whose rows spread a starred argument themselves, nor the type constructors
        /// (their values take no argument).
        /// </summary>
        private static Ex? SpreadCall(Emitter e, string name, Call c) =>
            c.Args.Any(x => x is Starred) && c.Keywords.Count == 0 && name is not ("print" or "zip" or "min" or "max" or "list" or "dict" or "set" or "tuple") && AsValue(name) is { } callable
                ? e.SpreadCallOf(callable, c) : null;

        /// <summary>pow(x, y[, m]): ints stay ints, numbers are floats, and a dynamic operand (a Decimal, a Fraction) picks its own power at run time, as x ** y does.</summary>
        private static Ex PowCall(Emitter e, Ex x, Ex y, Ex? m)
        {
            if (m is { } mod) return new Ex($"Py.Pow({e.CoerceTo(x, PyType.Int).Code}, {e.CoerceTo(y, PyType.Int).Code}, {e.CoerceTo(mod, PyType.Int).Code})", PyType.Int, true);
            if (x.Type.Kind == TypeKind.Int && y.Type.Kind == TypeKind.Int)
                return y.IntLiteral && !y.Code.StartsWith("-", StringComparison.Ordinal) ? new Ex($"PyInt.Pow({e.CoerceTo(x, PyType.Int).Code}, {y.Code})", PyType.Int, true) : new Ex($"Ops.Pow({e.CoerceTo(x, PyType.Int).Code}, {e.CoerceTo(y, PyType.Int).Code})", PyType.Object, true);
            if (x.Type.Kind is TypeKind.Object or TypeKind.Class || y.Type.Kind is TypeKind.Object or TypeKind.Class) return new Ex($"Dyn.Pow({Emitter.BoxOf(x)}, {Emitter.BoxOf(y)})", PyType.Object, true);
            return new Ex($"Ops.Pow({e.CoerceTo(x, PyType.Float).Code}, {e.CoerceTo(y, PyType.Float).Code})", PyType.Float, true);
        }

        /// <summary>divmod(x, y) by the operands' types: ints (bools too) give ints, a dynamic operand decides at run time.</summary>
        private static Ex DivMod(Emitter e, Call c, Ex x, Ex y)
        {
            var a = c.Args;
            // divmod(money, 3) on a class with __divmod__: the method, as Python calls it
            if (e.ClassOf(x.Type)?.FindMethod("__divmod__") is not null)
                return e.Expr(new Call(new Attribute(a[0], "__divmod__", ExprContext.Load, a[0].Span), NodeList.Of(a[1]), default, c.Span));
            if (x.Type.IsLong && y.Type.IsLong && IntRanges.FloorDiv(x.Type, y.Type) is not null)
                return new Ex($"Ops.DivMod({Emitter.Long(x)}, {Emitter.Long(y)})", PyType.Tuple(PyType.LongFull, PyType.LongFull), true);
            // a bool is an int here (divmod(True, 2) is (0, 1))
            if (IsIntOrBool(x.Type) && IsIntOrBool(y.Type))
                return new Ex($"Py.DivMod({e.CoerceTo(x, PyType.Int).Code}, {e.CoerceTo(y, PyType.Int).Code})", PyType.Tuple(PyType.Int, PyType.Int), true);
            // a dynamic operand may be an int: the result's kind is decided at run time
            if (x.Type.Kind is TypeKind.Object or TypeKind.Unknown || y.Type.Kind is TypeKind.Object or TypeKind.Unknown)
                return new Ex($"Py.DivModDynamic({Emitter.BoxOf(x)}, {Emitter.BoxOf(y)})", PyType.Tuple(PyType.Object, PyType.Object), true);
            return new Ex($"Py.DivMod({e.CoerceTo(x, PyType.Float).Code}, {e.CoerceTo(y, PyType.Float).Code})", PyType.Tuple(PyType.Float, PyType.Float), true);
        }

        private static bool IsIntOrBool(PyType t) => t.Kind is TypeKind.Int or TypeKind.Bool;

        private static Dictionary<string, ExpressionNode> Kw(Call c) => c.Keywords.Where(k => k.Arg is not null).ToDictionary(k => k.Arg.OrThrow(), k => k.Value);

        /// <summary>dict(x) of one mapping or iterable of pairs.</summary>
        /// <summary>dict(), dict(k=v), dict(mapping or pairs[, k=v]), dict(**m).</summary>
        private static Ex DictCall(Emitter e, Call c, Dictionary<string, ExpressionNode> kw, PyType expected)
        {
            var a = c.Args;
            if (c.Keywords.Any(k => k.Arg is null)) return DictWithMappings(e, c);
            if (a.Count == 0 && kw.Count == 0)
            {
                var t0 = expected.IsDictLike ? PyType.Dict(expected.Key, expected.Value) : PyType.Dict(PyType.Unknown, PyType.Unknown);
                return new Ex($"new {CsTypes.Of(t0)}()", t0, true);
            }
            if (a.Count == 0)
            {
                var vs = kw.ToDictionary(k => k.Key, k => e.Expr(k.Value));
                var vt = vs.Values.Select(x => x.Type).Aggregate(PyType.Unknown, PyType.Join);
                var t1 = PyType.Dict(PyType.Str, vt);
                return new Ex($"new {CsTypes.Of(t1)} {{ {string.Join(", ", vs.Select(kv => $"[{CsNames.Literal(kv.Key)}] = {e.CoerceTo(kv.Value, vt).Code}"))} }}", t1, true);
            }
            var v = ArgumentShapeException.Arg(e, a, 0, null, "dict");
            // dict(pairs, k=v): the pairs, then the keywords (a dict of dynamic values)
            if (kw.Count > 0)
                return new Ex($"Py.Build(Py.DictOf({Emitter.BoxOf(v)}), __u => {{ {string.Concat(kw.Select(k => $"__u[{CsNames.Literal(k.Key)}] = {Emitter.BoxOf(e.Expr(k.Value))}; "))}}})", PyType.Dict(PyType.Object, PyType.Object), true);
            return DictCopy(e, v);
        }

        /// <summary>
        /// dict(**kw) / dict(pairs, **a, k=v): one mapping splatted alone keeps its types; otherwise a dynamic dict filled
        /// in Python's order (the positional argument, then each keyword or mapping as written).
        /// </summary>
        private static Ex DictWithMappings(Emitter e, Call c)
        {
            if (c.Args.Count == 0 && c.Keywords.Count == 1 && e.Expr(c.Keywords[0].Value) is { Type.IsDictLike: true } only) return DictCopy(e, only);
            var parts = new List<string>();
            if (c.Args.Count == 1) parts.Add($"__u.Update(Py.DictOf({Emitter.BoxOf(e.Expr(c.Args[0]))}));");
            foreach (var k in c.Keywords)
                parts.Add(k.Arg is null ? $"__u.Update(Py.MappingItems({Emitter.BoxOf(e.Expr(k.Value))}));" : $"__u[{CsNames.Literal(k.Arg)}] = {Emitter.BoxOf(e.Expr(k.Value))};");
            return new Ex($"Py.Build(new PyDict<object?, object?>(), __u => {{ {string.Join(" ", parts)} }})", PyType.Dict(PyType.Object, PyType.Object), true);
        }

        private static Ex DictCopy(Emitter e, Ex v)
        {
            // dict(meta or {}) where meta may be None: a copy of the mapping (None raises)
            if (v.Type.Kind == TypeKind.Optional && v.Type.Inner.IsDictLike)
                v = new Ex($"({v.Code} ?? throw new TypeError(\"'NoneType' object is not iterable\"))", v.Type.Inner, true);
            if (v.Type.IsDictLike)
            {
                var t2 = PyType.Dict(v.Type.Key, v.Type.Value);
                return new Ex($"new {CsTypes.Of(t2)}({v.P}.Items())", t2, true);
            }
            var pair = e.ElementOf(v.Type);
            if (pair.Kind == TypeKind.Tuple && pair.Args.Count == 2)
            {
                var t3 = PyType.Dict(pair.Args[0], pair.Args[1]);
                return new Ex($"new {CsTypes.Of(t3)}({e.EnumerableOf(v)})", t3, true);
            }
            if (v.Type.Kind is TypeKind.Object or TypeKind.Unknown) return new Ex($"Py.DictOf({v.Code})", PyType.Dict(PyType.Object, PyType.Object), true);
            return new Ex($"Py.DictFromPairs({e.EnumerableOf(v)})", PyType.Dict(PyType.Object, PyType.Object), true);
        }

        /// <summary>getattr, setattr, delattr and hasattr: the dynamic attribute protocol (Dyn), or what Batuta maps for a stdlib module.</summary>
        private static Ex AttributeBuiltin(Emitter e, string name, NodeList<ExpressionNode> a, Func<int, Ex> arg)
        {
            string Obj() => Emitter.BoxOf(arg(0));
            string AttrName() => e.CoerceTo(arg(1), PyType.Str).Code;
            switch (name)
            {
                case "getattr":
                    if (a.Count == 3) return new Ex($"Py.GetAttr({Obj()}, {AttrName()}, {Emitter.BoxOf(arg(2))})", PyType.Object, true);
                    return new Ex($"Dyn.GetAttr({Obj()}, {AttrName()})", PyType.Object, true);
                case "setattr":
                    return new Ex($"Dyn.SetAttr({Obj()}, {AttrName()}, {Emitter.BoxOf(arg(2))})", PyType.None, true);
                case "delattr":
                    return new Ex($"Dyn.DelAttr({Obj()}, {AttrName()})", PyType.None, true);
                default:
                    // hasattr(math, "cbrt"): a standard-library module has what Batuta maps
                    if (a.Count == 2 && a[1] is Constant { Value: string member } && e.StdlibName(new Attribute(a[0], member, ExprContext.Load, a[0].Span)) is { } qualified)
                        return new Ex(StdlibModules.Table.Any(r => r.Python == qualified) || TempFileMapping.Maps(qualified) || StdlibModules.Constant(qualified) is not null ? "true" : "false", PyType.Bool, true);
                    return new Ex($"Py.HasAttr({Obj()}, {AttrName()})", PyType.Bool, true);
            }
        }

        /// <summary>
        /// str(b, encoding, errors) and bytearray(s, encoding, errors) (the codecs of str.encode / bytes.decode), and
        /// memoryview(b); null for any other call.
        /// </summary>
        private static Ex? BufferCall(Emitter e, string name, IReadOnlyList<ExpressionNode> a, Dictionary<string, ExpressionNode> kw)
        {
            string Codec() => Members.CodecArguments(e, a.Skip(1).ToList(), kw);
            bool decoding = a.Count > 1 || kw.ContainsKey("encoding") || kw.ContainsKey("errors");
            if (name == "str" && a.Count > 0 && decoding) return new Ex($"Py.StrDecode({Emitter.BoxOf(e.Expr(a[0]))}{Codec()})", PyType.Str, true);
            if (name == "bytearray" && a.Count > 0 && decoding) return new Ex($"new PyByteArray(StrOps.Encode({e.CoerceTo(e.Expr(a[0]), PyType.Str).Code}{Codec()}))", ByteArray, true);
            if (name == "memoryview" && a.Count == 1) return new Ex($"new PyMemoryView({Emitter.BoxOf(e.Expr(a[0]))})", PyType.Object, true);
            return null;
        }

        public static Ex Call(Emitter e, string name, Call c, PyType expected)
        {
            if ((Libraries.Builtin(e, name, c) ?? SpreadCall(e, name, c)) is { } library) return library;
            var kw = Kw(c);
            var a = c.Args;
            Ex Arg(int i, PyType? t = null) => ArgumentShapeException.Arg(e, a, i, t, name);
            if (BufferCall(e, name, a, kw) is { } buffer) return buffer;
            switch (name)
            {
                case "print" when c.Keywords.Any(k => k.Arg is null):
                {
                    // print(*values, **options): the options merged from the keywords and mappings at run time
                    var values = a.Select(x => x is Starred st ? $"{e.EnumerableOf(e.Expr(st.Value))}.Select(__p => (object?)__p)" : $"new object?[] {{ {Emitter.BoxOf(e.Expr(x))} }}");
                    var options = c.Keywords.Select(k => k.Arg is null ? $"Py.KwMapping({Emitter.BoxOf(e.Expr(k.Value))})" : $"new PyDict<string, object?> {{ [{CsNames.Literal(k.Arg)}] = {Emitter.BoxOf(e.Expr(k.Value))} }}");
                    return new Ex($"Py.PrintKw(new[] {{ {string.Join(", ", options)} }}, Enumerable.Empty<object?>(){string.Concat(values.Select(x => $".Concat({x})"))}.ToArray())", PyType.None, true);
                }
                case "print":
                {
                    var args = a.Select(x => x is Starred st ? $"{e.EnumerableOf(e.Expr(st.Value))}.Select(__p => (object?)__p).ToArray()" : e.StrOfValue(e.Expr(x))).ToList();
                    if (a.Any(x => x is Starred))
                    {
                        var parts = a.Select(x => x is Starred st ? $"{e.EnumerableOf(e.Expr(st.Value))}.Select(__p => Str.Of(__p))" : $"new[] {{ {e.StrOfValue(e.Expr(x))} }}");
                        var joined = string.Join(".Concat(", parts) + string.Concat(Enumerable.Repeat(")", parts.Count() - 1));
                        return new Ex($"Py.PrintWith({Opt(e, kw, "sep")}, {Opt(e, kw, "end")}, {OptObj(e, kw, "file")}, {Flag(e, kw, "flush")}, {joined}.ToArray<object?>())", PyType.None, true);
                    }
                    if (kw.Count > 0)
                        return new Ex($"Py.PrintWith({Opt(e, kw, "sep")}, {Opt(e, kw, "end")}, {OptObj(e, kw, "file")}, {Flag(e, kw, "flush")}{string.Concat(args.Select(x => ", " + x))})", PyType.None, true);
                    if (args.Count == 0) return new Ex("Py.Print()", PyType.None, true);
                    if (args.Count == 1) return new Ex($"Py.Print({args[0]})", PyType.None, true);
                    // Python evaluates every argument before it turns any into text.
                    if (a.Any(HasCall)) return new Ex($"Py.Print({string.Join(", ", a.Select(x => Emitter.BoxOf(e.Expr(x))))})", PyType.None, true);
                    return new Ex($"Py.Print({string.Join(" + \" \" + ", args)})", PyType.None, true);
                }
                case "len":
                {
                    var v = Arg(0);
                    // A .NET collection counts with an int: a length is a long in [0, int.MaxValue].
                    return v.Type.Kind switch
                    {
                        TypeKind.Str => new Ex($"StrOps.Len({v.Code})", IntRanges.Length, true),
                        TypeKind.List or TypeKind.Dict or TypeKind.Set or TypeKind.DefaultDict or TypeKind.Counter or TypeKind.Deque or TypeKind.VarTuple => new Ex($"(long){v.P}.Count", IntRanges.Length, true),
                        TypeKind.Tuple => new Ex(v.Type.Args.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), IntRanges.Constant(v.Type.Args.Count), true, intLiteral: true),
                        TypeKind.Range => new Ex($"{v.P}.Length", PyType.Long(0, long.MaxValue), true),
                        TypeKind.Bytes => new Ex($"(long){v.P}.Count", IntRanges.Length, true),
                        // __len__ returning a dynamic value (max(0, self.stop - self.start) of untyped fields): an int all the same
                        TypeKind.Class when e.ClassOf(v.Type)?.FindMethod("__len__") is { } m => m.ReturnType.Kind == TypeKind.Int ? new Ex($"{v.P}.{m.CsName}()", m.ReturnType, true)
                            : e.CoerceTo(new Ex($"{v.P}.{m.CsName}()", m.ReturnType.Kind == TypeKind.Unknown ? PyType.Object : m.ReturnType, true), PyType.Int),
                        _ => new Ex($"Py.Len({Emitter.BoxOf(v)})", PyType.Long(0, long.MaxValue), true),
                    };
                }
                // range(*bounds): how many bounds there are is known at run time
                case "range" when a.Any(x => x is Starred):
                    return new Ex($"Py.RangeOf({SpreadArguments(e, a)}.ToArray())", PyType.Range, true);
                case "range":
                {
                    var vs = a.Select(x => e.EmitLongArgument(x, "Checked")).ToList();
                    var args = vs.All(v => v.Type.IsLong) ? vs.Select(Emitter.Long) : vs.Select(v => e.CoerceTo(v, PyType.Int).Code);
                    return new Ex($"Py.Range({string.Join(", ", args)})", PyType.Range, true);
                }
                case "enumerate":
                {
                    var v = Arg(0);
                    var start = a.Count > 1 ? Emitter.Long(Arg(1, PyType.Int)) : kw.TryGetValue("start", out var s) ? Emitter.Long(e.Expr(s, PyType.Int)) : null;
                    var elem = e.ElementOf(v.Type);
                    return new Ex($"Py.Enumerate({e.EnumerableOf(v)}{(start is null ? "" : ", " + start)})", PyType.Iterable(PyType.Tuple(PyType.LongFull, elem)), true);
                }
                case "zip":
                {
                    if (a.Count == 1 && a[0] is Starred zs)
                    {
                        var rows = e.Expr(zs.Value);
                        var inner = e.ElementOf(e.ElementOf(rows.Type));
                        var row = e.ElementOf(rows.Type);
                        return new Ex($"Py.ZipStar({e.EnumerableOf(rows)}.Select(__r => {e.EnumerableOf(new Ex("__r", row, true))}))", PyType.Iterable(PyType.VarTuple(inner)), true);
                    }
                    var vs = a.Select(x => e.Expr(x)).ToList();
                    if (vs.Count is < 2 or > 3) return e.NotSupported(c, $"zip() with {vs.Count} arguments");
                    string strict = kw.TryGetValue("strict", out var st) ? ", " + e.TruthOf(e.Expr(st)) : "";
                    return new Ex($"Py.Zip({string.Join(", ", vs.Select(e.EnumerableOf))}{strict})", PyType.Iterable(PyType.Tuple(vs.Select(v => e.ElementOf(v.Type)).ToArray())), true);
                }
                case "sorted":
                {
                    var v = Arg(0);
                    var elem = e.ElementOf(v.Type);
                    string rev = kw.TryGetValue("reverse", out var r) ? e.TruthOf(e.Expr(r)) : "false";
                    if (kw.TryGetValue("key", out var key))
                    {
                        var k = e.KeyFunction(key, elem);
                        return new Ex($"Py.Sorted({e.EnumerableOf(v)}, {k.Code}, {rev})", PyType.List(elem), true);
                    }
                    return new Ex($"Py.Sorted({e.EnumerableOf(v)}{(rev == "false" ? "" : ", " + rev)})", PyType.List(elem), true);
                }
                case "min":
                case "max":
                    return MinMax(e, name, a, kw);
                case "sum":
                {
                    var v = Arg(0);
                    var elem = e.ElementOf(v.Type);
                    string start = a.Count > 1 ? ", " + e.Expr(a[1]).Code : kw.TryGetValue("start", out var st) ? ", " + e.Expr(st).Code : "";
                    // floats: Python's sum starts from the int 0, so an empty sum is 0, not 0.0 (a dynamic result)
                    if (elem.Kind == TypeKind.Float && start.Length == 0) return new Ex($"Py.SumOfFloats({e.EnumerableOf(v)})", PyType.Object, true);
                    if (elem.Kind is TypeKind.Int or TypeKind.Bool && start.Length == 0)
                        return new Ex($"Py.Sum({e.EnumerableOf(v)})", PyType.Int, true);
                    if (elem.Kind == TypeKind.Float) return new Ex($"Py.Sum({e.EnumerableOf(v)}{start})", PyType.Float, true);
                    if (elem.Kind == TypeKind.Int && start.Length > 0 && a.Count > 1 && e.Expr(a[1]).Type.Kind == TypeKind.Int) return new Ex($"Py.Sum({e.EnumerableOf(v)}{start})", PyType.Int, true);
                    return new Ex($"Py.Sum({e.EnumerableOf(v)}.Select(__s => (object?)__s){(start.Length > 0 ? ", " + Emitter.BoxOf(e.Expr(a.Count > 1 ? a[1] : kw["start"])) : "")})", PyType.Object, true);
                }
                case "abs":
                {
                    var v = Arg(0);
                    if (v.Type.IsLong) return IntRanges.Abs(v.Type) is { } abs ? new Ex($"Ops.Abs({v.Code})", abs, true) : new Ex($"PyInt.Abs((PyInt){v.P})", PyType.Int, true);
                    if (v.Type.Kind is TypeKind.Int or TypeKind.Float) return new Ex($"Py.Abs({v.Code})", v.Type, true);
                    if (e.ClassOf(v.Type)?.FindMethod("__abs__") is { } m) return new Ex($"{v.P}.{m.CsName}()", m.ReturnType, true);
                    return new Ex($"Py.Abs({Emitter.BoxOf(v)})", PyType.Object, true);
                }
                case "round":
                {
                    var v = Arg(0);
                    // a class's __round__ (round(money), round(money, 1)): the method, its own defaults bound as any call's
                    if (e.ClassOf(v.Type)?.FindMethod("__round__") is not null)
                        return e.Expr(new Call(new Attribute(a[0], "__round__", ExprContext.Load, c.Span), NodeList.Of(a.Skip(1).ToArray()), c.Keywords, c.Span));
                    if (a.Count == 1 && !kw.ContainsKey("ndigits"))
                        return v.Type.Kind switch
                        {
                            TypeKind.Float => new Ex($"Py.Round({v.Code})", PyType.Int, true),
                            TypeKind.Int => v,
                            // a dynamic value may be an int or a Fraction, which round exactly (not through a float)
                            TypeKind.Object or TypeKind.Unknown => new Ex($"Py.RoundToInt({Emitter.BoxOf(v)})", PyType.Int, true),
                            _ => new Ex($"Py.Round(Dyn.Cast<double>({v.Code}))", PyType.Int, true),
                        };
                    var n = a.Count > 1 ? Arg(1, PyType.Int) : e.Expr(kw["ndigits"], PyType.Int);
                    if (n.Type.Kind == TypeKind.None) return new Ex($"Py.Round({v.Code})", PyType.Int, true);
                    if (v.Type.Kind == TypeKind.Int) return new Ex($"Py.Round({v.Code}, {Emitter.Long(n)})", PyType.Int, true);
                    // a dynamic number: an int rounds to an int (round(70, 2) is 70), a float to a float
                    if (v.Type.Kind is TypeKind.Object or TypeKind.Unknown) return new Ex($"Py.RoundDynamic({Emitter.BoxOf(v)}, {Emitter.Long(n)})", PyType.Object, true);
                    return new Ex($"Py.Round({e.CoerceTo(v, PyType.Float).Code}, {Emitter.Long(n)})", PyType.Float, true);
                }
                case "divmod":
                    return DivMod(e, c, Arg(0), Arg(1));
                case "pow":
                    return PowCall(e, Arg(0), Arg(1), a.Count == 3 ? Arg(2) : null);
                case "slice" when a.Count is >= 1 and <= 3:
                    return new Ex($"Py.Slice({string.Join(", ", a.Select(x => Emitter.BoxOf(e.Expr(x))))})", Slice, true);
                case "isinstance":
                {
                    var v = Arg(0);
                    if (e.ClassNamed(a[1]) is { } protocol && RuntimeCheckableMembers(protocol) is { } members)
                        return new Ex($"Py.HasAttrs({Emitter.BoxOf(v)}, {string.Join(", ", members.Select(CsNames.Literal))})", PyType.Bool, true);
                    // isinstance(x, types) with the classes held in a variable or attribute: checked at run time
                    if (a[1] is not (Tuple or Name { Id: "object" }) && IsinstanceTarget(e, a[1]) == "object" || e.HasMultiBaseExceptions && IsExceptionTarget(e, a[1]))
                        return new Ex($"Py.IsInstanceOf({Emitter.BoxOf(v)}, {Emitter.BoxOf(Arg(1))})", PyType.Bool, true);
                    var types = a[1] is Tuple tt ? tt.Elts.ToList() : new List<ExpressionNode> { a[1] };
                    var cs = types.Select(t => IsinstanceTarget(e, t)).ToList();
                    // Seen as object: a class's instance may also match a mixin class merged into it (no C# relation).
                    // a typed value is seen as object too, so that a pattern of another type compiles (isinstance(True, int))
                    return new Ex($"{(v.Type.Kind is TypeKind.Object or TypeKind.Unknown ? "" : "(object?)")}{Emitter.BoxOf(v)} is {string.Join(" or ", cs)}", PyType.Bool);
                }
                case "issubclass":
                    // classes of the program and exception classes (issubclass(exc_type, self.types) in __exit__)
                    return new Ex($"Py.IsSubclass({Emitter.BoxOf(Arg(0))}, {Emitter.BoxOf(Arg(1))})", PyType.Bool, true);
                case "callable":
                    return new Ex($"Py.Callable({Emitter.BoxOf(Arg(0))})", PyType.Bool, true);
                case "map":
                    return MapCall(e, c, a, i => Arg(i));
                case "filter":
                    return FilterCall(e, a, i => Arg(i));
                case "any":
                case "all":
                {
                    var v = Arg(0);
                    string fn = name == "any" ? "Any" : "All";
                    var elem = e.ElementOf(v.Type);
                    if (elem.Kind == TypeKind.Bool) return new Ex($"Py.{fn}({e.EnumerableOf(v)})", PyType.Bool, true);
                    return new Ex($"Py.{fn}({e.EnumerableOf(v)})", PyType.Bool, true);
                }
                case "reversed":
                {
                    var v = Arg(0);
                    var elem = e.ElementOf(v.Type);
                    if (e.ClassOf(v.Type)?.FindMethod("__reversed__") is { } m) return new Ex($"{v.P}.{m.CsName}()", m.ReturnType, true);
                    return new Ex($"Py.Reversed({e.EnumerableOf(v)})", PyType.Iterable(elem), true);
                }
                case "input":
                    return new Ex(a.Count == 0 ? "Py.Input()" : $"Py.Input({e.StrOfValue(Arg(0))})", PyType.Str, true);
                case "open":
                {
                    var args = new List<string> { e.CoerceTo(Arg(0), PyType.Str).Code };
                    if (a.Count > 1) args.Add(e.CoerceTo(Arg(1), PyType.Str).Code);
                    else if (kw.TryGetValue("mode", out var mode)) args.Add(e.CoerceTo(e.Expr(mode), PyType.Str).Code);
                    else args.Add("\"r\"");
                    if (kw.TryGetValue("encoding", out var enc)) args.Add("encoding: " + e.Expr(enc).Code);
                    if (kw.TryGetValue("newline", out var nl)) args.Add("newline: " + e.Expr(nl).Code);
                    if (kw.TryGetValue("errors", out var errs)) args.Add("errors: " + e.Expr(errs).Code);
                    // binary mode: bytes in and out (the mode must be a literal to type the file)
                    var modeNode = a.Count > 1 ? a[1] : kw.TryGetValue("mode", out var mn) ? mn : null;
                    if (modeNode is Constant { Value: string ms } && ms.Contains('b')) return new Ex($"PyBinaryIO.Open({args[0]}, {args[1]})", BinaryFile, true);
                    if (modeNode is not null && modeNode is not Constant) args[1] = $"Py.TextMode({args[1]})";
                    return new Ex($"Py.Open({string.Join(", ", args)})", PyType.File, true);
                }
                case "int":
                {
                    if (a.Count == 0) return new Ex("new PyInt(0)", PyType.Int, true);
                    var v = Arg(0);
                    if (a.Count == 2 || kw.ContainsKey("base")) return new Ex($"Py.Int({e.CoerceTo(v, PyType.Str).Code}, {Emitter.Long(a.Count == 2 ? Arg(1, PyType.Int) : e.Expr(kw["base"], PyType.Int))})", PyType.Int, true);
                    if (v.Type.Kind == TypeKind.Int) return v;
                    if (v.Type.Kind is TypeKind.Str or TypeKind.Float or TypeKind.Bool) return new Ex($"Py.Int({v.Code})", PyType.Int, true);
                    return new Ex($"Py.Int({Emitter.BoxOf(v)})", PyType.Int, true);
                }
                case "float":
                {
                    if (a.Count == 0) return new Ex("0.0", PyType.Float, true);
                    var v = Arg(0);
                    if (v.Type.Kind == TypeKind.Float) return v;
                    if (v.Type.Kind == TypeKind.Int) return e.CoerceTo(v, PyType.Float);
                    if (v.Type.Kind == TypeKind.Str) return new Ex($"Py.Float({v.Code})", PyType.Float, true);
                    return new Ex($"Py.Float({Emitter.BoxOf(v)})", PyType.Float, true);
                }
                case "complex":
                {
                    // dynamic values, as Fraction and Decimal are: the runtime's PyComplex carries the arithmetic
                    Ex? re = a.Count > 0 ? Arg(0) : kw.TryGetValue("real", out var rk) ? e.Expr(rk) : null;
                    Ex? im = a.Count > 1 ? Arg(1) : kw.TryGetValue("imag", out var ik) ? e.Expr(ik) : null;
                    return new Ex($"PyComplex.Create({(re is { } r ? Emitter.BoxOf(r) : "null")}, {(im is { } i ? Emitter.BoxOf(i) : "null")})", PyType.Object, true);
                }
                case "str":
                    if (a.Count == 0) return new Ex("\"\"", PyType.Str, true);
                    return new Ex(e.StrOfValue(Arg(0)), PyType.Str, true);
                case "repr":
                    return new Ex($"Repr.Of({Emitter.BoxOf(Arg(0))})", PyType.Str, true);
                case "ascii":
                    return new Ex($"Py.Ascii({Emitter.BoxOf(Arg(0))})", PyType.Str, true);
                case "bool":
                    return a.Count == 0 ? new Ex("false", PyType.Bool, true) : new Ex(e.TruthOf(Arg(0)), PyType.Bool);
                case "format":
                    return new Ex($"Py.FormatValue({Emitter.BoxOf(Arg(0))}, {(a.Count > 1 ? e.CoerceTo(Arg(1), PyType.Str).Code : "\"\"")})", PyType.Str, true);
                case "list":
                {
                    if (a.Count == 0)
                    {
                        var t0 = expected.Kind == TypeKind.List ? expected : PyType.List(PyType.Unknown);
                        return new Ex($"new {CsTypes.Of(t0)}()", t0, true);
                    }
                    var v = Arg(0);
                    var t = PyType.List(e.ElementOf(v.Type));
                    return new Ex($"new {CsTypes.Of(t)}({e.EnumerableOf(v)})", t, true);
                }
                case "set":
                case "frozenset":
                {
                    string cls = name == "set" ? "PySet" : "PyFrozenSet";
                    if (a.Count == 0)
                    {
                        var t0 = expected.Kind == TypeKind.Set ? expected : PyType.Set(PyType.Unknown);
                        return new Ex($"new {cls}<{CsTypes.Of(t0.Elem)}>()", t0, true);
                    }
                    var v = Arg(0);
                    var t = PyType.Set(e.ElementOf(v.Type));
                    return new Ex($"new {cls}<{CsTypes.Of(t.Elem)}>({e.EnumerableOf(v)})", t, true);
                }
                case "tuple":
                {
                    if (a.Count == 0) return new Ex("PyTuple.Empty", PyType.VarTuple(PyType.Unknown), true);
                    var v = Arg(0);
                    return new Ex($"new PyTuple({e.EnumerableOf(v)}.Select(__t => (object?)__t))", PyType.VarTuple(e.ElementOf(v.Type)), true);
                }
                case "dict": return DictCall(e, c, kw, expected);
                case "chr": return new Ex($"Py.Chr({e.CoerceTo(Arg(0), PyType.Int).Code})", PyType.Str, true);
                case "ord": return new Ex($"(long)Py.Ord({e.CoerceTo(Arg(0), PyType.Str).Code})", PyType.Long(0, 0x10FFFF), true);
                case "hex": return new Ex($"Py.Hex({e.CoerceTo(Arg(0), PyType.Int).Code})", PyType.Str, true);
                case "oct": return new Ex($"Py.Oct({e.CoerceTo(Arg(0), PyType.Int).Code})", PyType.Str, true);
                case "bin": return new Ex($"Py.Bin({e.CoerceTo(Arg(0), PyType.Int).Code})", PyType.Str, true);
                case "id": return new Ex($"Py.Id({Emitter.BoxOf(Arg(0))})", PyType.Int, true);
                case "hash": return new Ex($"Py.Hash({Emitter.BoxOf(Arg(0))})", PyType.Int, true);
                case "type": return new Ex($"Py.Type({Emitter.BoxOf(Arg(0))})", PyType.Object, true);
                case "getattr" or "setattr" or "delattr" or "hasattr": return AttributeBuiltin(e, name, a, i => Arg(i));
                case "iter":
                {
                    if (a.Count != 1) return e.NotSupported(c, "iter() with a sentinel");
                    var v = Arg(0);
                    if (v.Type.Kind is TypeKind.Object or TypeKind.Unknown) return new Ex($"PyIter.Of(Dyn.Iter({v.Code}))", PyType.Iterable(PyType.Object), true);
                    return new Ex($"PyIter.Of({e.EnumerableOf(v)})", PyType.Iterable(e.ElementOf(v.Type)), true);
                }
                case "next":
                    return Next(e, a.Count, Arg);
                case "exit":
                case "quit":
                    return new Ex(a.Count == 0 ? "Sys.Exit()" : $"Sys.Exit({Emitter.BoxOf(Arg(0))})", PyType.None, true);
                case "vars" when a.Count == 1 && Arg(0) is { Type.Kind: TypeKind.Class } inst && e.ClassOf(inst.Type) is { IsEnum: false } vc:
                    return e.InstanceDict(inst, vc);
                case "vars" when a.Count == 1 && Arg(0) is { Type.Kind: TypeKind.Object } dynamicValue:
                    // an argparse Namespace (what parse_args returns): its attributes, the same dict
                    return new Ex($"Py.Vars({dynamicValue.Code})", PyType.Dict(PyType.Str, PyType.Object), true);
                case "vars":
                case "dir":
                    return e.NotSupported(c, name + "()", "introspection is not supported");
                case "object":
                    return new Ex("new object()", PyType.Object, true);
                case "bytes":
                {
                    if (a.Count == 0) return new Ex("PyBytes.Empty", PyType.Bytes, true);
                    var v = Arg(0);
                    if (v.Type.Kind == TypeKind.Str)
                        return new Ex($"new PyBytes(StrOps.Encode({v.Code}{Members.CodecArguments(e, a.Skip(1).ToList(), kw)}))", PyType.Bytes, true);
                    return new Ex($"PyBytes.From({Emitter.BoxOf(v)})", PyType.Bytes, true);
                }
                case "bytearray":
                    return new Ex(a.Count == 0 ? "new PyByteArray()" : $"PyByteArray.From({Emitter.BoxOf(Arg(0))})", ByteArray, true);
                case "super":
                    return e.NotSupported(c, "super() outside a method call");
            }
            return e.NotSupported(c, name + "()");
        }

        /// <summary>Runtime types the builtins return that Python has no annotation for here.</summary>
        public static readonly PyType ByteArray = PyType.Class("bytearray"), BinaryFile = PyType.Class("io.BinaryFile");

        /// <summary>A slice object (<c>slice(1, 3)</c>): typed, so that a sequence indexed by it is sliced, not indexed.</summary>
        public static readonly PyType Slice = PyType.Class("slice");

        /// <summary>Positional arguments with *spreads among them, as one sequence of boxed values.</summary>
        private static string SpreadArguments(Emitter e, IEnumerable<ExpressionNode> args) =>
            "Enumerable.Empty<object?>()" + string.Concat(args.Select(x => x is Starred st
                ? $".Concat({e.EnumerableOf(e.Expr(st.Value))}.Select(__v => (object?)__v))"
                : $".Concat(new object?[] {{ {Emitter.BoxOf(e.Expr(x))} }})"));

        /// <summary>A Func-typed value as a LINQ selector (a lambda stays a lambda).</summary>
        private static Ex MapCall(Emitter e, Call c, IReadOnlyList<ExpressionNode> a, Func<int, Ex> Arg)
        {
            if (a.Skip(1).Any(x => x is Starred))
                return new Ex($"Py.MapDynamicMany({Emitter.BoxOf(e.Expr(a[0]))}, {SpreadArguments(e, a.Skip(1))}.ToArray())", PyType.Iterable(PyType.Object), true);
            if (a.Count == 2)
            {
                var src = Arg(1);
                var elem = e.ElementOf(src.Type);
                var f = e.Expr(a[0], PyType.Func(PyType.Unknown, elem));
                var rt = f.Type.Kind == TypeKind.Func ? f.Type.Return : PyType.Object;
                // a function held in a variable is passed by value: map() takes it when called, not when iterated
                if (f.Type.Kind == TypeKind.Func && !IsFuncLiteral(f) && f.Type.Args.Count == 2)
                    return new Ex($"Py.MapWith({e.EnumerableOf(src)}, {f.P}, ({CsTypes.Of(elem)} __m) => {e.CoerceTo(new Ex("__m", elem, true), f.Type.Args[1]).Code})", PyType.Iterable(rt), true);
                if (f.Type.Kind == TypeKind.Func) return new Ex($"{e.EnumerableOf(src)}.Select({FuncArg(e, f, elem)})", PyType.Iterable(rt), false);
                return new Ex($"Py.MapDynamic({e.EnumerableOf(src)}, {Emitter.BoxOf(f)})", PyType.Iterable(PyType.Object), true);
            }
            var sources = Enumerable.Range(1, a.Count - 1).Select(Arg).ToList();
            var fn = e.Expr(a[0], PyType.Func(PyType.Unknown, sources.Select(x => e.ElementOf(x.Type)).ToArray()));
            if (sources.Count == 2 && fn.Type.Kind == TypeKind.Func && fn.Type.Args.Count == 3)
                return new Ex($"Py.Map({fn.Code}, {e.EnumerableOf(sources[0])}, {e.EnumerableOf(sources[1])})", PyType.Iterable(fn.Type.Return), true);
            // a function known only at run time, or three or more iterables: one item of each per call, up to the shortest
            return new Ex($"Py.MapDynamicMany({Emitter.BoxOf(fn)}, {string.Join(", ", sources.Select(Emitter.BoxOf))})", PyType.Iterable(PyType.Object), true);
        }

        private static Ex FilterCall(Emitter e, IReadOnlyList<ExpressionNode> a, Func<int, Ex> Arg)
        {
            var src = Arg(1);
            var elem = e.ElementOf(src.Type);
            if (a[0] is Constant { Value: null }) return new Ex($"Py.Filter({e.EnumerableOf(src)})", PyType.Iterable(elem), true);
            var f = e.Expr(a[0], PyType.Func(PyType.Unknown, elem));
            if (f.Type.Kind == TypeKind.Func && IsFuncLiteral(f) && f.Type.Return.Kind == TypeKind.Bool)
                return new Ex($"{e.EnumerableOf(src)}.Where({FuncArg(e, f, elem)})", PyType.Iterable(elem), false);
            // a function held in a variable is passed by value (filter(f, it) in a loop over f keeps each f)
            if (f.Type.Kind == TypeKind.Func && f.Type.Args.Count == 2)
                return new Ex($"Py.FilterWith({e.EnumerableOf(src)}, {f.P}, ({CsTypes.Of(elem)} __f) => {e.CoerceTo(new Ex("__f", elem, true), f.Type.Args[1]).Code})", PyType.Iterable(elem), true);
            return new Ex($"Py.FilterDynamic({e.EnumerableOf(src)}, {Emitter.BoxOf(f)})", PyType.Iterable(elem), true);
        }

        private static bool IsFuncLiteral(Ex f) => f.Code.StartsWith("new Func<", StringComparison.Ordinal) && f.Code.EndsWith(")", StringComparison.Ordinal);

        private static string FuncArg(Emitter e, Ex f, PyType elem)
        {
            var code = f.Code;
            if (code.StartsWith("new Func<", StringComparison.Ordinal) && code.EndsWith(")", StringComparison.Ordinal))
            {
                int open = code.IndexOf('(');
                // new Func<A, B>((A x) => body) → (A x) => body ; new Func<A,B>(Method) → Method
                var depth = 0;
                for (int i = 4; i < code.Length; i++)
                {
                    if (code[i] == '<') depth++;
                    else if (code[i] == '>') depth--;
                    else if (code[i] == '(' && depth == 0) { open = i; break; }
                }
                return code.Substring(open + 1, code.Length - open - 2);
            }
            // a function held in a variable takes its own parameter type (object?, PyInt), not the element's (long)
            if (f.Type.Kind == TypeKind.Func && f.Type.Args.Count == 2 && !f.Type.Args[1].Equals(elem))
                return $"__m => {f.P}({e.CoerceTo(new Ex("__m", elem, true), f.Type.Args[1]).Code})";
            return f.P;
        }

        /// <summary>The runtime class of a standard-library class named in isinstance (datetime is a subclass of date, as in Python).</summary>
        private static string? StdlibClass(string qualified) => qualified switch
        {
            "datetime.date" => "PyDate",
            "datetime.datetime" => "PyDateTime",
            "datetime.time" => "PyTime",
            "datetime.timedelta" => "PyTimeDelta",
            "datetime.timezone" or "datetime.tzinfo" => "PyTimeZone",
            "time.struct_time" => "StructTime",
            "random.Random" => "PyRandom",
            "fractions.Fraction" => "PyFraction",
            "decimal.Decimal" => "PyDecimal",
            "enum.Enum" => "PyEnum",
            "enum.IntEnum" => "PyIntEnum",
            "enum.Flag" => "PyFlagEnum",
            "enum.IntFlag" => "PyIntFlagEnum",
            "enum.StrEnum" => "PyStrEnum",
            "collections.Counter" => "IPyCounter",
            "collections.deque" => "IPyDeque",
            "collections.defaultdict" => "IPyDefaultDict",
            "collections.OrderedDict" => "IPyOrderedDict",
            "collections.ChainMap" => "ChainMap",
            // the abstract base classes the builtin containers are registered with
            "collections.abc.Sequence" or "typing.Sequence" => "IPyList or System.Runtime.CompilerServices.ITuple or string or PyRange or PyBytes or PyByteArray",
            "collections.abc.MutableSequence" or "typing.MutableSequence" => "IPyList or PyByteArray",
            "collections.abc.Mapping" or "collections.abc.MutableMapping" or "typing.Mapping" or "typing.MutableMapping" => "IPyDict",
            "collections.abc.Set" or "collections.abc.MutableSet" or "typing.AbstractSet" or "typing.MutableSet" => "IPySet",
            "collections.abc.Iterable" or "typing.Iterable" => "System.Collections.IEnumerable or System.Runtime.CompilerServices.ITuple",
            "collections.abc.Sized" or "typing.Sized" => "IPySized or string or System.Collections.ICollection or System.Runtime.CompilerServices.ITuple",
            "collections.abc.Callable" or "typing.Callable" => "Delegate or IPyCallable",
            _ => null,
        };

        /// <summary>next(it) and next(it, default): typed iterators, iterator objects with __next__, dynamic values.</summary>
        private static Ex Next(Emitter e, int count, Func<int, PyType?, Ex> arg)
        {
            Ex Arg(int i, PyType? t = null) => arg(i, t);
            var it = Arg(0);
            if (it.Type.Kind is TypeKind.Object or TypeKind.Unknown)
                return new Ex(count > 1 ? $"PyIter.NextDynamic({it.Code}, {Emitter.BoxOf(Arg(1))}, true)" : $"PyIter.NextDynamic({it.Code})", PyType.Object, true);
            if (count == 1 && e.ClassOf(it.Type)?.FindMethod("__next__") is { } own) return new Ex($"{it.P}.{own.CsName}()", own.ReturnType, true);
            // next(it, default) on a class with __next__: its StopIteration gives the default
            if (count > 1 && e.ClassOf(it.Type)?.FindMethod("__next__") is { } ownNext)
                return new Ex($"PyIter.NextOf(() => {Emitter.BoxOf(new Ex($"{it.P}.{ownNext.CsName}()", ownNext.ReturnType, true))}, {Emitter.BoxOf(Arg(1))})", PyType.Object, true);
            var elem = e.ElementOf(it.Type);
            var src = it.IsIterator ? $"PyIter.Of({e.EnumerableOf(it)})" : e.EnumerableOf(it);
            if (count == 1) return new Ex($"PyIter.Next({src})", elem, true);
            var d = Arg(1, elem);
            var t = PyType.Join(elem, d.Type);
            if (t.Equals(elem)) return new Ex($"PyIter.Next({src}, {e.CoerceTo(d, elem).Code})", elem, true);
            if (t.Kind != TypeKind.Object && e.CoerceTo(new Ex("__n", elem, true), t) is var conv)
                return new Ex($"PyIter.Next<{CsTypes.Of(elem)}, {CsTypes.Of(t)}>({src}, __n => {conv.Code}, {e.CoerceTo(d, t).Code})", t, true);
            return new Ex($"PyIter.NextOr({src}, {Emitter.BoxOf(d)})", PyType.Object, true);
        }

        private static bool HasCall(ExpressionNode x) => Inference.ModelBuilder.WalkExpression(x).Any(n => n is Batuta.Python.Ast.Call or NamedExpr or Await);

        private static string ValueOf(Ex v) => v.IntLiteral ? v.Code + "L" : v.Code;

        /// <summary>min()/max(): of an iterable (key=, default=) or of several arguments (key=).</summary>
        private static Ex MinMax(Emitter e, string name, IReadOnlyList<ExpressionNode> a, Dictionary<string, ExpressionNode> kw)
        {
            string fn = name == "min" ? "Min" : "Max";
            // max(1, *rest): the arguments spread into one list, then the one-iterable form
            if (a.Any(x => x is Starred) && (a.Count > 1 || kw.Count > 0))
                a = new[] { (ExpressionNode)new Batuta.Python.Ast.List(NodeList.Of(a.ToArray()), ExprContext.Load, a[0].Span) };
            if (a.Count == 1)
            {
                var v = e.Expr(a[0]);
                var elem = e.ElementOf(v.Type);
                if (kw.TryGetValue("default", out var def) && MinMaxDefault(e, fn, v, elem, kw.TryGetValue("key", out var dk) ? dk : null, def) is { } withDefault)
                    return withDefault;
                if (kw.TryGetValue("key", out var key))
                    return new Ex($"Py.{fn}({e.EnumerableOf(v)}, {e.KeyFunction(key, elem).Code})", elem, true);
                return new Ex($"Py.{fn}({e.EnumerableOf(v)})", elem, true);
            }
            var vs = a.Select(x => e.Expr(x)).ToList();
            var t = vs.Select(x => x.Type).Aggregate(PyType.Unknown, PyType.Join);
            if (t.Kind == TypeKind.Object && vs.All(x => x.Type.Kind is TypeKind.Int or TypeKind.Float)) t = PyType.Object;
            if (kw.TryGetValue("key", out var key2))
                return new Ex($"Py.{fn}(new {CsTypes.Of(t)}[] {{ {string.Join(", ", vs.Select(x => ValueOf(e.CoerceTo(x, t))))} }}, {e.KeyFunction(key2, t).Code})", t, true);
            // explicit <object?> for mixed numbers: a PyInt would otherwise convert to double (min(1, 2.5) is 1)
            if (vs.Count <= 3) return new Ex($"Py.{fn}{(t.Kind == TypeKind.Object ? "<object?>" : "")}({string.Join(", ", vs.Select(x => ValueOf(e.CoerceTo(x, t))))})", t, true);
            return new Ex($"Py.{fn}(new[] {{ {string.Join(", ", vs.Select(x => ValueOf(e.CoerceTo(x, t))))} }})", t, true);
        }

        /// <summary>
        /// min/max(items, default=d[, key=k]): typed when d has the elements' type, else a dynamic value (None, or an int
        /// default for floats, is returned as it is).
        /// </summary>
        private static Ex MinMaxDefault(Emitter e, string fn, Ex items, PyType elem, ExpressionNode? key, ExpressionNode def)
        {
            var d = e.Expr(def, PyType.Unknown);
            if (key is null && d.Type.Equals(elem)) return new Ex($"Py.{fn}Or({e.EnumerableOf(items)}, {d.Code})", elem, true);
            string keyCode = key is null ? $"(Func<{CsTypes.Of(elem)}, {CsTypes.Of(elem)}>)(__m => __m)" : e.KeyFunction(key, elem).Code;
            return new Ex($"Py.{fn}Or({e.EnumerableOf(items)}, {keyCode}, {Emitter.BoxOf(d)})", PyType.Object, true);
        }

        /// <summary>A @runtime_checkable Protocol's members (its methods and annotated attributes), which isinstance looks for.</summary>
        private static List<string>? RuntimeCheckableMembers(ClassModel c)
        {
            if (!Inference.ModelBuilder.IsStructural(c.Def) || !c.Def.DecoratorList.Any(d => d is Name { Id: "runtime_checkable" } or Attribute { Attr: "runtime_checkable" })) return null;
            return c.Def.Body.Select(s => s switch { FunctionDef f when f.Name != "__init__" => f.Name, AnnAssign { Target: Name n } => n.Id, _ => null })
                .OfType<string>().Distinct().ToList();
        }

        /// <summary>An exception class (or a tuple of them): a class of several exception bases is an instance of each (Py.IsInstanceOf).</summary>
        private static bool IsExceptionTarget(Emitter e, ExpressionNode t) => t switch
        {
            Tuple tt => tt.Elts.Any(x => IsExceptionTarget(e, x)),
            Name { Id: var n } when Inference.ModelBuilder.BuiltinExceptions.Contains(n) => true,
            _ => e.ClassNamed(t) is { IsException: true },
        };

        /// <summary>The C# type pattern isinstance and class patterns test a class against (bool matches int, as in Python).</summary>
        internal static string IsinstanceTarget(Emitter e, ExpressionNode t)
        {
            if (e.StdlibName(t) is { } stdlib && StdlibClass(stdlib) is { } runtimeType) return runtimeType;
            var name = t is Name n ? n.Id : t is Attribute a ? a.Attr : "object";
            return name switch
            {
                "int" => "PyInt or long or bool or PyIntEnum or PyIntFlagEnum or PyIntSubclass",
                "float" => "double or PyFloatSubclass",
                "complex" => "PyComplex",
                "str" => "string or IPyStrValue",
                "bool" => "bool",
                "list" => "IPyList",
                "dict" => "IPyDict and not ChainMap",
                "set" or "frozenset" => "IPySet",
                "tuple" => "System.Runtime.CompilerServices.ITuple",
                "object" => "object",
                "slice" => "PySlice",
                _ => e.ClassNamed(t) is { } c ? string.Join(" or ", new[] { c }.Concat(c.MixedInto).Select(x => CsTypes.Of(x.Type))) : Inference.ModelBuilder.BuiltinExceptions.Contains(name) ? CsTypes.RuntimeException(name) : "object",
            };
        }

        private static string Opt(Emitter e, Dictionary<string, ExpressionNode> kw, string name) =>
            kw.TryGetValue(name, out var v) ? e.Expr(v).Code : "null";

        private static string OptObj(Emitter e, Dictionary<string, ExpressionNode> kw, string name) =>
            kw.TryGetValue(name, out var v) ? Emitter.BoxOf(e.Expr(v)) : "null";

        private static string Flag(Emitter e, Dictionary<string, ExpressionNode> kw, string name) =>
            kw.TryGetValue(name, out var v) ? e.TruthOf(e.Expr(v)) : "false";
    }
}
