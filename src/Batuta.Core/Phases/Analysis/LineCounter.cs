namespace Batuta.Core.Phases.Analysis;

/// <summary>Code, comment and blank line counts for one file.</summary>
public readonly record struct LineCounts(int Code, int Comment, int Blank)
{
    public int Total => Code + Comment + Blank;

    public static LineCounts operator +(LineCounts a, LineCounts b) => new(a.Code + b.Code, a.Comment + b.Comment, a.Blank + b.Blank);
}

/// <summary>
/// Counts lines by comment style. A line with code and a trailing comment counts as code. Python
/// docstrings are counted by the parser-based metrics, not here; this counter is the language-neutral
/// fallback used for every language.
/// </summary>
public static class LineCounter
{
    public static LineCounts Count(string text, CommentStyle style)
    {
        int code = 0, comment = 0, blank = 0;
        bool inBlock = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (inBlock)
            {
                comment++;
                if (line.Contains("*/", StringComparison.Ordinal)) inBlock = false;
                continue;
            }
            if (line.Length == 0) { blank++; continue; }
            if (!IsCommentLine(line, style)) { code++; continue; }
            comment++;
            inBlock = OpensBlockComment(line, style);
        }
        // A trailing newline does not make a blank line.
        if (text.EndsWith('\n') && blank > 0) blank--;
        return new LineCounts(code, comment, blank);
    }

    /// <summary>Whether a trimmed, non-empty line starts with a comment in <paramref name="style"/>.</summary>
    private static bool IsCommentLine(string line, CommentStyle style) => style switch
    {
        CommentStyle.CFamily => line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("/*", StringComparison.Ordinal),
        CommentStyle.Hash => line.StartsWith('#'),
        CommentStyle.DoubleDash => line.StartsWith("--", StringComparison.Ordinal),
        CommentStyle.Bang => line.StartsWith('!'),
        CommentStyle.Percent => line.StartsWith('%'),
        _ => false,
    };

    /// <summary>A "/*" comment line that does not close on the same line: the lines after it are comment until "*/".</summary>
    private static bool OpensBlockComment(string line, CommentStyle style) =>
        style == CommentStyle.CFamily
        && line.StartsWith("/*", StringComparison.Ordinal)
        && !line.Contains("*/", StringComparison.Ordinal);
}
