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
            switch (style)
            {
                case CommentStyle.CFamily when line.StartsWith("//", StringComparison.Ordinal):
                    comment++;
                    break;
                case CommentStyle.CFamily when line.StartsWith("/*", StringComparison.Ordinal):
                    comment++;
                    inBlock = !line.Contains("*/", StringComparison.Ordinal);
                    break;
                case CommentStyle.Hash when line.StartsWith('#'):
                case CommentStyle.DoubleDash when line.StartsWith("--", StringComparison.Ordinal):
                case CommentStyle.Bang when line.StartsWith('!'):
                case CommentStyle.Percent when line.StartsWith('%'):
                    comment++;
                    break;
                default:
                    code++;
                    break;
            }
        }
        // A trailing newline does not make a blank line.
        if (text.EndsWith('\n') && blank > 0) blank--;
        return new LineCounts(code, comment, blank);
    }
}
