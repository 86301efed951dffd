using System.Globalization;

namespace Batuta.Python.Runtime.Modules;

/// <summary>difflib's module functions: <c>get_close_matches</c>, <c>unified_diff</c>, as CPython 3.11 writes them.</summary>
public static class DiffLib
{
    public static PyList<string> GetCloseMatches<T>(string word, IEnumerable<T> possibilities, long n = 3, double cutoff = 0.6)
    {
        if (n <= 0) throw new ValueError($"n must be > 0: {n}");
        if (!(cutoff >= 0.0 && cutoff <= 1.0)) throw new ValueError($"cutoff must be in [0.0, 1.0]: {Repr.Of(cutoff)}");
        var s = new SequenceMatcher();
        s.SetSeq2(word);
        var result = new List<(double Score, string Word)>();
        foreach (var p in possibilities)
        {
            string x = Dyn.Cast<string>(p);
            s.SetSeq1(x);
            if (s.RealQuickRatio() >= cutoff && s.QuickRatio() >= cutoff && s.Ratio() >= cutoff) result.Add((s.Ratio(), x));
        }
        // heapq.nlargest: (score, word) tuples, largest first; ties keep their input order (a stable sort)
        var best = result.OrderByDescending(r => r.Score).ThenByDescending(r => r.Word, StringComparer.Ordinal).Take((int)Math.Min(n, int.MaxValue));
        return new PyList<string>(best.Select(r => r.Word));
    }

    /// <summary>get_grouped_opcodes(n): hunks of changes with up to n lines of context.</summary>
    internal static IEnumerable<List<(string Tag, int I1, int I2, int J1, int J2)>> GroupedOpcodes(List<(string Tag, int I1, int I2, int J1, int J2)> opcodes, int n)
    {
        var codes = opcodes.Count == 0 ? [("equal", 0, 1, 0, 1)] : opcodes.ToList();
        if (codes[0].Tag == "equal")
        {
            var (tag, i1, i2, j1, j2) = codes[0];
            codes[0] = (tag, Math.Max(i1, i2 - n), i2, Math.Max(j1, j2 - n), j2);
        }
        if (codes[^1].Tag == "equal")
        {
            var (tag, i1, i2, j1, j2) = codes[^1];
            codes[^1] = (tag, i1, Math.Min(i2, i1 + n), j1, Math.Min(j2, j1 + n));
        }
        var group = new List<(string, int, int, int, int)>();
        foreach (var (tag, i1In, i2, j1In, j2) in codes)
        {
            int i1 = i1In, j1 = j1In;
            if (tag == "equal" && i2 - i1 > n + n)
            {
                group.Add((tag, i1, Math.Min(i2, i1 + n), j1, Math.Min(j2, j1 + n)));
                yield return group;
                group = [];
                (i1, j1) = (Math.Max(i1, i2 - n), Math.Max(j1, j2 - n));
            }
            group.Add((tag, i1, i2, j1, j2));
        }
        if (group.Count > 0 && !(group.Count == 1 && group[0].Item1 == "equal")) yield return group;
    }

    public static IEnumerable<string> UnifiedDiff<TA, TB>(IEnumerable<TA> a, IEnumerable<TB> b, string fromfile = "", string tofile = "", string fromfiledate = "", string tofiledate = "", long n = 3, string lineterm = "\n")
    {
        var la = a.Select(x => Lines(x)).ToList();
        var lb = b.Select(x => Lines(x)).ToList();
        var matcher = new SequenceMatcher(null, new PyList<string>(la), new PyList<string>(lb));
        bool started = false;
        foreach (var group in GroupedOpcodes(matcher.GetOpcodes(), (int)n))
        {
            if (!started)
            {
                started = true;
                yield return $"--- {fromfile}{(fromfiledate.Length > 0 ? "\t" + fromfiledate : "")}{lineterm}";
                yield return $"+++ {tofile}{(tofiledate.Length > 0 ? "\t" + tofiledate : "")}{lineterm}";
            }
            yield return $"@@ -{Range(group[0].I1, group[^1].I2)} +{Range(group[0].J1, group[^1].J2)} @@{lineterm}";
            foreach (var line in HunkLines(group, la, lb)) yield return line;
        }
    }

    /// <summary>unified_diff of dynamic values (lists whose element type is not known statically).</summary>
    public static IEnumerable<string> UnifiedDiff(object? a, object? b, string fromfile = "", string tofile = "", string fromfiledate = "", string tofiledate = "", long n = 3, string lineterm = "\n") =>
        UnifiedDiff(Dyn.Iter(a), Dyn.Iter(b), fromfile, tofile, fromfiledate, tofiledate, n, lineterm);

    public static PyList<string> GetCloseMatches(string word, object? possibilities, long n = 3, double cutoff = 0.6) => GetCloseMatches(word, Dyn.Iter(possibilities), n, cutoff);

    private static IEnumerable<string> HunkLines(List<(string Tag, int I1, int I2, int J1, int J2)> group, List<string> a, List<string> b)
    {
        foreach (var (tag, i1, i2, j1, j2) in group)
        {
            var lines = tag switch
            {
                "equal" => Prefixed(" ", a, i1, i2),
                "delete" => Prefixed("-", a, i1, i2),
                "insert" => Prefixed("+", b, j1, j2),
                _ => Prefixed("-", a, i1, i2).Concat(Prefixed("+", b, j1, j2)),
            };
            foreach (var line in lines) yield return line;
        }
    }

    private static IEnumerable<string> Prefixed(string prefix, List<string> lines, int from, int to) => lines.Skip(from).Take(to - from).Select(l => prefix + l);

    /// <summary>The lines must be strs, as CPython's _check_types requires.</summary>
    private static string Lines(object? x) => x as string ?? throw new TypeError($"lines to compare must be str, not {Dyn.TypeName(x)} ({Repr.Of(x)})");

    private static string Range(int start, int stop)
    {
        int beginning = start + 1, length = stop - start;
        if (length == 1) return beginning.ToString(CultureInfo.InvariantCulture);
        if (length == 0) beginning--;
        return string.Create(CultureInfo.InvariantCulture, $"{beginning},{length}");
    }
}
