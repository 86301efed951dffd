using System.Text.RegularExpressions;
using Batuta.Python;
using Batuta.Python.Metrics;

namespace Batuta.Core.Phases.Analysis;

/// <summary>What Analysis learns from one Python file.</summary>
public sealed class PythonFileInsight
{
    public List<string> Imports { get; } = [];
    public List<FunctionComplexity> Functions { get; } = [];
    public int DebtMarkers { get; set; }
    public LineCounts Lines { get; set; }

    /// <summary>Set when the file does not parse: (line, column, message).</summary>
    public (int Line, int Column, string Message)? SyntaxError { get; set; }
}

/// <summary>
/// Per-file Python facts for Analysis, from the Batuta.Python parser: imports, complexity per
/// function and line counts (docstrings count as code, as the parser's metrics define them).
/// Debt markers come from a scan of comments.
/// </summary>
public static partial class PythonInsight
{
    public static PythonFileInsight Measure(string relativePath, byte[] bytes)
    {
        var parse = PythonParser.Parse(bytes, relativePath);
        var metrics = PythonMetrics.Compute(parse);
        var insight = new PythonFileInsight
        {
            Lines = new LineCounts(metrics.Lines.Code, metrics.Lines.CommentOnly, metrics.Lines.Blank),
        };
        if (parse.Errors.FirstOrDefault() is { } error)
            insight.SyntaxError = (error.Line, error.Column, $"{error.ErrorType}: {error.Message}");
        insight.Imports.AddRange(metrics.Imports.Where(i => !i.IsRelative).Select(i => i.Module));
        insight.Functions.AddRange(metrics.Functions.Select(f => new FunctionComplexity
        {
            File = relativePath,
            Name = f.QualifiedName,
            Line = f.Line,
            Cyclomatic = f.Cyclomatic,
            Cognitive = f.Cognitive,
            Length = f.Lines,
        }));
        foreach (var line in parse.Source.Text.Split('\n'))
            insight.DebtMarkers += DebtMarker().Matches(line).Count;
        return insight;
    }

    /// <summary>Self-admitted technical debt in comments.</summary>
    [GeneratedRegex(@"#.*?\b(TODO|FIXME|HACK|XXX)\b")]
    private static partial Regex DebtMarker();
}
