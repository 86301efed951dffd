using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>html</c> module: <c>escape</c> as CPython's, and <c>unescape</c> with CPython's rules for numeric
/// references (the Windows-1252 remapping of 0x80-0x9F, U+FFFD for surrogates and out-of-range numbers, nothing for
/// control characters). Named references are HTML 5's 2231 names from CPython's <c>html.entities.html5</c>
/// (<see cref="HtmlEntities"/>), with the longest-prefix rule for names without their semicolon.
/// </summary>
public static partial class HtmlModule
{
    // html._charref: the references unescape looks at
    [GeneratedRegex(@"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)", RegexOptions.CultureInvariant)]
    private static partial Regex CharRef();

    // html._invalid_charrefs from 0x80: what browsers read for the C1 range (Windows-1252)
    private const string C1 = "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178";

    public static string Escape(string s, bool quote = true)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when quote => "&quot;",
                '\'' when quote => "&#x27;",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    public static string Unescape(string s) => s.Contains('&', StringComparison.Ordinal) ? CharRef().Replace(s, m => Replace(m.Groups[1].Value)) : s;

    private static string Replace(string r)
    {
        if (r[0] == '#') return NumericRef(r);
        if (Named.Value.TryGetValue(r, out var text)) return text;
        // the longest known name that prefixes the reference, as html._replace_charref does ("&notit;" is "¬it;")
        for (int x = r.Length - 1; x > 1; x--)
            if (Named.Value.TryGetValue(r[..x], out var prefix)) return prefix + r[x..];
        return "&" + r;
    }

    private static readonly Lazy<Dictionary<string, string>> Named = new(LoadNamed);

    private static Dictionary<string, string> LoadNamed()
    {
        var names = new Dictionary<string, string>(2231, StringComparer.Ordinal);
        foreach (var line in HtmlEntities.Table.Split('\u0000', StringSplitOptions.RemoveEmptyEntries))
        {
            int cut = line.IndexOf('\u0001', StringComparison.Ordinal);
            names[line[..cut]] = line[(cut + 1)..];
        }
        return names;
    }

    private static string NumericRef(string r)
    {
        bool hex = r.Length > 1 && r[1] is 'x' or 'X';
        string digits = r[(hex ? 2 : 1)..].TrimEnd(';');
        // an absurdly long number is out of range like any other above 0x10FFFF
        return long.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out long num) ? CodePoint(num) : "\ufffd";
    }

    private static string CodePoint(long num)
    {
        if (num == 0) return "\ufffd";
        if (num == 0x0d) return "\r";
        if (num is >= 0x80 and <= 0x9f) return C1[(int)num - 0x80].ToString();
        if (num is >= 0xD800 and <= 0xDFFF or > 0x10FFFF) return "\ufffd";
        if (InvalidCodepoint(num)) return "";
        return char.ConvertFromUtf32((int)num);
    }

    // html._invalid_codepoints: controls, noncharacters
    private static bool InvalidCodepoint(long n) =>
        n is >= 0x1 and <= 0x8 or 0xb or >= 0xe and <= 0x1f or >= 0x7f and <= 0x9f or >= 0xfdd0 and <= 0xfdef || (n & 0xfffe) == 0xfffe;
}
