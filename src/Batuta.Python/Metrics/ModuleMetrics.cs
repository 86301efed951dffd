namespace Batuta.Python.Metrics
{
    /// <summary>Everything the Analysis phase needs from one Python file. Plain data, safe to serialise.</summary>
    public sealed record ModuleMetrics
    {
        public string Path { get; init; } = "<unknown>";

        /// <summary>False when the file has syntax errors; the counts then cover what did parse.</summary>
        public bool ParsedCleanly { get; init; }

        public LineCounts Lines { get; init; } = new LineCounts();

        /// <summary>Every def and async def (methods and nested functions included), in source order.</summary>
        public IReadOnlyList<FunctionMetrics> Functions { get; init; } = Array.Empty<FunctionMetrics>();

        public int ClassCount { get; init; }

        /// <summary>Cyclomatic complexity of module-level code (outside any def), starting at 1.</summary>
        public int ModuleCyclomatic { get; init; }

        public IReadOnlyList<ImportInfo> Imports { get; init; } = Array.Empty<ImportInfo>();

        /// <summary>Distinct first components of absolute imports (dependency candidates), sorted.</summary>
        public IReadOnlyList<string> TopLevelImports { get; init; } = Array.Empty<string>();

        public int MaxCyclomatic => Functions.Count == 0 ? ModuleCyclomatic : Math.Max(ModuleCyclomatic, Functions.Max(f => f.Cyclomatic));

        public int MaxCognitive => Functions.Count == 0 ? 0 : Functions.Max(f => f.Cognitive);

        public double AverageCyclomatic => Functions.Count == 0 ? ModuleCyclomatic : Functions.Average(f => f.Cyclomatic);
    }

    /// <summary>Physical line classification (each line counted once).</summary>
    public sealed record LineCounts
    {
        /// <summary>All lines of the file.</summary>
        public int Total { get; init; }

        /// <summary>Lines holding at least one token of code (lines inside multi-line strings included).</summary>
        public int Code { get; init; }

        /// <summary>Lines holding only a comment.</summary>
        public int CommentOnly { get; init; }

        /// <summary>Lines holding a comment, alone or after code.</summary>
        public int WithComment { get; init; }

        /// <summary>Lines with only whitespace.</summary>
        public int Blank { get; init; }

        /// <summary>Lines covered by module, class and function docstrings (a subset of <see cref="Code"/>).</summary>
        public int Docstring { get; init; }
    }

    /// <summary>Complexity of one function, method or nested function.</summary>
    public sealed record FunctionMetrics
    {
        public string Name { get; init; } = "";

        /// <summary>Python's __qualname__: <c>Class.method</c>, <c>outer.&lt;locals&gt;.inner</c>.</summary>
        public string QualifiedName { get; init; } = "";

        public bool IsMethod { get; init; }

        public bool IsAsync { get; init; }

        public int Line { get; init; }

        public int EndLine { get; init; }

        public int Lines => EndLine - Line + 1;

        public int ParameterCount { get; init; }

        /// <summary>McCabe complexity, counted as radon counts it (see docs/python-parser.md).</summary>
        public int Cyclomatic { get; init; }

        /// <summary>SonarSource cognitive complexity (see docs/python-parser.md).</summary>
        public int Cognitive { get; init; }

        /// <summary>Deepest nesting of control structures in the body.</summary>
        public int MaxNesting { get; init; }
    }

    /// <summary>One import statement's module (one record per imported module for 'import a, b').</summary>
    public sealed record ImportInfo
    {
        /// <summary>The module as written, with leading dots for relative imports (".", "..pkg.mod").</summary>
        public string Module { get; init; } = "";

        /// <summary>Names imported by 'from m import a, b' ("*" for star imports); empty for 'import m'.</summary>
        public IReadOnlyList<string> Names { get; init; } = Array.Empty<string>();

        /// <summary>Number of leading dots (0 for absolute imports).</summary>
        public int Level { get; init; }

        public bool IsRelative => Level > 0;

        public bool IsFromImport { get; init; }

        public int Line { get; init; }

        /// <summary>Inside a def or class body rather than at module level.</summary>
        public bool IsNested { get; init; }

        /// <summary>Inside a try block or an if statement: an optional dependency.</summary>
        public bool IsConditional { get; init; }
    }
}
