using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// Python's full case mappings and character classes over code points (CPython's unicodeobject.c): special casing
/// (ß.upper() is SS, ﬁ.upper() FI, İ.lower() i + U+0307), casefold, the final sigma, titlecase, and Python's
/// Uppercase/Lowercase/Numeric_Type properties. .NET's Rune casing is the base; UnicodeCase.Data.cs holds where Python differs.
/// </summary>
internal static partial class UnicodeCase
{
    private static readonly Dictionary<int, string> UpperMap = ParseMap(UpperData), LowerMap = ParseMap(LowerData), FoldMap = ParseMap(FoldData), TitleMap = ParseMap(TitleData);
    private static readonly int[] Digit = ParseRanges(DigitFlip), Decimal = ParseRanges(DecimalFlip), Numeric = ParseRanges(NumericFlip), Alpha = ParseRanges(AlphaFlip), Upper = ParseRanges(UpperFlip), Lower = ParseRanges(LowerFlip);

    private static Dictionary<int, string> ParseMap(string data)
    {
        var map = new Dictionary<int, string>();
        foreach (var entry in data.Split(','))
        {
            var parts = entry.Split(':');
            var sb = new StringBuilder();
            foreach (var cp in parts[1].Split(' ')) sb.Append(char.ConvertFromUtf32(Hex(cp)));
            map[Hex(parts[0])] = sb.ToString();
        }
        return map;
    }

    /// <summary>Inclusive ranges as a flat sorted array [lo0, hi0, lo1, hi1, ...].</summary>
    private static int[] ParseRanges(string data) =>
        data.Split(',').SelectMany(r => r.Split('-') is var p && p.Length == 2 ? new[] { Hex(p[0]), Hex(p[1]) } : new[] { Hex(p[0]), Hex(p[0]) }).ToArray();

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static bool InRanges(int[] ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (ranges[2 * mid + 1] < cp) lo = mid + 1;
            else hi = mid;
        }
        return lo < ranges.Length / 2 && ranges[2 * lo] <= cp;
    }

    public static bool IsUpper(Rune r) => Rune.IsUpper(r) ^ InRanges(Upper, r.Value);
    public static bool IsLower(Rune r) => Rune.IsLower(r) ^ InRanges(Lower, r.Value);
    public static bool IsTitle(Rune r) => Rune.GetUnicodeCategory(r) == UnicodeCategory.TitlecaseLetter;
    public static bool IsCased(Rune r) => IsUpper(r) || IsLower(r) || IsTitle(r);
    public static bool IsDigit(Rune r) => Rune.IsDigit(r) ^ InRanges(Digit, r.Value);
    public static bool IsDecimal(Rune r) => (Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber) ^ InRanges(Decimal, r.Value);
    public static bool IsNumeric(Rune r) => Rune.IsNumber(r) ^ InRanges(Numeric, r.Value);
    public static bool IsAlpha(Rune r) => Rune.IsLetter(r) ^ InRanges(Alpha, r.Value);

    /// <summary>str.isupper: a cased code point and no lowercase or titlecase one.</summary>
    public static bool IsUpper(string s) => CasedOnly(s, IsUpper, r => IsLower(r) || IsTitle(r));

    /// <summary>str.islower: a cased code point and no uppercase or titlecase one.</summary>
    public static bool IsLower(string s) => CasedOnly(s, IsLower, r => IsUpper(r) || IsTitle(r));

    private static bool CasedOnly(string s, Func<Rune, bool> wanted, Func<Rune, bool> other)
    {
        bool cased = false;
        foreach (var r in s.EnumerateRunes())
        {
            if (other(r)) return false;
            cased |= wanted(r);
        }
        return cased;
    }

    /// <summary>Every code point of s satisfies the predicate, and s is not empty (str.isdigit and friends).</summary>
    public static bool All(string s, Func<Rune, bool> predicate)
    {
        if (s.Length == 0) return false;
        foreach (var r in s.EnumerateRunes()) if (!predicate(r)) return false;
        return true;
    }

    private static void AppendUpper(StringBuilder sb, Rune r) => Append(sb, r, UpperMap, Rune.ToUpperInvariant(r));
    private static void AppendTitle(StringBuilder sb, Rune r) => Append(sb, r, TitleMap, Rune.ToUpperInvariant(r));
    private static void AppendFold(StringBuilder sb, Rune r) => Append(sb, r, FoldMap, Rune.ToLowerInvariant(r));

    private static void Append(StringBuilder sb, Rune r, Dictionary<int, string> special, Rune simple)
    {
        if (special.TryGetValue(r.Value, out var full)) sb.Append(full);
        else sb.Append(simple.ToString());
    }

    /// <summary>lower_ucs4: Σ is ς at the end of a word (a cased letter before it, none after, skipping case-ignorables).</summary>
    private static void AppendLower(StringBuilder sb, string s, int index, Rune r)
    {
        if (r.Value == 0x3A3) sb.Append(IsFinalSigma(s, index) ? 'ς' : 'σ');
        else Append(sb, r, LowerMap, Rune.ToLowerInvariant(r));
    }

    // handle_capital_sigma: the nearest code points either side that are not case-ignorable
    private static bool IsFinalSigma(string s, int index)
    {
        int j = index;
        do
        {
            if (j == 0) return false;
            j -= j >= 2 && char.IsLowSurrogate(s[j - 1]) && char.IsHighSurrogate(s[j - 2]) ? 2 : 1;
        }
        while (IsCaseIgnorable(RuneAt(s, j)));
        if (!IsCased(RuneAt(s, j))) return false;
        for (int k = index + 1; k < s.Length; k += RuneAt(s, k).Utf16SequenceLength)
            if (!IsCaseIgnorable(RuneAt(s, k))) return !IsCased(RuneAt(s, k));
        return true;
    }

    // a lone surrogate is neither cased nor case-ignorable, as U+FFFD
    private static Rune RuneAt(string s, int i) => Rune.TryGetRuneAt(s, i, out var r) ? r : Rune.ReplacementChar;

    private const int IgnorableCategories = (1 << (int)UnicodeCategory.NonSpacingMark) | (1 << (int)UnicodeCategory.EnclosingMark) | (1 << (int)UnicodeCategory.Format)
        | (1 << (int)UnicodeCategory.ModifierLetter) | (1 << (int)UnicodeCategory.ModifierSymbol);

    // Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable whatever their category
    private const string IgnorablePunctuation = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";

    private static bool IsCaseIgnorable(Rune r) =>
        ((1 << (int)Rune.GetUnicodeCategory(r)) & IgnorableCategories) != 0 || (r.IsBmp && IgnorablePunctuation.Contains((char)r.Value, StringComparison.Ordinal));

    public static string ToUpper(string s) => Ascii.IsValid(s) ? s.ToUpperInvariant() : MapRunes(s, (sb, _, r) => AppendUpper(sb, r));
    public static string ToLower(string s) => Ascii.IsValid(s) ? s.ToLowerInvariant() : MapRunes(s, (sb, i, r) => AppendLower(sb, s, i, r));
    public static string CaseFold(string s) => Ascii.IsValid(s) ? s.ToLowerInvariant() : MapRunes(s, (sb, _, r) => AppendFold(sb, r));

    public static string SwapCase(string s) => MapRunes(s, (sb, i, r) =>
    {
        if (IsUpper(r)) AppendLower(sb, s, i, r);
        else if (IsLower(r)) AppendUpper(sb, r);
        else sb.Append(r.ToString());
    });

    /// <summary>do_capitalize: the first code point in titlecase, the rest lowercase.</summary>
    public static string Capitalize(string s) => MapRunes(s, (sb, i, r) =>
    {
        if (i == 0) AppendTitle(sb, r);
        else AppendLower(sb, s, i, r);
    });

    /// <summary>do_title: titlecase after an uncased code point, lowercase after a cased one.</summary>
    public static string Title(string s)
    {
        bool previousCased = false;
        return MapRunes(s, (sb, i, r) =>
        {
            if (previousCased) AppendLower(sb, s, i, r);
            else AppendTitle(sb, r);
            previousCased = IsCased(r);
        });
    }

    private static string MapRunes(string s, Action<StringBuilder, int, Rune> append)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            // a lone surrogate maps to itself
            if (!Rune.TryGetRuneAt(s, i, out var r)) { sb.Append(s[i++]); continue; }
            append(sb, i, r);
            i += r.Utf16SequenceLength;
        }
        return sb.ToString();
    }
}
