using System.IO;
using System.IO.Compression;

namespace Batuta.Python.Text
{
    /// <summary>
    /// Character names for <c>\N{...}</c> escapes, as CPython's unicodedata resolves them (case-insensitive,
    /// aliases included, named sequences excluded). The table is an embedded resource loaded on first use.
    /// </summary>
    internal static class UnicodeNames
    {
        private static readonly object s_lock = new object();
        private static Dictionary<string, int>? s_names;
        private static List<(string Prefix, int Start, int End)>? s_ranges;

        private static readonly string[] JamoL = { "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H" };
        private static readonly string[] JamoV = { "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I" };
        private static readonly string[] JamoT = { "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H" };

        public static bool TryLookup(string name, out int codePoint)
        {
            codePoint = 0;
            EnsureLoaded();
            string upper = name.ToUpperInvariant();
            if (s_names.OrThrow().TryGetValue(upper, out codePoint)) return true;
            if (upper.StartsWith("HANGUL SYLLABLE ", StringComparison.Ordinal)) return TryHangul(upper.Substring(16), out codePoint);
            foreach (var (prefix, start, end) in s_ranges.OrThrow())
            {
                if (!upper.StartsWith(prefix, StringComparison.Ordinal)) continue;
                string hex = upper.Substring(prefix.Length);
                if (hex.Length < 4 || hex.Length > 5) continue;
                if (!int.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int v)) continue;
                if (v >= start && v <= end)
                {
                    codePoint = v;
                    return true;
                }
            }
            return false;
        }

        private static bool TryHangul(string rest, out int cp)
        {
            cp = 0;
            int pos = 0;
            int l = Longest(JamoL, rest, ref pos);
            int v = Longest(JamoV, rest, ref pos);
            int t = Longest(JamoT, rest, ref pos);
            if (l < 0 || v < 0 || t < 0 || pos != rest.Length) return false;
            cp = 0xAC00 + (l * 21 + v) * 28 + t;
            return true;
        }

        /// <summary>find_syllable: the longest jamo short name at <paramref name="pos"/>.</summary>
        private static int Longest(string[] names, string s, ref int pos)
        {
            int best = -1, bestLen = -1;
            for (int i = 0; i < names.Length; i++)
            {
                string n = names[i];
                if (n.Length > bestLen && string.CompareOrdinal(s, pos, n, 0, n.Length) == 0 && pos + n.Length <= s.Length)
                {
                    best = i;
                    bestLen = n.Length;
                }
            }
            if (best >= 0) pos += bestLen;
            return best;
        }

        private static void EnsureLoaded()
        {
            if (s_names is not null) return;
            lock (s_lock)
            {
                if (s_names is not null) return;
                var names = new Dictionary<string, int>(40000, StringComparer.Ordinal);
                var ranges = new List<(string, int, int)>();
                var asm = typeof(UnicodeNames).Assembly;
                using (var raw = asm.GetManifestResourceStream("Batuta.Python.Text.UnicodeNames.bin")
                    ?? throw new InvalidOperationException("Unicode name table resource is missing from Batuta.Python"))
                using (var inflate = new DeflateStream(raw, CompressionMode.Decompress))
                using (var reader = new StreamReader(inflate, Encoding.UTF8))
                {
                    bool inRanges = true;
                    string? line;
                    while ((line = reader.ReadLine()) is not null)
                    {
                        if (line.Length == 0) continue;
                        if (line == "--")
                        {
                            inRanges = false;
                            continue;
                        }
                        int semi = line.LastIndexOf(';');
                        string key = line.Substring(0, semi);
                        string val = line.Substring(semi + 1);
                        if (inRanges)
                        {
                            int dash = val.IndexOf('-');
                            ranges.Add((key, Hex(val.Substring(0, dash)), Hex(val.Substring(dash + 1))));
                        }
                        else names[key] = Hex(val);
                    }
                }
                s_ranges = ranges;
                s_names = names;
            }
        }

        private static int Hex(string s) => int.Parse(s, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
    }
}
