using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// Python's <c>csv</c> → Batuta.Python.Runtime's CsvModule: reader and DictReader are one-pass iterators of
    /// lists / dicts of strings, writer and DictWriter are objects with writerow/writerows/writeheader. Keyword
    /// options outside the supported dialect subset are BATUTA-T-004.
    /// </summary>
    internal static class CsvMapping
    {
        public static readonly PyType Writer = PyType.Class("csv.Writer");
        public static readonly PyType DictWriter = PyType.Class("csv.DictWriter");
        private static readonly PyType Written = PyType.Long(0, int.MaxValue);

        // a dialect's options, which every entry point takes over its dialect (a name, or csv.get_dialect's object)
        private static readonly string[] DialectOptions = { "dialect", "delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator", "quoting", "strict" };

        public static string? CsType(string name) => name switch
        {
            "csv.Writer" => "CsvWriter",
            "csv.DictWriter" => "CsvDictWriter",
            _ => null,
        };

        public static bool IsCsvType(PyType t) => t.Kind == TypeKind.Class && t.Name is "csv.Writer" or "csv.DictWriter";

        public static Ex? Constant(string qualified) => qualified switch
        {
            "csv.QUOTE_MINIMAL" => Quote("QUOTE_MINIMAL", 0),
            "csv.QUOTE_ALL" => Quote("QUOTE_ALL", 1),
            "csv.QUOTE_NONNUMERIC" => Quote("QUOTE_NONNUMERIC", 2),
            "csv.QUOTE_NONE" => Quote("QUOTE_NONE", 3),
            _ => null,
        };

        private static Ex Quote(string name, long value) => new($"CsvModule.{name}", Inference.IntRanges.Constant(value), true);

        /// <summary>csv.f(...): the module's four entry points and its dialect registry.</summary>
        public static Ex Call(Emitter e, string qualified, Call c)
        {
            if (NoArgument(qualified, c) is { } listed) return listed;
            if (c.Args.Count == 0) return e.NotSupported(c, qualified + "() without " + (qualified.EndsWith("_dialect") ? "a name" : "a file"));
            var source = e.Expr(c.Args[0]);
            switch (qualified)
            {
                case "csv.reader" when QuotesNonNumeric(e, c):
                    return Entry(e, c, 1, $"CsvModule.ReaderNonNumeric({e.EnumerableOf(source)}", PyType.Iterable(PyType.List(PyType.Object)), iterator: true);
                case "csv.reader":
                    return Entry(e, c, 1, $"CsvModule.Reader({e.EnumerableOf(source)}", PyType.Iterable(PyType.List(PyType.Str)), iterator: true);
                case "csv.writer":
                    return Entry(e, c, 1, $"CsvModule.Writer({TextFile(e, source)}", Writer, iterator: false);
                case "csv.DictReader":
                    return DictReader(e, c, source);
                case "csv.DictWriter":
                {
                    var names = FieldNames(e, c);
                    if (names is null) return e.NotSupported(c, "csv.DictWriter() without fieldnames");
                    var head = $"CsvModule.DictWriter({TextFile(e, source)}, {names}{Keyword(e, c, "restval", Emitter.BoxOf)}{Keyword(e, c, "extrasaction", v => e.CoerceTo(v, PyType.Str).Code)}";
                    return Entry(e, c, 2, head, DictWriter, iterator: false, "restval", "extrasaction");
                }
            }
            return Registry(e, qualified, c, source);
        }

        /// <summary>
        /// The file a writer writes to: a variable that holds files of several modes (with open(p, "rb") as fh, then
        /// with open(q, "w") as fh) is dynamic, and is the text file here.
        /// </summary>
        private static string TextFile(Emitter e, Ex file) => e.CoerceTo(file, PyType.File).Code;

        /// <summary>csv.register_dialect(name, [dialect], **options), get_dialect(name), unregister_dialect(name).</summary>
        private static Ex Registry(Emitter e, string qualified, Call c, Ex name)
        {
            string key = e.CoerceTo(name, PyType.Str).Code;
            switch (qualified)
            {
                case "csv.register_dialect":
                    return Entry(e, c, 1, $"CsvModule.RegisterDialect({key}", PyType.None, iterator: false);
                case "csv.get_dialect" when c.Args.Count == 1:
                    return new Ex($"CsvModule.GetDialect({key})", PyType.Object, true);
                case "csv.unregister_dialect" when c.Args.Count == 1:
                    return new Ex($"CsvModule.UnregisterDialect({key})", PyType.None, true);
            }
            return e.NotSupported(c, qualified + "()", "use csv.reader, csv.writer, csv.DictReader, csv.DictWriter or the dialect registry");
        }

        /// <summary>
        /// quoting=csv.QUOTE_NONNUMERIC by keyword (a constant): the reader's rows then mix floats and strings, a type
        /// known here only from the keyword.
        /// </summary>
        private static bool QuotesNonNumeric(Emitter e, Call c)
        {
            var quoting = c.Keywords.FirstOrDefault(k => k.Arg == "quoting")?.Value;
            return quoting is not null && e.Expr(quoting).Type is { IsLong: true, Lo: 2, Hi: 2 };
        }

        /// <summary>csv.list_dialects() and csv.Sniffer() (no file argument); a Sniffer is a dynamic value (sniff, has_header).</summary>
        private static Ex? NoArgument(string qualified, Call c) => c.Args.Count > 0 || c.Keywords.Count > 0 ? null : qualified switch
        {
            "csv.list_dialects" => new Ex("CsvModule.ListDialects()", PyType.List(PyType.Str), true),
            "csv.Sniffer" => new Ex("new CsvSniffer()", PyType.Object, true),
            _ => null,
        };

        /// <summary>
        /// DictReader's rows are dicts of strings, unless restval is not a str (0, None): then the short rows' missing
        /// fields hold that value and the rows are dicts of objects.
        /// </summary>
        private static Ex DictReader(Emitter e, Call c, Ex source)
        {
            var names = FieldNames(e, c);
            string fieldnames = names is null ? "" : ", fieldnames: " + names;
            var restval = c.Keywords.FirstOrDefault(k => k.Arg == "restval")?.Value;
            string rest = "";
            if (restval is not null)
            {
                var value = e.Expr(restval);
                if (value.Type.Kind != TypeKind.Str)
                    return Entry(e, c, 2, $"CsvModule.DictReaderOf({e.EnumerableOf(source)}, {Emitter.BoxOf(value)}{fieldnames}", PyType.Iterable(PyType.Dict(PyType.Str, PyType.Object)), iterator: true, "restval");
                rest = ", restval: " + value.Code;
            }
            return Entry(e, c, 2, $"CsvModule.DictReader({e.EnumerableOf(source)}{fieldnames}{rest}", PyType.Iterable(PyType.Dict(PyType.Str, PyType.Str)), iterator: true, "restval");
        }

        private static string Keyword(Emitter e, Call c, string name, Func<Ex, string> code)
        {
            var node = c.Keywords.FirstOrDefault(k => k.Arg == name)?.Value;
            return node is null ? "" : $", {name}: {code(e.Expr(node))}";
        }

        private static string? FieldNames(Emitter e, Call c)
        {
            var node = c.Args.Count > 1 ? c.Args[1] : c.Keywords.FirstOrDefault(k => k.Arg == "fieldnames")?.Value;
            return node is null ? null : e.EnumerableOf(e.CoerceTo(e.Expr(node), PyType.List(PyType.Str)));
        }

        /// <summary>
        /// The call with its dialect (a positional one after the file, for reader, writer and register_dialect) and
        /// dialect options as one <c>CsvDialect.Of(...)</c> argument; <paramref name="own"/> keywords are already in
        /// <paramref name="head"/>; others are T-004.
        /// </summary>
        private static Ex Entry(Emitter e, Call c, int positionals, string head, PyType type, bool iterator, params string[] own)
        {
            bool positionalDialect = positionals == 1 && c.Args.Count == 2;
            if (c.Args.Count > positionals && !positionalDialect) return e.NotSupported(c, "csv options passed by position", "pass dialect=..., delimiter=... by keyword");
            var parts = DialectParts(e, c, positionalDialect, own, out var refused);
            if (refused is { } notSupported) return notSupported;
            string dialect = parts.Count == 0 ? "" : ", " + (positionals == 2 ? "dialect: " : "") + "CsvDialect.Of(" + string.Join(", ", parts) + ")";
            var ex = new Ex(head + dialect + ")", type, true);
            return iterator ? ex.AsIterator() : ex;
        }

        private static List<string> DialectParts(Emitter e, Call c, bool positionalDialect, string[] own, out Ex? refused)
        {
            refused = null;
            var parts = new List<string>();
            if (positionalDialect) parts.Add(Emitter.BoxOf(e.Expr(c.Args[1])));
            foreach (var k in c.Keywords)
            {
                if (k.Arg == "fieldnames" || own.Contains(k.Arg)) continue;
                if (k.Arg is null || !DialectOptions.Contains(k.Arg))
                {
                    refused = e.NotSupported(c, $"csv option {k.Arg ?? "**kwargs"}", "supported: " + string.Join(", ", DialectOptions.Concat(own)));
                    break;
                }
                parts.Add($"{k.Arg}: {Option(e, k.Arg, k.Value)}");
            }
            return parts;
        }

        private static string Option(Emitter e, string name, ExpressionNode value) => name switch
        {
            "skipinitialspace" or "doublequote" or "strict" => e.TruthOf(e.Expr(value)),
            "quoting" => Emitter.Long(e.Expr(value, PyType.Int)),
            "dialect" => Emitter.BoxOf(e.Expr(value)),
            _ => e.CoerceTo(e.Expr(value, PyType.Str), PyType.Str).Code,
        };

        public static Ex? Attribute(Ex obj, string attr) =>
            obj.Type.Name == "csv.DictWriter" && attr == "fieldnames" ? new Ex($"{obj.P}.FieldNames", PyType.List(PyType.Str), true) : null;

        /// <summary>writer.writerow/writerows, DictWriter.writeheader/writerow/writerows.</summary>
        public static Ex CallMember(Emitter e, Ex obj, string method, Call c)
        {
            switch (method)
            {
                case "writeheader" when obj.Type.Name == "csv.DictWriter" && c.Args.Count == 0:
                    return new Ex($"{obj.P}.WriteHeader()", Written, true);
                case "writerow" when c.Args.Count == 1:
                    return new Ex($"{obj.P}.WriteRow({Emitter.BoxOf(e.Expr(c.Args[0]))})", Written, true);
                case "writerows" when c.Args.Count == 1:
                    return new Ex($"{obj.P}.WriteRows({Emitter.BoxOf(e.Expr(c.Args[0]))})", PyType.None, true);
            }
            return e.NotSupported(c, $"{obj.Type.Name}.{method}()");
        }
    }
}
