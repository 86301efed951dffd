using Batuta.Python.Ast;

namespace Batuta.Python.Metrics
{
    /// <summary>Code metrics for the Analysis phase: complexity per function, line counts and imports.</summary>
    public static class PythonMetrics
    {
        /// <summary>Computes the metrics of a parsed file (a partial tree when the parse had errors).</summary>
        public static ModuleMetrics Compute(ParseResult parse)
        {
            if (parse is null) throw new ArgumentNullException(nameof(parse));
            var module = parse.Module ?? new Module(NodeList<StatementNode>.Empty, NodeList<TypeIgnoreNode>.Empty, SourceSpan.None);
            var functions = new List<FunctionMetrics>();
            int classes = 0;
            CollectFunctions(module.Body, "", false, functions, ref classes, parse.Source);
            var imports = ImportCollector.Collect(module);
            return new ModuleMetrics
            {
                Path = parse.Source.Path,
                ParsedCleanly = parse.Success,
                Lines = LineCounter.Count(parse.Source, module),
                Functions = functions,
                ClassCount = classes,
                ModuleCyclomatic = CyclomaticComplexity.OfBody(module.Body),
                Imports = imports,
                TopLevelImports = imports.Where(i => !i.IsRelative).Select(i => i.Module.Split('.')[0]).Distinct(StringComparer.Ordinal)
                    .OrderBy(s => s, StringComparer.Ordinal).ToList(),
            };
        }

        /// <summary>Parses and measures source text in one call.</summary>
        public static ModuleMetrics Compute(string source, string path = "<unknown>") => Compute(PythonParser.Parse(source, path));

        private static void CollectFunctions(NodeList<StatementNode> body, string prefix, bool inClass, List<FunctionMetrics> sink, ref int classes, PythonSource source)
        {
            foreach (var s in body) CollectFrom(s, prefix, inClass, sink, ref classes, source);
        }

        private static void CollectFrom(StatementNode s, string prefix, bool inClass, List<FunctionMetrics> sink, ref int classes, PythonSource source)
        {
            switch (s)
            {
                case FunctionDef f:
                    AddFunction(f, f.Name, f.Args, f.Body, false, prefix, inClass, sink, ref classes, source);
                    return;
                case AsyncFunctionDef f:
                    AddFunction(f, f.Name, f.Args, f.Body, true, prefix, inClass, sink, ref classes, source);
                    return;
                case ClassDef c:
                    classes++;
                    CollectFunctions(c.Body, prefix + c.Name + ".", true, sink, ref classes, source);
                    return;
            }
            // Defs can sit inside compound statements (if TYPE_CHECKING:, try:, with ...:).
            foreach (var child in ChildBodies(s))
                CollectFunctions(child, prefix, inClass, sink, ref classes, source);
        }

        internal static IEnumerable<NodeList<StatementNode>> ChildBodies(StatementNode s)
        {
            switch (s)
            {
                case If i: yield return i.Body; yield return i.Orelse; break;
                case For f: yield return f.Body; yield return f.Orelse; break;
                case AsyncFor f: yield return f.Body; yield return f.Orelse; break;
                case While w: yield return w.Body; yield return w.Orelse; break;
                case With w: yield return w.Body; break;
                case AsyncWith w: yield return w.Body; break;
                case Try t:
                    yield return t.Body;
                    foreach (var h in t.Handlers) yield return ((ExceptHandler)h).Body;
                    yield return t.Orelse;
                    yield return t.Finalbody;
                    break;
                case TryStar t:
                    yield return t.Body;
                    foreach (var h in t.Handlers) yield return ((ExceptHandler)h).Body;
                    yield return t.Orelse;
                    yield return t.Finalbody;
                    break;
                case Match m:
                    foreach (var c in m.Cases) yield return c.Body;
                    break;
            }
        }

        private static void AddFunction(StatementNode node, string name, Arguments args, NodeList<StatementNode> body, bool isAsync,
            string prefix, bool inClass, List<FunctionMetrics> sink, ref int classes, PythonSource source)
        {
            var cognitive = new CognitiveComplexity(name, inClass, source);
            int cog = cognitive.OfBody(body);
            sink.Add(new FunctionMetrics
            {
                Name = name,
                QualifiedName = prefix + name,
                IsMethod = inClass,
                IsAsync = isAsync,
                Line = node.Line,
                EndLine = node.EndLine,
                ParameterCount = args.Posonlyargs.Count + args.Args.Count + args.Kwonlyargs.Count + (args.Vararg is null ? 0 : 1) + (args.Kwarg is null ? 0 : 1),
                Cyclomatic = CyclomaticComplexity.OfBody(body),
                Cognitive = cog,
                MaxNesting = cognitive.MaxNesting,
            });
            CollectFunctions(body, prefix + name + ".<locals>.", false, sink, ref classes, source);
        }
    }
}
