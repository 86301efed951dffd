using System.Text.RegularExpressions;

namespace Batuta.Core.Phases.Analysis;

/// <summary>What Analysis learns from one Python file.</summary>
public sealed class PythonFileInsight
{
    public List<string> Imports { get; } = [];
    public List<FunctionComplexity> Functions { get; } = [];
    public int DebtMarkers { get; set; }

    /// <summary>Set when the file does not parse: (line, column, message).</summary>
    public (int Line, int Column, string Message)? SyntaxError { get; set; }

    /// <summary>False when only a lexical scan was possible (no complexity).</summary>
    public bool ComplexityMeasured { get; set; }
}

/// <summary>
/// Per-file Python facts for Analysis. Debt markers are a comment scan; imports and complexity come
/// from a scan of import statements until the Batuta.Python metrics are wired in.
/// </summary>
public static partial class PythonInsight
{
    public static PythonFileInsight Measure(string relativePath, string text)
    {
        var insight = new PythonFileInsight();
        foreach (var line in text.Split('\n'))
        {
            var m = ImportLine().Match(line);
            if (m.Success)
            {
                if (m.Groups["from"].Success)
                {
                    if (!m.Groups["from"].Value.StartsWith('.')) insight.Imports.Add(m.Groups["from"].Value);
                }
                else
                {
                    foreach (var part in m.Groups["names"].Value.Split(','))
                    {
                        var name = part.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                        if (!string.IsNullOrEmpty(name)) insight.Imports.Add(name);
                    }
                }
            }
            insight.DebtMarkers += DebtMarker().Matches(line).Count;
        }
        return insight;
    }

    [GeneratedRegex(@"^\s*(?:from\s+(?<from>\.*[\w.]*)\s+import\b|import\s+(?<names>[\w., ]+?)\s*(?:#.*)?$)")]
    private static partial Regex ImportLine();

    /// <summary>Self-admitted technical debt in comments.</summary>
    [GeneratedRegex(@"#.*?\b(TODO|FIXME|HACK|XXX)\b")]
    private static partial Regex DebtMarker();
}
