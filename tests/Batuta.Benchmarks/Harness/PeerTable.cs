using System.Globalization;

namespace Batuta.Benchmarks.Harness;

/// <summary>One measured case: Batuta's time and the peer's time for the same work.</summary>
public sealed record PeerRow(string Case, TimeSpan Batuta, TimeSpan Peer, string? Note = null)
{
    /// <summary>Peer time / Batuta time: above 1 means Batuta is faster.</summary>
    public double Ratio => Batuta.Ticks == 0 ? double.NaN : Peer.TotalSeconds / Batuta.TotalSeconds;
}

/// <summary>A titled table of rows against one named peer.</summary>
public sealed record PeerTable(string Title, string PeerName, IReadOnlyList<PeerRow> Rows)
{
    public string ToMarkdown()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        sb.Append("### ").Append(Title).Append(" (peer: ").Append(PeerName).AppendLine(")");
        sb.AppendLine();
        bool notes = Rows.Any(r => r.Note is not null);
        sb.AppendLine(notes ? "| case | batuta | peer | ratio | note |" : "| case | batuta | peer | ratio |");
        sb.AppendLine(notes ? "|---|---:|---:|---:|---|" : "|---|---:|---:|---:|");
        foreach (var r in Rows)
        {
            sb.Append("| ").Append(r.Case)
              .Append(" | ").Append(Format(r.Batuta))
              .Append(" | ").Append(Format(r.Peer))
              .Append(" | ").Append(r.Ratio.ToString("0.00", ci)).Append('×');
            if (notes) sb.Append(" | ").Append(r.Note ?? "");
            sb.AppendLine(" |");
        }
        var ratios = Rows.Select(r => r.Ratio).Where(x => x > 0 && !double.IsNaN(x)).ToList();
        if (ratios.Count > 1)
        {
            double geo = Math.Exp(ratios.Average(Math.Log));
            sb.AppendLine().Append("Geometric mean ratio: ").Append(geo.ToString("0.00", ci)).AppendLine("×");
        }
        return sb.ToString();
    }

    public static string Format(TimeSpan t)
    {
        var ci = CultureInfo.InvariantCulture;
        double s = t.TotalSeconds;
        if (s >= 1) return s.ToString("0.000", ci) + " s";
        if (s >= 1e-3) return (s * 1e3).ToString("0.000", ci) + " ms";
        if (s >= 1e-6) return (s * 1e6).ToString("0.000", ci) + " µs";
        return (s * 1e9).ToString("0.0", ci) + " ns";
    }
}
