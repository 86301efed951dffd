using System.Text;
using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Tests;

public sealed class UnicodeCaseTests
{
    // All of the BMP's start (Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, Greek Extended), then ranges with
    // special cases: letterlike/numerals/circled, Glagolitic/Coptic, Cyrillic and Latin extensions, ligatures, fullwidth,
    // CJK numerals, Deseret, Adlam, mathematical digits and enclosed letters.
    private static readonly (int Lo, int Hi)[] Ranges =
    {
        (0, 0x2000), (0x2070, 0x2200), (0x2460, 0x2500), (0x2C00, 0x2D30), (0x4E00, 0x4E10), (0x3000, 0x3040), (0xA640, 0xA800), (0xAB70, 0xABC0),
        (0xFB00, 0xFB20), (0xFF00, 0xFF60), (0x10400, 0x10480), (0x1D7CE, 0x1D800), (0x1E900, 0x1E960), (0x1F100, 0x1F1A0),
    };

    private static string Hex(string s) => string.Join(" ", s.EnumerateRunes().Select(r => r.Value.ToString("x")));

    [Fact]
    public void Case_mappings_and_classes_match_CPython_per_code_point()
    {
        var ranges = string.Join(", ", Ranges.Select(r => $"range({r.Lo}, {r.Hi})"));
        var expected = CPython.Lines("import itertools\nh = lambda s: ' '.join('%x' % ord(c) for c in s)\nb = lambda x: 'T' if x else 'F'\n"
            + $"for cp in itertools.chain({ranges}):\n  if 0xD800 <= cp < 0xE000: continue\n  c = chr(cp)\n"
            + "  print(h(c.upper()), h(c.lower()), h(c.casefold()), h(c.swapcase()), h(c.title()), h(c.capitalize()), ''.join(map(b, (c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalpha(), c.isupper(), c.islower()))), sep='|')");
        var actual = new List<string>();
        foreach (var (lo, hi) in Ranges)
        {
            for (int cp = lo; cp < hi; cp++)
            {
                if (cp is >= 0xD800 and < 0xE000) continue;
                var c = char.ConvertFromUtf32(cp);
                var flags = new[] { PyStr.IsDigit(c), PyStr.IsDecimal(c), PyStr.IsNumeric(c), PyStr.IsAlpha(c), PyStr.IsUpper(c), PyStr.IsLower(c) };
                actual.Add(string.Join("|", Hex(PyStr.Upper(c)), Hex(PyStr.Lower(c)), Hex(PyStr.Casefold(c)), Hex(PyStr.SwapCase(c)), Hex(PyStr.Title(c)), Hex(PyStr.Capitalize(c)), string.Concat(flags.Select(f => f ? 'T' : 'F'))));
            }
        }
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++) Assert.True(expected[i] == actual[i], $"line {i}: {expected[i]} vs {actual[i]}");
    }

    [Fact]
    public void Strings_match_CPython_including_final_sigma()
    {
        string[] words = { "ß", "Straße", "ﬁne ﬂow", "İstanbul", "ΟΔΟΣ", "ΟΔΟΣ.", "Σ", "ΑΣ'Β", "ΑΣ'", "ǆemal ǅ", "hello WORLD ǈ", "²³¹", "Ⓐⓑ", "ŉ", "𐐀𐐨", "ΣΑΣ ΣΑΣ", "a\u0301Σ\u0301", "they're bill's", "ΆΣ́Σ" };
        var expected = CPython.Lines("for w in " + "[" + string.Join(", ", words.Select(w => "'" + w.Replace("'", "\\'", StringComparison.Ordinal) + "'")) + "]:\n"
            + "  print(w.upper(), w.lower(), w.casefold(), w.swapcase(), w.title(), w.capitalize(), w.isupper(), w.islower(), w.isdigit(), w.isalpha(), sep='|')");
        var actual = words.Select(w => string.Join("|", PyStr.Upper(w), PyStr.Lower(w), PyStr.Casefold(w), PyStr.SwapCase(w), PyStr.Title(w), PyStr.Capitalize(w),
            Repr.Of(PyStr.IsUpper(w)), Repr.Of(PyStr.IsLower(w)), Repr.Of(PyStr.IsDigit(w)), Repr.Of(PyStr.IsAlpha(w)))).ToArray();
        Assert.Equal(expected, actual);
    }
}
