using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>textwrap</c> (wrap, fill, dedent, indent, shorten), ported from CPython 3.11 so lines break where
/// CPython breaks them: the same word-splitting regex (hyphenated words split after the hyphen), whitespace dropped
/// at line ends, long words broken at the width (after a hyphen when one fits). argparse's help uses it too.
/// </summary>
public static class TextWrap
{
    private const string Ws = @"[\t\n\x0b\x0c\r ]";
    private const string WordPunct = @"[\w!""'&.,?]";
    private const string Letter = @"[^\d\W]";

    private static readonly Regex WordSep = new(
        "(" + Ws + "+"
        + "|(?<=" + WordPunct + @")-{2,}(?=\w)"
        + "|[^\t\n\x0b\x0c\r ]+?(?:"
        + "-(?:(?<=" + Letter + "{2}-)|(?<=" + Letter + "-" + Letter + "-))(?=" + Letter + "-?" + Letter + ")"
        + "|(?=" + Ws + @"|\z)"
        + "|(?<=" + WordPunct + @")(?=-{2,}\w)"
        + "))", RegexOptions.CultureInvariant);

    public static PyList<string> Wrap(string text, long width = 70, string initialIndent = "", string subsequentIndent = "", bool breakLongWords = true, bool breakOnHyphens = true)
    {
        if (width <= 0) throw new ValueError($"invalid width {width} (must be > 0)");
        text = Munge(text);
        var chunks = breakOnHyphens
            ? WordSep.Split(text).Where(c => c.Length > 0).ToList()
            : Regex.Split(text, "(" + Ws + "+)").Where(c => c.Length > 0).ToList();
        return WrapChunks(chunks, (int)width, initialIndent, subsequentIndent, breakLongWords, breakOnHyphens);
    }

    public static string Fill(string text, long width = 70, string initialIndent = "", string subsequentIndent = "") =>
        string.Join("\n", Wrap(text, width, initialIndent, subsequentIndent));

    /// <summary>Tabs expanded to 8 columns, every whitespace character a space (TextWrapper._munge_whitespace).</summary>
    private static string Munge(string text)
    {
        var sb = new StringBuilder(text.Length);
        int col = 0;
        foreach (char c in text)
        {
            if (c == '\t') { int n = 8 - col % 8; sb.Append(' ', n); col += n; continue; }
            if (c is '\n' or '\x0b' or '\x0c' or '\r') { sb.Append(' '); col = c == '\n' || c == '\r' ? 0 : col + 1; continue; }
            sb.Append(c);
            col++;
        }
        return sb.ToString();
    }

    private static PyList<string> WrapChunks(List<string> chunks, int width, string initialIndent, string subsequentIndent, bool breakLongWords, bool breakOnHyphens)
    {
        var lines = new PyList<string>();
        chunks.Reverse();
        while (chunks.Count > 0)
        {
            var cur = new List<string>();
            int curLen = 0;
            string indent = lines.Count > 0 ? subsequentIndent : initialIndent;
            int w = width - indent.Length;
            if (chunks[^1].Trim() == "" && lines.Count > 0) chunks.RemoveAt(chunks.Count - 1);
            while (chunks.Count > 0)
            {
                int l = chunks[^1].Length;
                if (curLen + l <= w) { cur.Add(chunks[^1]); chunks.RemoveAt(chunks.Count - 1); curLen += l; }
                else break;
            }
            if (chunks.Count > 0 && chunks[^1].Length > w)
            {
                // _handle_long_word
                int spaceLeft = w < 1 ? 1 : w - curLen;
                if (breakLongWords)
                {
                    int end = spaceLeft;
                    var chunk = chunks[^1];
                    if (breakOnHyphens && chunk.Length > spaceLeft)
                    {
                        int hyphen = chunk.LastIndexOf('-', Math.Max(0, spaceLeft - 1), Math.Max(0, spaceLeft));
                        if (spaceLeft > 0 && hyphen > 0 && chunk.Take(hyphen).Any(ch => ch != '-')) end = hyphen + 1;
                    }
                    cur.Add(chunk.Substring(0, end));
                    chunks[^1] = chunk.Substring(end);
                    curLen += end;
                }
                else if (cur.Count == 0)
                {
                    cur.Add(chunks[^1]);
                    chunks.RemoveAt(chunks.Count - 1);
                }
            }
            if (cur.Count > 0 && cur[^1].Trim() == "")
            {
                curLen -= cur[^1].Length;
                cur.RemoveAt(cur.Count - 1);
            }
            if (cur.Count > 0) lines.Append(indent + string.Concat(cur));
        }
        return lines;
    }

    /// <summary>textwrap.dedent: the whitespace prefix common to all non-blank lines removed; blank lines emptied.</summary>
    public static string Dedent(string text)
    {
        var lines = text.Split('\n');
        string? margin = null;
        foreach (var line in lines)
        {
            if (line.Trim(' ', '\t').Length == 0) continue;
            var indent = line.Substring(0, line.Length - line.TrimStart(' ', '\t').Length);
            if (margin is null) margin = indent;
            else if (indent.StartsWith(margin, StringComparison.Ordinal)) { }
            else if (margin.StartsWith(indent, StringComparison.Ordinal)) margin = indent;
            else
            {
                int k = 0;
                while (k < margin.Length && k < indent.Length && margin[k] == indent[k]) k++;
                margin = margin.Substring(0, k);
            }
        }
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            var line = lines[i];
            if (line.Trim(' ', '\t').Length == 0) continue;
            sb.Append(margin is not null && margin.Length > 0 && line.StartsWith(margin, StringComparison.Ordinal) ? line.Substring(margin.Length) : line);
        }
        return sb.ToString();
    }

    /// <summary>textwrap.indent: the prefix added to every line that is not only whitespace, or that the predicate accepts.</summary>
    public static string Indent(string text, string prefix, object? predicate = null)
    {
        var sb = new StringBuilder();
        foreach (var line in PyStrLines(text))
            sb.Append((predicate is null ? line.Trim().Length > 0 : Dyn.Truth(Dyn.Call(predicate, line))) ? prefix + line : line);
        return sb.ToString();
    }

    /// <summary>textwrap.shorten: whitespace collapsed, then cut at word boundaries to fit with the placeholder.</summary>
    public static string Shorten(string text, long width, string placeholder = " [...]")
    {
        var collapsed = string.Join(" ", text.Split(new[] { ' ', '\t', '\n', '\r', '\x0b', '\x0c' }, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= width) return collapsed;
        var words = collapsed.Split(' ');
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            int next = (sb.Length == 0 ? 0 : sb.Length + 1) + word.Length;
            if (next + placeholder.Length > width) break;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word);
        }
        if (sb.Length == 0) return placeholder.TrimStart().Length <= width ? placeholder.TrimStart() : throw new ValueError("placeholder too large for max width");
        return sb + placeholder;
    }

    /// <summary>The lines of a str with their line endings kept (str.splitlines(keepends=True) for \n and \r\n).</summary>
    private static IEnumerable<string> PyStrLines(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            yield return text.Substring(start, i - start + 1);
            start = i + 1;
        }
        if (start < text.Length) yield return text.Substring(start);
    }
}
