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

        private static readonly string[] ReaderOptions = { "delimiter", "quotechar", "skipinitialspace", "quoting" };
        private static readonly string[] WriterOptions = { "delimiter", "quotechar", "lineterminator", "quoting" };
        private static readonly string[] DictReaderOptions = { "restval", "delimiter", "quotechar", "skipinitialspace" };
        private static readonly string[] DictWriterOptions = { "restval", "extrasaction", "delimiter", "quotechar", "lineterminator", "quoting" };

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

        /// <summary>csv.f(...): the module's four entry points.</summary>
        public static Ex Call(Emitter e, string qualified, Call c)
        {
            if (c.Args.Count == 0) return e.NotSupported(c, qualified + "() without a file");
            var source = e.Expr(c.Args[0]);
            switch (qualified)
            {
                case "csv.reader":
                    return Options(e, c, 1, ReaderOptions, $"CsvModule.Reader({e.EnumerableOf(source)}", PyType.Iterable(PyType.List(PyType.Str)), iterator: true);
                case "csv.writer":
                    return Options(e, c, 1, WriterOptions, $"CsvModule.Writer({source.Code}", Writer, iterator: false);
                case "csv.DictReader":
                {
                    var names = FieldNames(e, c);
                    string head = $"CsvModule.DictReader({e.EnumerableOf(source)}{(names is null ? "" : ", fieldnames: " + names)}";
                    return Options(e, c, 2, DictReaderOptions, head, PyType.Iterable(PyType.Dict(PyType.Str, PyType.Str)), iterator: true);
                }
                case "csv.DictWriter":
                {
                    var names = FieldNames(e, c);
                    if (names is null) return e.NotSupported(c, "csv.DictWriter() without fieldnames");
                    return Options(e, c, 2, DictWriterOptions, $"CsvModule.DictWriter({source.Code}, {names}", DictWriter, iterator: false);
                }
            }
            return e.NotSupported(c, qualified + "()", "use csv.reader, csv.writer, csv.DictReader or csv.DictWriter");
        }

        private static string? FieldNames(Emitter e, Call c)
        {
            var node = c.Args.Count > 1 ? c.Args[1] : c.Keywords.FirstOrDefault(k => k.Arg == "fieldnames")?.Value;
            return node is null ? null : e.EnumerableOf(e.CoerceTo(e.Expr(node), PyType.List(PyType.Str)));
        }

        /// <summary>The call with its keyword options as named C# arguments; other keywords or extra positionals are T-004.</summary>
        private static Ex Options(Emitter e, Call c, int positionals, string[] allowed, string head, PyType type, bool iterator)
        {
            if (c.Args.Count > positionals) return e.NotSupported(c, "csv options passed by position (a dialect)", "pass delimiter=..., quotechar=... by keyword");
            var parts = new List<string>();
            foreach (var k in c.Keywords)
            {
                if (k.Arg == "fieldnames") continue;
                if (k.Arg is null || !allowed.Contains(k.Arg)) return e.NotSupported(c, $"csv option {k.Arg ?? "**kwargs"}", "supported: " + string.Join(", ", allowed));
                parts.Add($"{k.Arg}: {Option(e, k.Arg, k.Value)}");
            }
            var ex = new Ex(head + string.Concat(parts.Select(p => ", " + p)) + ")", type, true);
            return iterator ? ex.AsIterator() : ex;
        }

        private static string Option(Emitter e, string name, ExpressionNode value) => name switch
        {
            "skipinitialspace" => e.TruthOf(e.Expr(value)),
            "quoting" => Emitter.Long(e.Expr(value, PyType.Int)),
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
