using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python regular-expression syntax → .NET syntax with the same meaning, or re.error for what .NET cannot express.
/// The differences handled: named groups (<c>(?P&lt;n&gt;…)</c>, <c>(?P=n)</c>) become numbered groups, because .NET
/// numbers named groups after the unnamed ones while Python numbers all groups left to right; <c>\Z</c> is .NET's
/// <c>\z</c>; <c>\U0001F600</c> becomes a surrogate pair; under re.ASCII <c>\d \w \s \b</c> are the ASCII classes;
/// inline flags <c>a u L</c>; possessive quantifiers (3.11) are refused with a hint.
/// </summary>
internal static class ReTranslator
{
    public sealed record Result(string Pattern, RegexOptions Options, int GroupCount, Dictionary<string, int> Names, long InlineFlags);

    public static Result Translate(string p, long flags)
    {
        bool ascii = (flags & ReFlagBits.ASCII) != 0;
        bool verbose = (flags & ReFlagBits.VERBOSE) != 0;
        var options = RegexOptions.CultureInvariant;
        if ((flags & ReFlagBits.IGNORECASE) != 0) options |= RegexOptions.IgnoreCase;
        if ((flags & ReFlagBits.MULTILINE) != 0) options |= RegexOptions.Multiline;
        if ((flags & ReFlagBits.DOTALL) != 0) options |= RegexOptions.Singleline;
        if (verbose) options |= RegexOptions.IgnorePatternWhitespace;

        // Global inline flags at the start: (?aiLmsux)
        var leading = Regex.Match(p, @"^\(\?([aiLmsux]+)\)");
        long inline = 0;
        if (leading.Success)
        {
            inline = InlineFlagBits(leading.Groups[1].Value);
            foreach (char f in leading.Groups[1].Value)
            {
                switch (f)
                {
                    case 'a': ascii = true; break;
                    case 'i': options |= RegexOptions.IgnoreCase; break;
                    case 'm': options |= RegexOptions.Multiline; break;
                    case 's': options |= RegexOptions.Singleline; break;
                    case 'x': options |= RegexOptions.IgnorePatternWhitespace; verbose = true; break;
                    case 'L': throw new ReError("bad inline flags: cannot use 'L' flag with a str pattern");
                }
            }
            p = p.Substring(leading.Length);
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        int groups = 0;
        var sb = new StringBuilder(p.Length + 16);
        bool inClass = false;
        int classStart = -1;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\')
            {
                if (i + 1 >= p.Length) throw new ReError($"bad escape (end of pattern) at position {i}");
                char d = p[++i];
                switch (d)
                {
                    case 'Z' when !inClass: sb.Append(@"\z"); break;
                    case 'd' when ascii: sb.Append(inClass ? "0-9" : "[0-9]"); break;
                    case 'D' when ascii: sb.Append(inClass ? throw Unsupported(@"\D inside a class with re.ASCII", i) : "[^0-9]"); break;
                    case 'w' when ascii: sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"); break;
                    case 'W' when ascii: sb.Append(inClass ? throw Unsupported(@"\W inside a class with re.ASCII", i) : "[^a-zA-Z0-9_]"); break;
                    case 's' when ascii: sb.Append(inClass ? @" \t\n\r\f\v" : @"[ \t\n\r\f\v]"); break;
                    case 'S' when ascii: sb.Append(inClass ? throw Unsupported(@"\S inside a class with re.ASCII", i) : @"[^ \t\n\r\f\v]"); break;
                    case 'b' when ascii && !inClass: sb.Append(@"(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))"); break;
                    case 'B' when ascii && !inClass: sb.Append(@"(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))"); break;
                    case 'U':
                    {
                        var hex = p.Substring(i + 1, Math.Min(8, p.Length - i - 1));
                        if (hex.Length < 8 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int cp) || cp > 0x10FFFF)
                            throw new ReError($"bad escape \\U{hex} at position {i - 1}");
                        foreach (char u in char.ConvertFromUtf32(cp)) sb.Append(@"\u").Append(((int)u).ToString("X4", CultureInfo.InvariantCulture));
                        i += 8;
                        break;
                    }
                    case 'N': throw Unsupported(@"\N{name} escapes", i - 1);
                    default:
                        // Python rejects unknown ASCII-letter escapes; .NET would accept some with other meanings.
                        if (char.IsAsciiLetter(d) && "abfnrtvxuAbBdDsSwWZ".IndexOf(d) < 0 && !(d == 'p' || d == 'P'))
                            throw new ReError($"bad escape \\{d} at position {i - 1}");
                        if (d is 'p' or 'P') throw new ReError($"bad escape \\{d} at position {i - 1}");
                        sb.Append('\\').Append(d);
                        break;
                }
                continue;
            }
            if (inClass)
            {
                if (c == ']' && i > classStart + 1 && !(i == classStart + 2 && p[classStart + 1] == '^')) inClass = false;
                else if (c == '[') { sb.Append(@"\["); continue; } // .NET reads [ inside a class as a subtraction start after '-'
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    classStart = i;
                    sb.Append(c);
                    break;
                case '#' when verbose:
                {
                    // a comment to the end of the line
                    int nl = p.IndexOf('\n', i);
                    i = nl < 0 ? p.Length : nl - 1;
                    break;
                }
                case '(':
                {
                    if (i + 1 < p.Length && p[i + 1] == '?')
                    {
                        if (Match(p, i, "(?P<"))
                        {
                            int close = p.IndexOf('>', i + 4);
                            if (close < 0) throw new ReError($"missing >, unterminated name at position {i + 4}");
                            var name = p.Substring(i + 4, close - i - 4);
                            if (!IsIdentifier(name)) throw new ReError($"bad character in group name {Repr.Of(name)} at position {i + 4}");
                            if (names.ContainsKey(name)) throw new ReError($"redefinition of group name {Repr.Of(name)} as group {groups + 1}; was group {names[name]} at position {i + 4}");
                            names[name] = ++groups;
                            sb.Append('(');
                            i = close;
                            break;
                        }
                        if (Match(p, i, "(?P="))
                        {
                            int close = p.IndexOf(')', i + 4);
                            if (close < 0) throw new ReError($"missing ), unterminated name at position {i + 4}");
                            var name = p.Substring(i + 4, close - i - 4);
                            if (!names.TryGetValue(name, out var g)) throw new ReError($"unknown group name {Repr.Of(name)} at position {i + 4}");
                            sb.Append(@"(?:\").Append(g.ToString(CultureInfo.InvariantCulture)).Append(')');
                            i = close;
                            break;
                        }
                        if (Match(p, i, "(?("))
                        {
                            int close = p.IndexOf(')', i + 3);
                            if (close < 0) throw new ReError($"missing ), unterminated name at position {i + 3}");
                            var cond = p.Substring(i + 3, close - i - 3);
                            int g = int.TryParse(cond, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : names.TryGetValue(cond, out var ng) ? ng : throw new ReError($"unknown group name {Repr.Of(cond)} at position {i + 3}");
                            sb.Append("(?(").Append(g.ToString(CultureInfo.InvariantCulture)).Append(')');
                            i = close;
                            break;
                        }
                        if (Match(p, i, "(?<") && !Match(p, i, "(?<=") && !Match(p, i, "(?<!"))
                            throw new ReError($"unknown extension ?<{(i + 3 < p.Length ? p[i + 3] : ' ')} at position {i + 1}");
                        if (Match(p, i, "(?P")) throw new ReError($"unknown extension ?P{(i + 3 < p.Length ? p[i + 3] : ' ')} at position {i + 1}");
                        // scoped inline flags (?aimsux-imsx:...)
                        var scoped = Regex.Match(p.Substring(i), @"^\(\?([aiLmsux]*)(?:-([imsx]+))?(:|\))");
                        if (scoped.Success && (scoped.Groups[1].Length > 0 || scoped.Groups[2].Success))
                        {
                            if (scoped.Groups[3].Value == ")") throw new ReError($"global flags not at the start of the expression at position {i}");
                            var on = scoped.Groups[1].Value.Replace("u", "");
                            if (on.Contains('L')) throw new ReError("bad inline flags: cannot use 'L' flag with a str pattern");
                            if (on.Contains('a')) throw Unsupported("(?a:...) scoped ASCII flag", i);
                            sb.Append("(?").Append(on);
                            if (scoped.Groups[2].Success) sb.Append('-').Append(scoped.Groups[2].Value);
                            sb.Append(':');
                            i += scoped.Length - 1;
                            break;
                        }
                        sb.Append(c);
                        break;
                    }
                    groups++;
                    sb.Append(c);
                    break;
                }
                case '{' when Regex.Match(p.Substring(i), @"^\{,(\d+)\}") is { Success: true } upTo:
                    // {,n} is {0,n} in Python; .NET would read it literally
                    sb.Append("{0,").Append(upTo.Groups[1].Value).Append('}');
                    i += upTo.Length - 1;
                    if (i + 1 < p.Length && p[i + 1] == '+') throw Unsupported("possessive quantifiers (}+)", i + 1, "use an atomic group (?>...) instead");
                    break;
                case '*' or '+' or '?' or '}':
                    sb.Append(c);
                    if (i + 1 < p.Length && p[i + 1] == '+' && (c != '}' || IsQuantifierEnd(p, i)))
                        throw Unsupported("possessive quantifiers (" + c + "+)", i + 1, "use an atomic group (?>...) instead");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        if (inClass) throw new ReError($"unterminated character set at position {classStart}");
        return new Result(sb.ToString(), options, groups, names, inline);
    }

    /// <summary>The flags a leading (?aimsux) adds to the pattern's flags attribute.</summary>
    private static long InlineFlagBits(string letters) => letters.Aggregate(0L, (bits, f) => bits | f switch
    {
        'a' => ReFlagBits.ASCII,
        'i' => ReFlagBits.IGNORECASE,
        'm' => ReFlagBits.MULTILINE,
        's' => ReFlagBits.DOTALL,
        'x' => ReFlagBits.VERBOSE,
        'u' => ReFlagBits.UNICODE,
        _ => 0L,
    });

    private static bool Match(string p, int i, string s) => string.CompareOrdinal(p, i, s, 0, s.Length) == 0;

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(ch => char.IsLetterOrDigit(ch) || ch == '_');

    private static bool IsQuantifierEnd(string p, int close)
    {
        int open = p.LastIndexOf('{', close);
        return open >= 0 && Regex.IsMatch(p.Substring(open, close - open + 1), @"^\{\d*(,\d*)?\}$");
    }

    private static ReError Unsupported(string what, int at, string? hint = null) =>
        new($"{what} at position {at} is not supported by Batuta's regex translation{(hint is null ? "" : "; " + hint)}");
}
