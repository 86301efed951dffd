using System.Globalization;

namespace Batuta.Core.Phases.Analysis;

/// <summary>
/// The technical-debt grade: 100 minus documented penalties, graded A (≥90) B (≥80) C (≥70) D (≥60) F.
/// Each penalty is capped so one kind of debt cannot hide the others. See docs/analysis.md.
/// </summary>
public static class TdgCalculator
{
    public static TechnicalDebtGrade Grade(AnalysisReport report, int syntaxErrors, IReadOnlyList<(string File, int Lines)> fileSizes)
    {
        var g = new TechnicalDebtGrade();
        var ci = CultureInfo.InvariantCulture;

        void Penalty(double points, double cap, string why)
        {
            double p = Math.Min(points, cap);
            if (p <= 0) return;
            g.Score -= p;
            g.Penalties.Add(string.Create(ci, $"-{p:0.#} {why}"));
        }

        var c = report.Complexity;
        if (c.Measured)
        {
            Penalty(c.Hotspots.Sum(h => Math.Max(0, h.Cyclomatic - 10) * 2.0), 30, "functions with cyclomatic complexity above 10");
            Penalty((c.AverageCyclomatic - 5) * 3, 15, string.Create(ci, $"average cyclomatic complexity {c.AverageCyclomatic:0.0} above 5"));
            Penalty(c.Hotspots.Count(h => h.Length > 80), 10, "functions longer than 80 lines");
        }
        Penalty(report.DebtMarkers, 10, "TODO/FIXME/HACK/XXX markers");
        Penalty(syntaxErrors * 15.0, 45, "files that do not parse");
        Penalty(fileSizes.Count(f => f.Lines > 1000) * 5.0, 10, "files over 1000 lines");
        if (report.Lines.Code >= 50 && report.Lines.Comment < report.Lines.Code * 0.05)
            Penalty(5, 5, "comment lines under 5% of code lines");

        g.Score = Math.Round(Math.Max(0, g.Score), 1);
        g.Grade = g.Score switch { >= 90 => "A", >= 80 => "B", >= 70 => "C", >= 60 => "D", _ => "F" };
        return g;
    }

    /// <summary>The lowest grade a Jidoka mode accepts, or null when the gate is off.</summary>
    public static string? MinimumGrade(Engine.JidokaMode mode) => mode switch
    {
        Engine.JidokaMode.Strict => "C",
        Engine.JidokaMode.Standard => "D",
        _ => null,
    };

    public static bool Passes(string grade, string minimum) => string.CompareOrdinal(grade, minimum) <= 0;
}
