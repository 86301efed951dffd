using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Inference;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// Python's <c>re</c> → Batuta.Python.Runtime's ReModule/RePattern/ReMatch (which translate Python regex syntax to
    /// .NET's at run time, or raise re.error). A literal pattern's group count decides the element type of findall.
    /// </summary>
    internal static class ReMapping
    {
        public static readonly PyType Pattern = PyType.Class("re.Pattern");
        public static readonly PyType Match = PyType.Class("re.Match");
        private static readonly PyType OptMatch = PyType.Optional(Match);
        private static readonly PyType Position = PyType.Long(-1, int.MaxValue);

        /// <summary>C# types of the standard-module values the program model names as classes (re objects, binary files, bytearray, slice).</summary>
        public static string? CsType(string name) => name switch
        {
            "re.Pattern" => "RePattern",
            "re.Match" => "ReMatch",
            "io.BinaryFile" => "PyBinaryIO",
            "bytearray" => "PyByteArray",
            "slice" => "PySlice",
            _ => null,
        };

        public static bool IsReType(PyType t) => t.Kind == TypeKind.Class && t.Name is "re.Pattern" or "re.Match";

        /// <summary>re.I and friends: re.RegexFlag members (runtime ReFlag objects), which print by name and are ints elsewhere.</summary>
        public static Ex? Constant(string qualified) => FlagConstant(qualified.StartsWith("re.RegexFlag.", StringComparison.Ordinal) ? "re." + qualified.Substring("re.RegexFlag.".Length) : qualified);

        private static Ex? FlagConstant(string qualified) => qualified switch
        {
            "re.I" or "re.IGNORECASE" => Flag("IGNORECASE"),
            "re.M" or "re.MULTILINE" => Flag("MULTILINE"),
            "re.S" or "re.DOTALL" => Flag("DOTALL"),
            "re.X" or "re.VERBOSE" => Flag("VERBOSE"),
            "re.A" or "re.ASCII" => Flag("ASCII"),
            "re.U" or "re.UNICODE" => Flag("UNICODE"),
            "re.L" or "re.LOCALE" => Flag("LOCALE"),
            "re.T" or "re.TEMPLATE" => Flag("TEMPLATE"),
            "re.DEBUG" => Flag("DEBUG"),
            "re.NOFLAG" => Flag("NOFLAG"),
            _ => null,
        };

        private static Ex Flag(string name) => new($"ReFlag.{name}", PyType.Object, true);

        private static Dictionary<string, ExpressionNode> Kw(Call c) => c.Keywords.Where(k => k.Arg is not null).ToDictionary(k => k.Arg.OrThrow(), k => k.Value);

        /// <summary>re.f(...): the module functions.</summary>
        public static Ex Call(Emitter e, string qualified, Call c)
        {
            var kw = Kw(c);
            var name = qualified.Substring(3);
            if (name == "escape") return new Ex($"ReModule.Escape({Str(e, Arg(c, kw, 0, "pattern"))})", PyType.Str, true);
            var patternNode = Arg(c, kw, 0, "pattern");
            if (patternNode is null) return e.NotSupported(c, qualified + "() without a pattern");
            var pattern = e.Expr(patternNode);
            if (name == "compile")
            {
                var flags = Arg(c, kw, 1, "flags");
                return new Ex($"ReModule.Compile({PatternCode(e, pattern)}{(flags is null ? "" : ", " + Emitter.Long(e.Expr(flags, PyType.Int)))})", Pattern, true);
            }
            // re.f(pattern, ...) is re.compile(pattern, flags).f(...)
            var flagsNode = name switch
            {
                "search" or "match" or "fullmatch" or "findall" or "finditer" => Arg(c, kw, 2, "flags"),
                "split" or "sub" or "subn" => Arg(c, kw, name == "split" ? 3 : 4, "flags"),
                _ => null,
            };
            string compiled = $"ReModule.Compile({PatternCode(e, pattern)}{(flagsNode is null ? "" : ", " + Emitter.Long(e.Expr(flagsNode, PyType.Int)))})";
            // the positional arguments between the pattern and flags
            int before = name switch { "split" => 2, "sub" or "subn" => 3, _ => 1 };
            var rest = c.Args.Skip(1).Take(before).ToList();
            var restKw = c.Keywords.Where(k => k.Arg is not ("pattern" or "flags")).ToList();
            int? groups = patternNode is Constant { Value: string literal } ? CountGroups(literal) : null;
            return Method(e, new Ex(compiled, Pattern, true), name, rest, restKw, c, groups) ?? e.NotSupported(c, qualified + "()", "supported: compile search match fullmatch findall finditer split sub subn escape");
        }

        private static string PatternCode(Emitter e, Ex pattern) => pattern.Type.Kind == TypeKind.Str || IsReType(pattern.Type) ? pattern.Code : e.CoerceTo(pattern, PyType.Str).Code;

        private static ExpressionNode? Arg(Call c, Dictionary<string, ExpressionNode> kw, int i, string name) =>
            i < c.Args.Count ? c.Args[i] : kw.TryGetValue(name, out var v) ? v : null;

        private static string Str(Emitter e, ExpressionNode? n) => n is null ? "\"\"" : e.CoerceTo(e.Expr(n, PyType.Str), PyType.Str).Code;

        /// <summary>Methods of a compiled pattern (and of the module functions, which compile first).</summary>
        private static Ex? Method(Emitter e, Ex p, string name, List<ExpressionNode> args, List<Keyword> keywords, Node at, int? groups)
        {
            var kw = keywords.Where(k => k.Arg is not null).ToDictionary(k => k.Arg.OrThrow(), k => k.Value);
            ExpressionNode? A(int i, string n) => i < args.Count ? args[i] : kw.TryGetValue(n, out var v) ? v : null;
            string L(ExpressionNode n) => Emitter.Long(e.Expr(n, PyType.Int));
            string Window()
            {
                var pos = A(1, "pos");
                var end = A(2, "endpos");
                return (pos is null ? "" : ", " + L(pos)) + (end is null ? "" : (pos is null ? ", 0" : "") + ", " + L(end));
            }
            switch (name)
            {
                case "search":
                case "match":
                case "fullmatch":
                {
                    string m = name == "search" ? "Search" : name == "match" ? "Match" : "FullMatch";
                    return new Ex($"{p.P}.{m}({Str(e, A(0, "string"))}{Window()})", OptMatch, true);
                }
                case "finditer":
                    return new Ex($"{p.P}.FindIter({Str(e, A(0, "string"))}{Window()})", PyType.Iterable(Match), true);
                case "findall":
                    if (groups is <= 1) return new Ex($"{p.P}.FindAllStrings({Str(e, A(0, "string"))}{Window()})", PyType.List(PyType.Str), true);
                    if (groups is > 1)
                        return new Ex($"new PyList<PyTuple>({p.P}.FindAll({Str(e, A(0, "string"))}{Window()}).Select(__t => (PyTuple)__t!))", PyType.List(PyType.VarTuple(PyType.Str)), true);
                    return new Ex($"{p.P}.FindAll({Str(e, A(0, "string"))}{Window()})", PyType.List(PyType.Object), true);
                case "split":
                {
                    var max = A(1, "maxsplit");
                    return new Ex($"{p.P}.Split({Str(e, A(0, "string"))}{(max is null ? "" : ", " + L(max))})", PyType.List(groups is 0 ? PyType.Str : PyType.Optional(PyType.Str)), true);
                }
                case "sub":
                case "subn":
                {
                    var replNode = A(0, "repl");
                    if (replNode is null) return e.NotSupported(at, $"re.{name}() without a replacement");
                    var repl = e.Expr(replNode, PyType.Func(PyType.Str, Match));
                    string replCode = repl.Type.Kind == TypeKind.Str ? repl.Code
                        : repl.Type.Kind == TypeKind.Func ? e.CoerceTo(repl, PyType.Func(PyType.Str, Match)).Code
                        : $"(object?){Emitter.BoxOf(repl)}";
                    var count = A(2, "count");
                    string m = name == "sub" ? "Sub" : "SubN";
                    return new Ex($"{p.P}.{m}({replCode}, {Str(e, A(1, "string"))}{(count is null ? "" : ", " + L(count))})", name == "sub" ? PyType.Str : PyType.Tuple(PyType.Str, PyType.Int), true);
                }
            }
            return null;
        }

        /// <summary>Methods of re.Pattern and re.Match values.</summary>
        public static Ex? CallMember(Emitter e, Ex obj, string name, Call c)
        {
            if (obj.Type.Equals(Pattern)) return Method(e, obj, name, c.Args.ToList(), c.Keywords.ToList(), c, null);
            if (!obj.Type.Equals(Match)) return null;
            var args = c.Args.Select(a => e.Expr(a)).ToList();
            // m.groups(default=...) / m.groupdict(default=...): the keyword form of their one parameter
            if (c.Keywords.FirstOrDefault(k => k.Arg == "default") is { } byName && name is "groups" or "groupdict") args.Add(e.Expr(byName.Value));
            string Group(Ex g) => g.Type.Kind == TypeKind.Str ? g.Code : Emitter.BoxOf(g);
            switch (name)
            {
                case "group":
                    if (args.Count == 0) return new Ex($"{obj.P}.Group()", PyType.Str, true);
                    if (args.Count == 1) return new Ex($"{obj.P}.Group((object?){Group(args[0])})", PyType.Str, true);
                    return new Ex($"{obj.P}.Group({string.Join(", ", args.Select(a => "(object?)" + Group(a)))})", PyType.VarTuple(PyType.Str), true);
                case "groups":
                    return new Ex($"{obj.P}.Groups({(args.Count > 0 ? Emitter.BoxOf(args[0]) : "")})", PyType.VarTuple(PyType.Str), true);
                case "groupdict":
                    return args.Count == 0 ? new Ex($"{obj.P}.GroupDict()", PyType.Dict(PyType.Str, PyType.Str), true) : new Ex($"{obj.P}.GroupDict({Emitter.BoxOf(args[0])})", PyType.Dict(PyType.Str, PyType.Object), true);
                case "start":
                case "end":
                    return new Ex($"{obj.P}.{(name == "start" ? "Start" : "End")}({(args.Count > 0 ? Group(args[0]) : "")})", Position, true);
                case "span":
                    return new Ex($"{obj.P}.Span({(args.Count > 0 ? Group(args[0]) : "")})", PyType.Tuple(PyType.LongFull, PyType.LongFull), true);
                case "expand":
                    return new Ex($"{obj.P}.Expand({e.CoerceTo(args[0], PyType.Str).Code})", PyType.Str, true);
            }
            return null;
        }

        public static Ex? Attribute(Ex obj, string attr)
        {
            if (obj.Type.Equals(Pattern))
                return attr switch
                {
                    "pattern" => new Ex($"{obj.P}.Pattern", PyType.Str, true),
                    "flags" => new Ex($"{obj.P}.Flags", PyType.LongFull, true),
                    "groups" => new Ex($"{obj.P}.Groups", PyType.LongFull, true),
                    "groupindex" => new Ex($"{obj.P}.GroupIndex", PyType.Dict(PyType.Str, PyType.Int), true),
                    _ => null,
                };
            if (obj.Type.Equals(Match))
                return attr switch
                {
                    "string" => new Ex($"{obj.P}.String", PyType.Str, true),
                    "re" => new Ex($"{obj.P}.Re", Pattern, true),
                    "pos" => new Ex($"{obj.P}.Pos", PyType.LongFull, true),
                    "endpos" => new Ex($"{obj.P}.EndPos", PyType.LongFull, true),
                    "lastindex" => new Ex($"{obj.P}.LastIndex", PyType.Object, true),
                    "lastgroup" => new Ex($"{obj.P}.LastGroup", PyType.Optional(PyType.Str), true),
                    "regs" => new Ex($"{obj.P}.Regs", PyType.Object, true),
                    _ => null,
                };
            return null;
        }

        /// <summary>m[1], m["name"]: the group.</summary>
        public static Ex? Subscript(Ex obj, Ex key) =>
            obj.Type.Equals(Match) ? new Ex($"{obj.P}.Group((object?){(key.Type.Kind == TypeKind.Str ? key.Code : Emitter.BoxOf(key))})", PyType.Str, true) : null;

        /// <summary>The capturing groups of a Python pattern: '(' not escaped, not in a class, not '(?' (except '(?P&lt;').</summary>
        public static int CountGroups(string p)
        {
            int n = 0;
            bool inClass = false;
            for (int i = 0; i < p.Length; i++)
            {
                char c = p[i];
                if (c == '\\') { i++; continue; }
                if (inClass) { if (c == ']') inClass = false; continue; }
                if (c == '[')
                {
                    inClass = true;
                    if (i + 1 < p.Length && p[i + 1] == '^') i++;
                    if (i + 1 < p.Length && p[i + 1] == ']') i++;
                    continue;
                }
                if (c != '(') continue;
                if (i + 1 < p.Length && p[i + 1] == '?') { if (i + 3 < p.Length && p[i + 2] == 'P' && p[i + 3] == '<') n++; }
                else n++;
            }
            return n;
        }
    }
}
