namespace Batuta.Core;

/// <summary>A readable line diff ('-' expected, '+' actual) with a little context, for BATUTA-V-001.</summary>
public static class LineDiff
{
    public static string Unified(string expected, string actual, int maxLines = 40, int context = 2)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        // Trim the common prefix and suffix, then run LCS on what remains (outputs are usually near-equal).
        int pre = CommonPrefix(a, b);
        int suf = CommonSuffix(a, b, pre);
        var ma = a[pre..(a.Length - suf)];
        var mb = b[pre..(b.Length - suf)];

        var ops = ma.Length * (long)mb.Length > 4_000_000 ? Naive(ma, mb) : Lcs(ma, mb);
        var sb = new System.Text.StringBuilder();
        AppendContext(sb, a, Math.Max(0, pre - context), pre);
        AppendOps(sb, ops, maxLines);
        AppendContext(sb, a, a.Length - suf, Math.Min(a.Length, a.Length - suf + context));
        if (pre > 0) sb.Insert(0, $"@@ first difference at line {pre + 1} @@\n");
        return sb.ToString().TrimEnd('\n');
    }

    private static int CommonPrefix(string[] a, string[] b)
    {
        int pre = 0;
        while (pre < a.Length && pre < b.Length && a[pre] == b[pre]) pre++;
        return pre;
    }

    /// <summary>The common suffix length, not reaching into the first <paramref name="pre"/> lines already matched.</summary>
    private static int CommonSuffix(string[] a, string[] b, int pre)
    {
        int suf = 0;
        while (suf < a.Length - pre && suf < b.Length - pre && a[a.Length - 1 - suf] == b[b.Length - 1 - suf]) suf++;
        return suf;
    }

    /// <summary>Unchanged lines <paramref name="from"/>..<paramref name="to"/> (exclusive) of the expected text.</summary>
    private static void AppendContext(System.Text.StringBuilder sb, string[] a, int from, int to)
    {
        for (int i = from; i < to; i++) sb.Append("  ").Append(a[i]).Append('\n');
    }

    private static void AppendOps(System.Text.StringBuilder sb, List<(char, string)> ops, int maxLines)
    {
        int written = 0;
        foreach (var (kind, text) in ops)
        {
            if (written++ >= maxLines) { sb.Append("  ... (diff truncated)\n"); break; }
            sb.Append(kind).Append(' ').Append(Visible(text)).Append('\n');
        }
    }

    private static string[] Lines(string s) => s.Length == 0 ? [] : s.TrimEnd('\n').Split('\n');

    /// <summary>Shows what would otherwise be invisible (trailing spaces, CR).</summary>
    private static string Visible(string line) => line.Replace("\r", "\\r", StringComparison.Ordinal) + (line.EndsWith(' ') ? "⏎" : "");

    private static List<(char, string)> Naive(string[] a, string[] b) =>
        [.. a.Select(x => ('-', x)), .. b.Select(x => ('+', x))];

    private static List<(char, string)> Lcs(string[] a, string[] b)
    {
        var dp = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                dp[i, j] = a[i] == b[j] ? dp[i + 1, j + 1] + 1 : Math.Max(dp[i + 1, j], dp[i, j + 1]);
        var ops = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { ops.Add((' ', a[x])); x++; y++; }
            else if (dp[x + 1, y] >= dp[x, y + 1]) ops.Add(('-', a[x++]));
            else ops.Add(('+', b[y++]));
        }
        while (x < a.Length) ops.Add(('-', a[x++]));
        while (y < b.Length) ops.Add(('+', b[y++]));
        return ops;
    }
}
