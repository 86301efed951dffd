using Batuta.Python.Ast;

namespace Batuta.Python.Metrics
{
    /// <summary>Every import in a module, wherever it sits, with the context a dependency analysis needs.</summary>
    internal static class ImportCollector
    {
        public static List<ImportInfo> Collect(Module module)
        {
            var list = new List<ImportInfo>();
            Walk(module.Body, nested: false, conditional: false, list);
            return list;
        }

        private static void Walk(NodeList<StatementNode> body, bool nested, bool conditional, List<ImportInfo> sink)
        {
            foreach (var s in body)
            {
                switch (s)
                {
                    case Import imp:
                        foreach (var a in imp.Names)
                            sink.Add(new ImportInfo { Module = a.Name, Line = s.Line, IsNested = nested, IsConditional = conditional });
                        break;
                    case ImportFrom f:
                        sink.Add(new ImportInfo
                        {
                            Module = new string('.', f.Level ?? 0) + (f.Module ?? ""),
                            Names = f.Names.Select(a => a.Name).ToList(),
                            Level = f.Level ?? 0,
                            IsFromImport = true,
                            Line = s.Line,
                            IsNested = nested,
                            IsConditional = conditional,
                        });
                        break;
                    case FunctionDef fd: Walk(fd.Body, true, conditional, sink); break;
                    case AsyncFunctionDef fd: Walk(fd.Body, true, conditional, sink); break;
                    case ClassDef c: Walk(c.Body, true, conditional, sink); break;
                    case If or Try or TryStar:
                        foreach (var b in PythonMetrics.ChildBodies(s)) Walk(b, nested, true, sink);
                        break;
                    default:
                        foreach (var b in PythonMetrics.ChildBodies(s)) Walk(b, nested, conditional, sink);
                        break;
                }
            }
        }
    }
}
