using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>Methods and attributes of str, list, dict, set, deque and files → runtime calls.</summary>
    internal static class Members
    {
        /// <summary>popitem([last]) and move_to_end(key[, last]): OrderedDict's forms (a plain dict has popitem() only).</summary>
        private static Ex OrderedDictMethod(Emitter e, string name, IReadOnlyList<ExpressionNode> args, Dictionary<string, ExpressionNode> kw, PyType t, string d)
        {
            int lastAt = name == "popitem" ? 0 : 1;
            var last = args.Count > lastAt ? args[lastAt] : kw.TryGetValue("last", out var lv) ? lv : null;
            string lastCode = last is null ? "" : e.CoerceTo(e.Expr(last), PyType.Bool).Code;
            if (name == "popitem") return new Ex($"{d}.PopItem({lastCode})", PyType.Tuple(t.Key, t.Value), true);
            var key = e.CoerceTo(e.Expr(args[0], t.Key), t.Key).Code;
            return new Ex($"{d}.MoveToEnd({key}{(lastCode.Length > 0 ? ", " + lastCode : "")})", PyType.None, true);
        }

        /// <summary>str.format's positional arguments as an object array; <c>*xs</c> spreads its items.</summary>
        private static string FormatPositional(Emitter e, IReadOnlyList<ExpressionNode> args)
        {
            if (!args.Any(a => a is Starred)) return $"new object?[] {{ {string.Join(", ", args.Select(x => Emitter.BoxOf(e.Expr(x))))} }}";
            var parts = args.Select(a => a is Starred st
                ? $"{e.EnumerableOf(e.Expr(st.Value))}.Select(__a => (object?)__a)"
                : $"new object?[] {{ {Emitter.BoxOf(e.Expr(a))} }}");
            return $"Enumerable.Empty<object?>().Concat({string.Join(").Concat(", parts)}).ToArray()";
        }

        /// <summary>str.format's keyword arguments; <c>**mapping</c> adds the mapping's items (keys as str).</summary>
        private static string FormatNamed(Emitter e, Dictionary<string, ExpressionNode> kw, Call c)
        {
            var spreads = c.Keywords.Where(k => k.Arg is null).Select(k => e.Expr(k.Value)).ToList();
            if (kw.Count == 0 && spreads.Count == 0) return "null";
            var literal = $"new Dictionary<string, object?> {{ {string.Join(", ", kw.Select(k => $"[{CsNames.Literal(k.Key)}] = {Emitter.BoxOf(e.Expr(k.Value))}"))} }}";
            if (spreads.Count == 0) return literal;
            var items = spreads.Select(d => d.Type.IsDictLike ? $"{d.P}.Items().Select(__kv => (Str.Of(__kv.Item1), (object?)__kv.Item2))" : $"Dyn.Iter({d.Code}).Select(__k => (Str.Of(__k), Dyn.GetItem({d.Code}, __k)))");
            return $"FormatArguments.Merge({literal}, {string.Join(", ", items)})";
        }

        public static Ex? Attribute(Emitter e, Ex obj, string attr)
        {
            var t = obj.Type;
            if (ReMapping.IsReType(t)) return ReMapping.Attribute(obj, attr);
            if (CsvMapping.IsCsvType(t)) return CsvMapping.Attribute(obj, attr);
            if (t.Equals(Builtins.BinaryFile) && attr is "name" or "closed" or "mode")
                return new Ex($"{obj.P}.{(attr == "name" ? "Name" : attr == "mode" ? "Mode" : "Closed")}", attr == "closed" ? PyType.Bool : PyType.Str, true);
            if (t.Kind == TypeKind.File)
            {
                if (attr == "name") return new Ex($"{obj.P}.Name", PyType.Str, true);
                if (attr == "closed") return new Ex($"{obj.P}.Closed", PyType.Bool, true);
                if (attr is "encoding" or "mode") return new Ex($"{obj.P}.{(attr == "mode" ? "Mode" : "Encoding")}", PyType.Str, true);
            }
            if (t.Kind == TypeKind.Deque && attr == "maxlen") return new Ex($"{obj.P}.MaxLen", PyType.Object, true);
            if (t.Kind == TypeKind.Exception && attr is "code") return new Ex($"((SystemExit){obj.P}).Code", PyType.Object, true);
            if (t.Kind == TypeKind.Int && attr is "real" or "numerator") return obj;
            if (t.Kind == TypeKind.Int && attr is "denominator") return new Ex("1", IntRanges.Constant(1), true, intLiteral: true);
            if (t.Kind == TypeKind.Float && attr == "real") return obj;
            return null;
        }

        private static Dictionary<string, ExpressionNode> Kw(Call c) => c.Keywords.Where(k => k.Arg is not null).ToDictionary(k => k.Arg.OrThrow(), k => k.Value);

        /// <summary>d.get(k) and d.get(k, default) on a typed dict.</summary>
        private static Ex DictGet(Emitter e, string d, PyType t, int argCount, Func<int, PyType?, Ex> arg)
        {
            // a key of run-time type (a tuple made by *args, where the keys are typed (long, long)): looked up by value
            if (arg(0, t.Key) is var anyKey && (anyKey.Type.Kind == TypeKind.Object || Emitter.IsForeignKey(t.Key, anyKey.Type) || e.IsPlainValueKey(t.Key, anyKey.Type)) && t.Key.Kind is not (TypeKind.Object or TypeKind.Unknown))
                return new Ex($"Py.GetAny({d}, {Emitter.BoxOf(anyKey)}, {(argCount > 1 ? Emitter.BoxOf(arg(1, t.Value)) : "null")})", PyType.Object, true);
            var k = e.CoerceTo(arg(0, t.Key), t.Key).Code;
            if (argCount > 1)
            {
                // a default that keeps a type of its own (prices.get(k, 0) on float prices prints 0; moves.get(k, ()) on pairs)
                var own = arg(1, null);
                if (t.Value.Kind is not (TypeKind.Object or TypeKind.Unknown) && PyType.PrintsDifferently(t.Value, own.Type))
                    return new Ex($"Py.GetOr({d}, {k}, {Emitter.BoxOf(own)})", PyType.Object, true);
                var dv = arg(1, t.Value);
                var vt = PyType.Join(t.Value, dv.Type);
                // a default of another type (prices.get(item, "unknown")): the value or the default, dynamically
                if (vt.Kind == TypeKind.Object && t.Value.Kind != TypeKind.Object && dv.Type.Kind != TypeKind.None)
                    return new Ex($"Py.GetOr({d}, {k}, {Emitter.BoxOf(dv)})", PyType.Object, true);
                var g1 = e.TempName("g");
                if (dv.Type.Kind == TypeKind.None) return new Ex($"({d}.TryGetValue({k}, out var {g1}) ? ({CsTypes.Of(PyType.Optional(t.Value))}){g1} : null)", PyType.Optional(t.Value), true);
                return new Ex($"{d}.Get({k}, {e.CoerceTo(dv, t.Value).Code})", t.Value, true);
            }
            var g2 = e.TempName("g");
            return new Ex($"({d}.TryGetValue({k}, out var {g2}) ? ({CsTypes.Of(PyType.Optional(t.Value))}){g2} : null)", PyType.Optional(t.Value), true);
        }

        /// <summary>A binary file's or io.BytesIO's method (bytes in and out); null for another name.</summary>
        private static Ex? BinaryFileCall(Emitter e, string bf, string name, Call c)
        {
            string Size() => c.Args.Count > 0 ? Emitter.Long(e.Expr(c.Args[0], PyType.Int)) : "";
            switch (name)
            {
                case "read": return new Ex($"{bf}.Read({Size()})", PyType.Bytes, true);
                case "readline": return new Ex($"{bf}.ReadLine({Size()})", PyType.Bytes, true);
                case "readlines" when c.Args.Count == 0: return new Ex($"{bf}.ReadLines()", PyType.List(PyType.Bytes), true);
                case "getvalue": return new Ex($"{bf}.GetValue()", PyType.Bytes, true);
                case "writelines": return None($"{bf}.WriteLines({e.EnumerableOf(e.Expr(c.Args[0]))}.Select(__l => (object?)__l))");
                case "truncate": return new Ex($"{bf}.Truncate({Size()})", PyType.LongFull, true);
                case "write": return new Ex($"{bf}.Write({e.Expr(c.Args[0]).Code})", IntRanges.Length, true);
                case "close": return None($"{bf}.Close()");
                case "flush": return None($"{bf}.Flush()");
                case "tell": return new Ex($"{bf}.Tell()", PyType.LongFull, true);
                case "seek": return new Ex($"{bf}.Seek({string.Join(", ", c.Args.Select(x => Emitter.Long(e.Expr(x, PyType.Int))))})", PyType.LongFull, true);
            }
            return c.Args.Count == 0 ? StreamQuery(bf, name) : null;
        }

        /// <summary>The stream questions text and binary files, StringIO and BytesIO all answer.</summary>
        private static Ex? StreamQuery(string stream, string name) => name switch
        {
            "fileno" => new Ex($"{stream}.Fileno()", PyType.Long(0, int.MaxValue), true),
            "isatty" => Bool($"{stream}.IsATty()"),
            "readable" => Bool($"{stream}.Readable()"),
            "writable" => Bool($"{stream}.Writable()"),
            "seekable" => Bool($"{stream}.Seekable()"),
            _ => null,
        };

        public static Ex? Call(Emitter e, Ex obj, Attribute a, Call c, PyType expected)
        {
            var t = obj.Type.Kind == TypeKind.Optional ? obj.Type.Inner : obj.Type;
            if (t.Kind != obj.Type.Kind) obj = e.CoerceTo(obj, t);
            if (ReMapping.IsReType(t)) return ReMapping.CallMember(e, obj, a.Attr, c);
            if (CsvMapping.IsCsvType(t)) return CsvMapping.CallMember(e, obj, a.Attr, c);
            if (t.Equals(Builtins.ByteArray) && (c.Keywords.Count == 0 || a.Attr == "decode") && ByteArrayMethod(e, obj, a.Attr, c.Args, Kw(c)) is { } byteArray) return byteArray;
            if (t.Equals(Builtins.BinaryFile) && BinaryFileCall(e, obj.P, a.Attr, c) is { } binaryFile) return binaryFile;
            var args = c.Args;
            var kw = Kw(c);
            string name = a.Attr;
            Ex Arg(int i, PyType? type = null) => ArgumentShapeException.Arg(e, args, i, type, name);
            string S(int i) => e.CoerceTo(Arg(i, PyType.Str), PyType.Str).Code;
            string? OptS(int i, string? key = null) => i < args.Count ? (args[i] is Constant { Value: null } ? "null" : S(i)) : key is not null && kw.TryGetValue(key, out var kv) ? e.CoerceTo(e.Expr(kv, PyType.Str), PyType.Str).Code : null;
            string L(int i) => Emitter.Long(Arg(i, PyType.Int));
            string? OptL(int i, string? key = null) => i < args.Count ? L(i) : key is not null && kw.TryGetValue(key, out var kv) ? Emitter.Long(e.Expr(kv, PyType.Int)) : null;
            string Join(params string?[] parts) => string.Join(", ", parts.Where(p => p is not null));

            switch (t.Kind)
            {
                case TypeKind.Str:
                {
                    string s = obj.Code;
                    switch (name)
                    {
                        case "upper": return Str($"StrOps.Upper({s})");
                        case "lower": return Str($"StrOps.Lower({s})");
                        case "casefold": return Str($"StrOps.Casefold({s})");
                        case "capitalize": return Str($"StrOps.Capitalize({s})");
                        case "title": return Str($"StrOps.Title({s})");
                        case "swapcase": return Str($"StrOps.SwapCase({s})");
                        case "strip": return Str($"StrOps.Strip({Join(s, OptS(0))})");
                        case "lstrip": return Str($"StrOps.LStrip({Join(s, OptS(0))})");
                        case "rstrip": return Str($"StrOps.RStrip({Join(s, OptS(0))})");
                        case "removeprefix": return Str($"StrOps.RemovePrefix({s}, {S(0)})");
                        case "removesuffix": return Str($"StrOps.RemoveSuffix({s}, {S(0)})");
                        case "split": return new Ex($"StrOps.Split({Join(s, OptS(0, "sep") ?? (OptL(1, "maxsplit") is null ? null : "null"), OptL(1, "maxsplit"))})", PyType.List(PyType.Str), true);
                        case "rsplit": return new Ex($"StrOps.RSplit({Join(s, OptS(0, "sep") ?? (OptL(1, "maxsplit") is null ? null : "null"), OptL(1, "maxsplit"))})", PyType.List(PyType.Str), true);
                        case "splitlines": return new Ex($"StrOps.SplitLines({s}{(args.Count > 0 ? ", " + e.TruthOf(Arg(0)) : kw.TryGetValue("keepends", out var ke) ? ", " + e.TruthOf(e.Expr(ke)) : "")})", PyType.List(PyType.Str), true);
                        case "join":
                        {
                            var v = Arg(0);
                            var elem = e.ElementOf(v.Type);
                            return Str(elem.Kind == TypeKind.Str ? $"string.Join({s}, {e.EnumerableOf(v)})" : $"StrOps.Join({s}, {e.EnumerableOf(v)}.Select(__j => (object?)__j))");
                        }
                        case "replace": return Str($"StrOps.Replace({Join(s, S(0), S(1), OptL(2))})");
                        case "find": return Long($"StrOps.Find({Join(s, S(0), OptL(1), OptL(2))})", IntRanges.Position);
                        case "rfind": return Long($"StrOps.RFind({Join(s, S(0), OptL(1), OptL(2))})", IntRanges.Position);
                        case "index": return Long($"StrOps.Index({Join(s, S(0), OptL(1), OptL(2))})", IntRanges.Length);
                        case "rindex": return Long($"StrOps.RIndex({Join(s, S(0), OptL(1), OptL(2))})", IntRanges.Length);
                        case "count": return Long($"StrOps.Count({Join(s, S(0), OptL(1), OptL(2))})", PyType.Long(0, (long)int.MaxValue + 1));
                        case "startswith":
                        case "endswith":
                        {
                            var v = Arg(0);
                            string fn = name == "startswith" ? "StartsWith" : "EndsWith";
                            return new Ex($"StrOps.{fn}({Join(s, v.Type.Kind == TypeKind.Tuple ? v.Code : e.CoerceTo(v, PyType.Str).Code, OptL(1), OptL(2))})", PyType.Bool, true);
                        }
                        case "isdigit": return Bool($"StrOps.IsDigit({s})");
                        case "isdecimal": return Bool($"StrOps.IsDecimal({s})");
                        case "isnumeric": return Bool($"StrOps.IsNumeric({s})");
                        case "isalpha": return Bool($"StrOps.IsAlpha({s})");
                        case "isalnum": return Bool($"StrOps.IsAlnum({s})");
                        case "isspace": return Bool($"StrOps.IsSpace({s})");
                        case "isupper": return Bool($"StrOps.IsUpper({s})");
                        case "islower": return Bool($"StrOps.IsLower({s})");
                        case "istitle": return Bool($"StrOps.IsTitle({s})");
                        case "isidentifier": return Bool($"StrOps.IsIdentifier({s})");
                        case "isascii": return Bool($"StrOps.IsAscii({s})");
                        case "isprintable": return Bool($"StrOps.IsPrintable({s})");
                        case "center": return Str($"StrOps.Center({Join(s, L(0), OptS(1))})");
                        case "ljust": return Str($"StrOps.LJust({Join(s, L(0), OptS(1))})");
                        case "rjust": return Str($"StrOps.RJust({Join(s, L(0), OptS(1))})");
                        case "zfill": return Str($"StrOps.ZFill({s}, {L(0)})");
                        case "expandtabs": return Str($"StrOps.ExpandTabs({Join(s, OptL(0))})");
                        case "partition": return new Ex($"StrOps.Partition({s}, {S(0)})", PyType.Tuple(PyType.Str, PyType.Str, PyType.Str), true);
                        case "rpartition": return new Ex($"StrOps.RPartition({s}, {S(0)})", PyType.Tuple(PyType.Str, PyType.Str, PyType.Str), true);
                        case "encode": return new Ex($"new PyBytes(StrOps.Encode({s}{CodecArguments(e, args, kw)}))", PyType.Bytes, true);
                        case "format":
                        {
                            return Str($"Format.StrFormat({s}, {FormatPositional(e, args)}, {FormatNamed(e, kw, c)})");
                        }
                        case "translate": return Str($"StrOps.Translate({s}, {Arg(0).Code})");
                        case "format_map" when args.Count == 1: return Str($"Format.StrFormatMap({s}, {Emitter.BoxOf(Arg(0))})");
                    }
                    break;
                }
                case TypeKind.List:
                {
                    string l = obj.P;
                    if (name is "append" or "extend" or "insert" or "pop" or "remove" or "clear" or "sort" or "reverse") e.NoteListResize();
                    switch (name)
                    {
                        case "append":
                        {
                            // No float hint for the stored value: Python keeps an int appended to a float list an int
                            // (xs = [1.5]; xs.append(2) prints [1.5, 2]), so the int widens the list instead.
                            var v = Arg(0, t.Elem.FloatsAsUnknown());
                            e.Contribute(a.Value, PyType.List(v.Type));
                            return None($"{l}.Append({e.CoerceTo(v, t.Elem).Code})");
                        }
                        case "extend":
                        {
                            var v = Arg(0);
                            e.Contribute(a.Value, PyType.List(e.ElementOf(v.Type)));
                            return None($"{l}.Extend({e.CoerceTo(new Ex(e.EnumerableOf(v), PyType.Iterable(e.ElementOf(v.Type)), false), PyType.Iterable(t.Elem)).Code})");
                        }
                        case "insert":
                        {
                            var v = Arg(1, t.Elem.FloatsAsUnknown());
                            e.Contribute(a.Value, PyType.List(v.Type));
                            return None($"{l}.Insert({L(0)}, {e.CoerceTo(v, t.Elem).Code})");
                        }
                        case "pop": return new Ex(args.Count == 0 ? $"{l}.Pop()" : $"{l}.Pop({L(0)})", t.Elem, true);
                        case "remove": return None($"{l}.Remove({e.CoerceTo(Arg(0, t.Elem), t.Elem).Code})");
                        case "index": return Long($"{l}.Index({Join(e.CoerceTo(Arg(0, t.Elem), t.Elem).Code, OptL(1), OptL(2))})", IntRanges.Length);
                        case "count": return Long($"{l}.CountOf({e.CoerceTo(Arg(0, t.Elem), t.Elem).Code})", IntRanges.Length);
                        case "clear": return None($"{l}.Clear()");
                        case "copy": return new Ex($"{l}.Copy()", t, true);
                        case "reverse": return None($"{l}.Reverse()");
                        case "sort":
                        {
                            if (args.Count > 0) return None("Py.Raise<object?>(new TypeError(\"sort() takes no positional arguments\"))");
                            string rev = kw.TryGetValue("reverse", out var r) ? e.TruthOf(e.Expr(r)) : "false";
                            if (kw.TryGetValue("key", out var key))
                                return None($"{l}.Sort({e.KeyFunction(key, t.Elem).Code}, {rev})");
                            return None($"{l}.Sort({rev})");
                        }
                    }
                    break;
                }
                case TypeKind.Dict:
                case TypeKind.DefaultDict:
                case TypeKind.Counter:
                {
                    string d = obj.P;
                    switch (name)
                    {
                        case "get": return DictGet(e, d, t, args.Count, (i, type) => Arg(i, type));
                        case "keys": return new Ex($"{d}.Keys()", PyType.Iterable(t.Key), true);
                        case "values": return new Ex($"{d}.Values()", PyType.Iterable(t.Value), true);
                        case "items": return new Ex($"{d}.Items()", PyType.Iterable(PyType.Tuple(t.Key, t.Value)), true);
                        case "setdefault":
                        {
                            var dv = args.Count > 1 ? Arg(1, t.Value) : new Ex("null", PyType.None, true);
                            var k = Arg(0, t.Key);
                            e.Contribute(a.Value, PyType.Dict(k.Type, dv.Type));
                            return new Ex($"{d}.SetDefault({e.CoerceTo(k, t.Key).Code}, {e.CoerceTo(dv, t.Value).Code})", t.Value, true);
                        }
                        case "pop":
                            if (args.Count > 1) return DictPopOr(e, d, t, Arg(0, t.Key), Arg(1, t.Value));
                            return new Ex($"{d}.Pop({e.CoerceTo(Arg(0, t.Key), t.Key).Code})", t.Value, true);
                        case "popitem":
                        case "move_to_end":
                            return OrderedDictMethod(e, name, args, kw, t, d);
                        case "update": return DictUpdate(e, a, c, t, d);
                        case "clear": return None($"{d}.Clear()");
                        case "copy": return new Ex($"{d}.Copy()", t.Kind == TypeKind.Counter ? t : PyType.Dict(t.Key, t.Value), true);
                        case "most_common" when t.Kind == TypeKind.Counter:
                            return new Ex(args.Count == 0 ? $"{d}.MostCommon()" : $"{d}.MostCommon({L(0)})", PyType.List(PyType.Tuple(t.Key, t.Value)), true);
                        case "elements" when t.Kind == TypeKind.Counter:
                            return new Ex($"{d}.Elements()", PyType.Iterable(t.Key), true);
                        case "total" when t.Kind == TypeKind.Counter:
                            return new Ex($"{d}.Total()", t.Value, true);
                        case "subtract" when t.Kind == TypeKind.Counter && args.Count == 1:
                            return CounterUpdate(e, a, Arg(0), t, d, "Subtract");
                    }
                    break;
                }
                case TypeKind.Set:
                {
                    string s = obj.P;
                    switch (name)
                    {
                        case "add":
                        {
                            var v = Arg(0, t.Elem);
                            e.Contribute(a.Value, PyType.Set(v.Type));
                            return None($"{s}.Add({e.CoerceTo(v, t.Elem).Code})");
                        }
                        case "discard": return None($"{s}.Discard({e.CoerceTo(Arg(0, t.Elem), t.Elem).Code})");
                        case "remove": return None($"{s}.Remove({e.CoerceTo(Arg(0, t.Elem), t.Elem).Code})");
                        case "pop": return new Ex($"{s}.Pop()", t.Elem, true);
                        case "clear": return None($"{s}.Clear()");
                        case "copy": return new Ex($"{s}.Copy()", t, true);
                        case "update": return SetUpdate(e, a, args, t, s);
                        case "union": return new Ex($"{s}.Union({SetOperands(e, args, t.Elem)})", t, true);
                        case "intersection": return new Ex($"{s}.Intersection({SetOperands(e, args, t.Elem)})", t, true);
                        case "difference": return new Ex($"{s}.Difference({SetOperands(e, args, t.Elem)})", t, true);
                        case "symmetric_difference": return new Ex($"{s}.SymmetricDifference({e.EnumerableOf(Arg(0))})", t, true);
                        case "issubset": return Bool($"{s}.IsSubset({e.EnumerableOf(Arg(0))})");
                        case "issuperset": return Bool($"{s}.IsSuperset({e.EnumerableOf(Arg(0))})");
                        case "isdisjoint": return Bool($"{s}.IsDisjoint({e.EnumerableOf(Arg(0))})");
                        case "intersection_update": return None($"{s}.IntersectionUpdate({SetOperands(e, args, t.Elem)})");
                        case "difference_update": return None($"{s}.DifferenceUpdate({SetOperands(e, args, t.Elem)})");
                    }
                    break;
                }
                case TypeKind.Deque when DequeCall(e, obj, t, a, args.Count, (i, type) => Arg(i, type)) is { } dequeCall:
                    return dequeCall;
                case TypeKind.File:
                {
                    string f = obj.P;
                    switch (name)
                    {
                        case "read": return Str(args.Count == 0 ? $"{f}.Read()" : $"{f}.Read({L(0)})");
                        case "readline": return Str($"{f}.ReadLine()");
                        case "readlines": return new Ex($"{f}.ReadLines()", PyType.List(PyType.Str), true);
                        case "write": return new Ex($"{f}.Write({S(0)})", PyType.Int, true);
                        case "writelines": return None($"{f}.WriteLines({e.EnumerableOf(Arg(0))})");
                        case "close": return None($"{f}.Close()");
                        case "flush": return None($"{f}.Flush()");
                        case "getvalue": return Str($"{f}.GetValue()");
                        case "tell" when args.Count == 0: return Long($"{f}.Tell()", PyType.Long(0, long.MaxValue));
                        case "seek" when args.Count is 1 or 2: return Long($"{f}.Seek({L(0)}{(args.Count == 2 ? ", " + L(1) : "")})", PyType.Long(0, long.MaxValue));
                        case "truncate" when args.Count <= 1: return Long($"{f}.Truncate({(args.Count == 1 ? L(0) : "null")})", PyType.Long(0, long.MaxValue));
                    }
                    if (args.Count == 0 && StreamQuery(f, name) is { } query) return query;
                    break;
                }
                case TypeKind.Tuple:
                case TypeKind.VarTuple:
                {
                    string tup = t.Kind == TypeKind.Tuple ? $"PyTuple.From({obj.Code})" : obj.P;
                    if (name == "count") return Long($"{tup}.CountOf({Emitter.BoxOf(Arg(0))})", IntRanges.Length);
                    if (name == "index") return Long($"{tup}.Index({Emitter.BoxOf(Arg(0))})", IntRanges.Length);
                    break;
                }
                case TypeKind.Int when name == "to_bytes":
                    return new Ex($"PyBytes.FromInt({AsPyIntCode(e, obj)}, {string.Join(", ", args.Select((x, i) => i == 0 ? L(0) : S(i)).Concat(kw.TryGetValue("length", out var ln) ? new[] { Emitter.Long(e.Expr(ln, PyType.Int)) } : Array.Empty<string>()).Concat(kw.TryGetValue("byteorder", out var bo) ? new[] { e.CoerceTo(e.Expr(bo), PyType.Str).Code } : Array.Empty<string>()))}{(kw.TryGetValue("signed", out var sg) ? ", signed: " + e.TruthOf(e.Expr(sg)) : "")})", PyType.Bytes, true);
                case TypeKind.Int:
                    if (name == "bit_length") return obj.Type.IsLong ? Long($"(long)((PyInt){obj.P}).BitLength()", PyType.Long(0, 64)) : Long($"(long){obj.P}.BitLength()", IntRanges.Length);
                    if (name == "bit_count") return Long($"(long)((PyInt){obj.P}).BitCount()", PyType.Long(0, 64));
                    if (name == "to_bytes") return e.NotSupported(c, "int.to_bytes");
                    break;
                case TypeKind.Float:
                    if (name == "is_integer") return Bool($"({obj.P} == Math.Floor({obj.P}) && !double.IsInfinity({obj.P}))");
                    if (name is "hex" or "as_integer_ratio") return FloatMethod(obj, name);
                    break;
                case TypeKind.Bytes:
                {
                    string b = obj.P;
                    string B(int i) => e.CoerceTo(Arg(i, PyType.Bytes), PyType.Bytes).Code;
                    switch (name)
                    {
                        case "decode": return Str($"{b}.Decode({CodecArguments(e, args, kw).TrimStart(',', ' ')})");
                        case "hex": return Str($"{b}.Hex({string.Join(", ", args.Select((_, i) => i == 0 ? S(0) : L(i)))})");
                        case "upper": return new Ex($"{b}.Upper()", PyType.Bytes, true);
                        case "lower": return new Ex($"{b}.Lower()", PyType.Bytes, true);
                        case "startswith": return Bool($"{b}.StartsWith({B(0)})");
                        case "endswith": return Bool($"{b}.EndsWith({B(0)})");
                        case "find": return Long($"{b}.Find({B(0)})", IntRanges.Position);
                        case "rfind": return Long($"{b}.RFind({B(0)})", IntRanges.Position);
                        case "index": return Long($"{b}.Index({B(0)})", IntRanges.Length);
                        case "count": return Long($"{b}.CountOf({B(0)})", PyType.Long(0, (long)int.MaxValue + 1));
                        case "replace": return new Ex($"{b}.Replace({B(0)}, {B(1)})", PyType.Bytes, true);
                        case "split": return new Ex($"{b}.Split({(args.Count > 0 ? B(0) : "null")}{(args.Count > 1 ? ", " + L(1) : "")})", PyType.List(PyType.Bytes), true);
                        case "strip": return new Ex($"{b}.Strip({(args.Count > 0 ? B(0) : "")})", PyType.Bytes, true);
                        case "lstrip": return new Ex($"{b}.LStrip({(args.Count > 0 ? B(0) : "")})", PyType.Bytes, true);
                        case "rstrip": return new Ex($"{b}.RStrip({(args.Count > 0 ? B(0) : "")})", PyType.Bytes, true);
                        case "join": return new Ex($"{b}.Join({e.EnumerableOf(Arg(0))})", PyType.Bytes, true);
                        case "ljust" or "rjust" or "center" when args.Count is 1 or 2:
                            return new Ex($"{b}.{(name == "ljust" ? "LJust" : name == "rjust" ? "RJust" : "Center")}({L(0)}{(args.Count > 1 ? ", " + B(1) : "")})", PyType.Bytes, true);
                        case "zfill" when args.Count == 1: return new Ex($"{b}.ZFill({L(0)})", PyType.Bytes, true);
                    }
                    break;
                }
            }
            return null;
        }

        /// <summary>
        /// bytearray's methods, typed: bytes' (their bytes-like arguments boxed, as bytes or bytearray or an int to search
        /// for are all allowed) and list's mutators.
        /// </summary>
        private static Ex? ByteArrayMethod(Emitter e, Ex obj, string name, IReadOnlyList<ExpressionNode> args, IReadOnlyDictionary<string, ExpressionNode> kw)
        {
            string ba = obj.P;
            string Boxed(int i) => Emitter.BoxOf(e.Expr(args[i]));
            string Longs() => string.Join(", ", args.Select(x => Emitter.Long(e.Expr(x, PyType.Int))));
            string Optional() => args.Count > 0 ? Boxed(0) : "";
            var self = Builtins.ByteArray;
            switch (name)
            {
                case "append" when args.Count == 1: return None($"{ba}.Append({Longs()})");
                case "extend" when args.Count == 1: return None($"{ba}.Extend(PyBytes.From({Boxed(0)}))");
                case "decode": return Str($"{ba}.Decode({CodecArguments(e, args, kw).TrimStart(',', ' ')})");
                case "hex" when args.Count == 0: return Str($"{ba}.Hex()");
                case "find" or "rfind" when args.Count == 1: return Long($"{ba}.{(name == "find" ? "Find" : "RFind")}({Boxed(0)})", IntRanges.Position);
                case "index" when args.Count == 1: return Long($"{ba}.Index({Boxed(0)})", IntRanges.Length);
                case "count" when args.Count == 1: return Long($"{ba}.CountOf({Boxed(0)})", PyType.Long(0, (long)int.MaxValue + 1));
                case "startswith" or "endswith" when args.Count == 1: return Bool($"{ba}.{(name == "startswith" ? "StartsWith" : "EndsWith")}({Boxed(0)})");
                case "replace" when args.Count == 2: return new Ex($"{ba}.Replace({Boxed(0)}, {Boxed(1)})", self, true);
                case "strip" or "lstrip" or "rstrip" when args.Count <= 1: return new Ex($"{ba}.{(name == "strip" ? "Strip" : name == "lstrip" ? "LStrip" : "RStrip")}({Optional()})", self, true);
                case "split" when args.Count <= 2: return new Ex($"{ba}.Split({(args.Count > 0 ? Boxed(0) : "null")}{(args.Count > 1 ? ", " + Emitter.Long(e.Expr(args[1], PyType.Int)) : "")})", PyType.List(self), true);
                case "join" when args.Count == 1: return new Ex($"{ba}.Join({Boxed(0)})", self, true);
                case "upper" or "lower" or "copy" when args.Count == 0: return new Ex($"{ba}.{char.ToUpperInvariant(name[0])}{name.Substring(1)}()", self, true);
                case "reverse" or "clear" when args.Count == 0: return None($"{ba}.{char.ToUpperInvariant(name[0])}{name.Substring(1)}()");
                case "pop" when args.Count <= 1: return Long($"{ba}.Pop({Longs()})", PyType.Long(0, 255));
                case "insert" when args.Count == 2: return None($"{ba}.Insert({Longs()})");
                case "remove" when args.Count == 1: return None($"{ba}.Remove({Longs()})");
            }
            return null;
        }

        private static string AsPyIntCode(Emitter e, Ex v) => e.CoerceTo(v, PyType.Int).Code;

        private static Ex Str(string code) => new(code, PyType.Str, true);
        private static Ex Int(string code) => new($"new PyInt({code})", PyType.Int, true);

        /// <summary>", encoding, errors" of str.encode / bytes.decode, positional or by keyword ("" when neither is given).</summary>
        internal static string CodecArguments(Emitter e, IReadOnlyList<ExpressionNode> args, IReadOnlyDictionary<string, ExpressionNode> kw)
        {
            ExpressionNode? encoding = args.Count > 0 ? args[0] : kw.TryGetValue("encoding", out var en) ? en : null;
            ExpressionNode? errors = args.Count > 1 ? args[1] : kw.TryGetValue("errors", out var er) ? er : null;
            string Text(ExpressionNode? x, string fallback) => x is null ? fallback : e.CoerceTo(e.Expr(x), PyType.Str).Code;
            if (errors is not null) return $", {Text(encoding, "\"utf-8\"")}, {Text(errors, "")}";
            return encoding is null ? "" : ", " + Text(encoding, "");
        }

        /// <summary><c>s.update(a, b, ...)</c>: every iterable's items, converted to the set's element type (which they widen).</summary>
        private static Ex SetUpdate(Emitter e, Attribute a, IReadOnlyList<ExpressionNode> args, PyType t, string s)
        {
            foreach (var x in args)
            {
                var items = x is Starred st ? e.ElementOf(e.Expr(st.Value).Type) : e.Expr(x).Type;
                e.Contribute(a.Value, PyType.Set(e.ElementOf(items)));
            }
            return None($"{s}.Update({SetOperands(e, args, t.Elem)})");
        }

        /// <summary>
        /// The iterables of set.union(a, b), update(*parts) and their kin, each as an IEnumerable of the set's elements:
        /// a params list, or one array when an argument is starred (its items are the iterables).
        /// </summary>
        private static string SetOperands(Emitter e, IReadOnlyList<ExpressionNode> args, PyType elem)
        {
            string cs = CsTypes.Of(elem);
            string Items(Ex v)
            {
                var el = e.ElementOf(v.Type);
                string items = "(" + e.EnumerableOf(v) + ")";
                var x = new Ex("__x", el, true);
                // boxed explicitly: an IEnumerable of a value type is no IEnumerable<object?>
                return CsTypes.Of(el) == cs ? items : $"{items}.Select(__x => {(elem.Kind is TypeKind.Object or TypeKind.Unknown ? $"(object?){Emitter.BoxOf(x)}" : e.CoerceTo(x, elem).Code)})";
            }
            if (!args.Any(x => x is Starred)) return string.Join(", ", args.Select(x => Items(e.Expr(x))));
            var parts = args.Select(x =>
            {
                if (x is not Starred st) return $"new IEnumerable<{cs}>[] {{ {Items(e.Expr(x))} }}";
                var rows = e.Expr(st.Value);
                return $"{e.EnumerableOf(rows)}.Select(__r => (IEnumerable<{cs}>)({Items(new Ex("__r", e.ElementOf(rows.Type), true))}))";
            }).ToList();
            return $"Enumerable.Empty<IEnumerable<{cs}>>(){string.Concat(parts.Select(p => $".Concat({p})"))}.ToArray()";
        }

        /// <summary>deque methods (append, popleft, rotate, count, ...); null for one not mapped.</summary>
        private static Ex? DequeCall(Emitter e, Ex obj, PyType t, Attribute a, int argCount, Func<int, PyType?, Ex> arg)
        {
            string L(int i) => Emitter.Long(arg(i, PyType.Int));
            string name = a.Attr;
            string q = obj.P;
            switch (name)
            {
                case "append":
                case "appendleft":
                {
                    var v = arg(0, t.Elem.FloatsAsUnknown());
                    e.Contribute(a.Value, PyType.Deque(v.Type));
                    return None($"{q}.{(name == "append" ? "Append" : "AppendLeft")}({e.CoerceTo(v, t.Elem).Code})");
                }
                case "pop": return new Ex($"{q}.Pop()", t.Elem, true);
                case "popleft": return new Ex($"{q}.PopLeft()", t.Elem, true);
                case "extend":
                case "extendleft":
                {
                    // The items refine the deque's element type, as append does (deque() then extend([1, 2])).
                    var items = arg(0, null);
                    e.Contribute(a.Value, PyType.Deque(e.ElementOf(items.Type)));
                    var typed = e.CoerceTo(new Ex(e.EnumerableOf(items), PyType.Iterable(e.ElementOf(items.Type)), false), PyType.Iterable(t.Elem));
                    return None($"{q}.{(name == "extend" ? "Extend" : "ExtendLeft")}({typed.Code})");
                }
                case "rotate": return None($"{q}.Rotate({(argCount > 0 ? L(0) : "1")})");
                case "clear": return None($"{q}.Clear()");
                case "count": return Long($"{q}.CountOf({e.CoerceTo(arg(0, t.Elem), t.Elem).Code})", IntRanges.Length);
                case "index" when argCount == 1: return Long($"{q}.Index({e.CoerceTo(arg(0, t.Elem), t.Elem).Code})", IntRanges.Length);
                case "remove": return None($"{q}.Remove({e.CoerceTo(arg(0, t.Elem), t.Elem).Code})");
                case "reverse": return None($"{q}.Reverse()");
            }
            return null;
        }

        private static Ex Long(string code, PyType range) => new(code, range, true);
        private static Ex Bool(string code) => new(code, PyType.Bool, true);
        /// <summary>d.update([other,] name=value, ...): other's items (a mapping or (key, value) pairs), then one str key per keyword.</summary>
        /// <remarks>Null (the dynamic call) for the shapes it does not bind: several positional arguments, **mapping, keywords on a Counter.</remarks>
        private static Ex? DictUpdate(Emitter e, Attribute a, Call c, PyType t, string d)
        {
            if (t.Kind == TypeKind.Counter ? c.Args.Count != 1 || c.Keywords.Count > 0 : c.Args.Count > 1 || c.Keywords.Any(k => k.Arg is null)) return null;
            // d.update([other,] name=value, ...): other's items (a mapping or (key, value) pairs), then one str key per keyword
            var parts = new List<string>();
            if (c.Args.Count == 1)
            {
                var v = ArgumentShapeException.Arg(e, c.Args, 0, null, "update");
                var pair = e.ElementOf(v.Type);
                if (!v.Type.IsDictLike && t.Kind != TypeKind.Counter && pair.Kind == TypeKind.Tuple && pair.Args.Count == 2)
                {
                    e.Contribute(a.Value, PyType.Dict(pair.Args[0], pair.Args[1]));
                    parts.Add($"foreach (var (__k, __v) in {e.EnumerableOf(v)}) __u[{e.CoerceTo(new Ex("__k", pair.Args[0], true), t.Key).Code}] = {e.CoerceTo(new Ex("__v", pair.Args[1], true), t.Value).Code};");
                }
                else if (v.Type.Kind is TypeKind.Object or TypeKind.Unknown or TypeKind.Class && t.Kind != TypeKind.Counter)
                {
                    // d.update(json_value): a mapping known only at run time (or an instance of a dict subclass)
                    e.Contribute(a.Value, PyType.Dict(PyType.Object, PyType.Object));
                    parts.Add($"foreach (var (__k, __v) in Py.DictOf({Emitter.BoxOf(v)}).Items()) __u[Dyn.Cast<{CsTypes.Of(t.Key)}>(__k)] = Dyn.Cast<{CsTypes.Of(t.Value)}>(__v);");
                }
                else
                {
                    if (t.Kind == TypeKind.Counter) return CounterUpdate(e, a, v, t, d, "Update");
                    if (v.Type.IsDictLike) e.Contribute(a.Value, PyType.Dict(v.Type.Key, v.Type.Value));
                    if (c.Keywords.Count == 0) return None($"{d}.Update({v.Code})");
                    parts.Add($"__u.Update({v.Code});");
                }
            }
            // an int stays an int in a dict of floats (which then holds both): the float type does not make 1 into 1.0
            var values = c.Keywords.Select(k => (k.Arg.OrThrow(), e.Expr(k.Value, t.Value.FloatsAsUnknown()))).ToList();
            if (values.Count > 0) e.Contribute(a.Value, PyType.Dict(PyType.Str, values.Select(x => x.Item2.Type).Aggregate(PyType.Unknown, PyType.Join)));
            parts.AddRange(values.Select(x => $"__u[{e.CoerceTo(new Ex(CsNames.Literal(x.Item1), PyType.Str, true), t.Key).Code}] = {e.CoerceTo(x.Item2, t.Value).Code};"));
            return None($"Py.Build({d}, __u => {{ {string.Join(" ", parts)} }})");
        }

        /// <summary>x.hex() and x.as_integer_ratio() of a float.</summary>
        private static Ex FloatMethod(Ex obj, string name) => name == "hex"
            ? new Ex($"Py.FloatHex({obj.Code})", PyType.Str, true)
            : new Ex($"Py.AsIntegerRatio({obj.Code})", PyType.Tuple(PyType.Int, PyType.Int), true);

        /// <summary>d.pop(k, default): typed when the default has the values' type, else the value or the default dynamically.</summary>
        private static Ex DictPopOr(Emitter e, string d, PyType t, Ex key, Ex fallback)
        {
            var k = e.CoerceTo(key, t.Key).Code;
            var vt = PyType.Join(t.Value, fallback.Type);
            if (fallback.Type.Kind == TypeKind.None && !vt.Equals(t.Value))
            {
                // None is no value of the dict (0.0 or "" would stand in for it): the value, or None
                var g = e.TempName("p");
                return new Ex($"({d}.TryPop({k}, out var {g}) ? ({CsTypes.Of(vt)}){g} : null)", vt, true);
            }
            if (vt.Equals(t.Value) || fallback.Type.IsKnown && e.CoerceTo(fallback, t.Value).Type.Equals(t.Value) && vt.Kind != TypeKind.Object)
                return new Ex($"{d}.Pop({k}, {e.CoerceTo(fallback, t.Value).Code})", t.Value, true);
            return new Ex($"Py.PopOr({d}, {k}, {Emitter.BoxOf(fallback)})", PyType.Object, true);
        }

        /// <summary>counter.update/subtract(x): a mapping's counts, or one per item of an iterable (a str's characters).</summary>
        private static Ex CounterUpdate(Emitter e, Attribute a, Ex v, PyType t, string d, string method)
        {
            // a value known only at run time (json data, r["freq"]), or a mapping of other keys: a mapping's counts or the items, decided then
            if (v.Type.Kind is TypeKind.Object or TypeKind.Unknown || v.Type.IsDictLike && CsTypes.Of(v.Type.Key) != CsTypes.Of(t.Key))
                return None($"{d}.{method}Dynamic({Emitter.BoxOf(v)})");
            if (v.Type.IsDictLike)
            {
                e.Contribute(a.Value, PyType.CounterOf(v.Type.Key, v.Type.Value));
                return None($"{d}.{method}From({v.Code})");
            }
            e.Contribute(a.Value, PyType.Counter(e.ElementOf(v.Type)));
            return None($"{d}.{method}({e.CoerceTo(new Ex(e.EnumerableOf(v), PyType.Iterable(e.ElementOf(v.Type)), false), PyType.Iterable(t.Key)).Code})");
        }

        private static Ex None(string code) => new(code, PyType.None, true);
    }
}
