using System.IO;
using System.IO.Compression;

namespace Batuta.Python.Text
{
    /// <summary>
    /// NFKC for non-ASCII identifiers, as CPython applies it (PEP 3131), from tables generated out of
    /// CPython 3.11's Unicode 14 database: no dependency on ICU, so it also works under invariant globalization.
    /// </summary>
    internal static class Normalization
    {
        private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
        private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

        private static readonly object s_lock = new object();
        private static Dictionary<int, int>? s_ccc;
        private static Dictionary<int, int[]>? s_decomposition;
        private static Dictionary<long, int>? s_composition;

        public static string Nfkc(string s)
        {
            bool ascii = true;
            foreach (char c in s)
            {
                if (c >= 0x80)
                {
                    ascii = false;
                    break;
                }
            }
            if (ascii) return s;
            EnsureLoaded();

            var cps = new List<int>(s.Length + 4);
            for (int i = 0; i < s.Length; i++)
            {
                int cp = s[i];
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    cp = char.ConvertToUtf32(s[i], s[i + 1]);
                    i++;
                }
                Decompose(cp, cps);
            }
            CanonicalOrder(cps);
            Compose(cps);

            var sb = new StringBuilder(cps.Count);
            foreach (int cp in cps) sb.Append(char.ConvertFromUtf32(cp));
            return sb.ToString();
        }

        private static int Ccc(int cp) => s_ccc.OrThrow().TryGetValue(cp, out int c) ? c : 0;

        private static void Decompose(int cp, List<int> sink)
        {
            if (cp >= SBase && cp < SBase + SCount)
            {
                int index = cp - SBase;
                sink.Add(LBase + index / NCount);
                sink.Add(VBase + index % NCount / TCount);
                int t = index % TCount;
                if (t != 0) sink.Add(TBase + t);
                return;
            }
            if (s_decomposition.OrThrow().TryGetValue(cp, out var mapped)) sink.AddRange(mapped);
            else sink.Add(cp);
        }

        /// <summary>Stable sort of each run of non-starters by combining class.</summary>
        private static void CanonicalOrder(List<int> cps)
        {
            for (int i = 1; i < cps.Count; i++)
            {
                int ccc = Ccc(cps[i]);
                if (ccc == 0) continue;
                int j = i;
                while (j > 0 && Ccc(cps[j - 1]) > ccc)
                {
                    (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                    j--;
                }
            }
        }

        /// <summary>The canonical composition algorithm (UAX #15), Hangul included.</summary>
        private static void Compose(List<int> cps)
        {
            if (cps.Count < 2) return;
            int starter = Ccc(cps[0]) == 0 ? 0 : -1;
            int lastClass = starter == 0 ? 0 : 256;
            int write = 1;
            for (int read = 1; read < cps.Count; read++)
            {
                int c = cps[read];
                int ccc = Ccc(c);
                if (starter >= 0 && (lastClass < ccc || lastClass == 0 && write - 1 == starter))
                {
                    int composite = ComposePair(cps[starter], c);
                    if (composite >= 0)
                    {
                        cps[starter] = composite;
                        continue;
                    }
                }
                if (ccc == 0)
                {
                    starter = write;
                    lastClass = 0;
                }
                else lastClass = ccc;
                cps[write++] = c;
            }
            cps.RemoveRange(write, cps.Count - write);
        }

        private static int ComposePair(int a, int b)
        {
            if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
                return SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
            if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
                return a + (b - TBase);
            return s_composition.OrThrow().TryGetValue(((long)a << 32) | (uint)b, out int c) ? c : -1;
        }

        private static void EnsureLoaded()
        {
            if (s_composition is not null) return;
            lock (s_lock)
            {
                if (s_composition is not null) return;
                var ccc = new Dictionary<int, int>();
                var decomposition = new Dictionary<int, int[]>();
                var composition = new Dictionary<long, int>();
                using (var raw = typeof(Normalization).Assembly.GetManifestResourceStream("Batuta.Python.Text.Nfkc.bin")
                    ?? throw new InvalidOperationException("NFKC table resource is missing from Batuta.Python"))
                using (var inflate = new DeflateStream(raw, CompressionMode.Decompress))
                using (var reader = new StreamReader(inflate, Encoding.ASCII))
                {
                    string? line;
                    while ((line = reader.ReadLine()) is not null)
                    {
                        if (line.Length == 0) continue;
                        var parts = line.Split(' ');
                        switch (parts[0])
                        {
                            case "C":
                                ccc[Hex(parts[1])] = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                                break;
                            case "D":
                                decomposition[Hex(parts[1])] = parts.Skip(2).Select(Hex).ToArray();
                                break;
                            case "P":
                                composition[((long)Hex(parts[1]) << 32) | (uint)Hex(parts[2])] = Hex(parts[3]);
                                break;
                        }
                    }
                }
                s_ccc = ccc;
                s_decomposition = decomposition;
                s_composition = composition;
            }
        }

        private static int Hex(string s) => int.Parse(s, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
    }
}
