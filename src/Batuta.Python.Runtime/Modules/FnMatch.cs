using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>fnmatch</c> on POSIX (no case folding): <c>translate</c> builds CPython 3.11's regular expression,
/// character for character, and the matches run it through the runtime's <c>re</c>.
/// </summary>
public static class FnMatch
{
    public static bool Match(object? name, object? pat) => MatchCase(name, pat);

    public static bool MatchCase(object? name, object? pat) => Compile(pat).Match(Text(name)) is not null;

    public static PyList<string> Filter(object? names, object? pat)
    {
        var pattern = Compile(pat);
        var result = new PyList<string>();
        foreach (var item in Dyn.Iter(names))
        {
            var name = Text(item);
            if (pattern.Match(name) is not null) result.Append(name);
        }
        return result;
    }

    private static RePattern Compile(object? pat) => ReModule.Compile(Translate(pat));

    private static string Text(object? s) => StrArgument.Of(s, "fnmatch");

    /// <summary>fnmatch.translate: the pattern's pieces, each run of stars folded into one, then joined.</summary>
    public static string Translate(object? pattern)
    {
        string pat = Text(pattern);
        var pieces = new List<string?>();
        int i = 0;
        while (i < pat.Length)
        {
            char c = pat[i++];
            if (c == '*')
            {
                // null stands for a star
                if (pieces.Count == 0 || pieces[^1] is not null) pieces.Add(null);
            }
            else if (c == '?') pieces.Add(".");
            else if (c == '[') i = Bracket(pat, i, pieces);
            else pieces.Add(ReModule.Escape(c.ToString()));
        }
        return "(?s:" + JoinStars(pieces) + @")\Z";
    }

    /// <summary>A [...] set from just after its '[': its class (or an escaped '[' where it is not closed); returns where to go on.</summary>
    private static int Bracket(string pat, int i, List<string?> pieces)
    {
        int j = i;
        if (j < pat.Length && pat[j] == '!') j++;
        if (j < pat.Length && pat[j] == ']') j++;
        while (j < pat.Length && pat[j] != ']') j++;
        if (j >= pat.Length)
        {
            pieces.Add("\\[");
            return i;
        }
        string stuff = pat[i..j].Contains('-') ? RangeChunks(pat, i, j) : pat[i..j].Replace("\\", "\\\\", StringComparison.Ordinal);
        pieces.Add(SetClass(EscapeSetOperators(stuff)));
        return j + 1;
    }

    /// <summary>A set with ranges: split at the hyphens that make ranges, empty ranges (z-a) dropped, the rest escaped.</summary>
    private static string RangeChunks(string pat, int i, int j)
    {
        var chunks = new List<string>();
        int k = pat[i] == '!' ? i + 2 : i + 1;
        while (true)
        {
            k = k < j ? pat.IndexOf('-', k, j - k) : -1;
            if (k < 0) break;
            chunks.Add(pat[i..k]);
            i = k + 1;
            k += 3;
        }
        string chunk = pat[i..j];
        if (chunk.Length > 0) chunks.Add(chunk);
        else chunks[^1] += "-";
        for (int m = chunks.Count - 1; m > 0; m--)
        {
            if (chunks[m - 1][^1] > chunks[m][0])
            {
                chunks[m - 1] = chunks[m - 1][..^1] + chunks[m][1..];
                chunks.RemoveAt(m);
            }
        }
        return string.Join("-", chunks.Select(s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal)));
    }

    // re.sub(r'([&~|])', r'\\\1', stuff): set operations a future re may read
    private static string EscapeSetOperators(string stuff)
    {
        var sb = new StringBuilder(stuff.Length);
        foreach (char ch in stuff)
        {
            if (ch is '&' or '~' or '|') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string SetClass(string stuff)
    {
        if (stuff.Length == 0) return "(?!)";
        if (stuff == "!") return ".";
        if (stuff[0] == '!') stuff = "^" + stuff[1..];
        else if (stuff[0] is '^' or '[') stuff = "\\" + stuff;
        return "[" + stuff + "]";
    }

    /// <summary>The pieces with each star between fixed parts as an atomic lazy match (CPython's guard against backtracking).</summary>
    private static string JoinStars(List<string?> pieces)
    {
        var sb = new StringBuilder();
        int i = 0, n = pieces.Count;
        while (i < n && pieces[i] is { } lead) { sb.Append(lead); i++; }
        while (i < n)
        {
            i++;
            if (i == n)
            {
                sb.Append(".*");
                break;
            }
            var fixedPart = new StringBuilder();
            while (i < n && pieces[i] is { } piece) { fixedPart.Append(piece); i++; }
            if (i == n) sb.Append(".*").Append(fixedPart);
            else sb.Append("(?>.*?").Append(fixedPart).Append(')');
        }
        return sb.ToString();
    }
}
