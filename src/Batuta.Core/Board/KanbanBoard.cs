using System.Globalization;
using System.Text;
using Batuta.Core.Workflow;

namespace Batuta.Core.Board;

/// <summary>The Kanban board: one line per phase (✓ done, ⏳ in progress, ○ not started, ✗ failed) and the overall %.</summary>
public static class KanbanBoard
{
    public static string Symbol(PhaseStatus status) => status switch
    {
        PhaseStatus.Completed => "✓",
        PhaseStatus.InProgress => "⏳",
        PhaseStatus.Failed => "✗",
        _ => "○",
    };

    public static string Render(WorkflowState state, bool details = false)
    {
        var sb = new StringBuilder();
        sb.Append("Batuta workflow ").Append(state.ProgressPercent.ToString("0", CultureInfo.InvariantCulture)).Append("% complete").AppendLine();
        foreach (var phase in WorkflowPhases.All)
        {
            var info = state[phase];
            AppendPhaseLine(sb, phase, info);
            if (details) AppendDetails(sb, info);
        }
        return sb.ToString().TrimEnd();
    }

    private static void AppendPhaseLine(StringBuilder sb, WorkflowPhase phase, PhaseInfo info)
    {
        sb.Append("  ").Append(Symbol(info.Status)).Append(' ').Append(phase.ToString().PadRight(14)).Append(Label(info.Status).PadRight(12));
        if (info.Duration is { } d) sb.Append(d.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(8)).Append(" s");
        if (info.Status == PhaseStatus.Failed && info.ErrorCode is not null) sb.Append("  ").Append(info.ErrorCode);
        sb.AppendLine();
    }

    private static void AppendDetails(StringBuilder sb, PhaseInfo info)
    {
        var ci = CultureInfo.InvariantCulture;
        if (info.StartedAt is { } st) sb.Append("      started          ").AppendLine(st.ToString("u", ci));
        if (info.CompletedAt is { } ct) sb.Append("      finished         ").AppendLine(ct.ToString("u", ci));
        if (info.Status == PhaseStatus.Failed && info.Error is not null)
            sb.Append("      error            ").AppendLine(FirstLine(info.Error));
        foreach (var kv in info.Summary) sb.Append("      ").Append(kv.Key.PadRight(16)).Append(' ').AppendLine(kv.Value);
    }

    private static string Label(PhaseStatus s) => s switch
    {
        PhaseStatus.NotStarted => "not started",
        PhaseStatus.InProgress => "in progress",
        PhaseStatus.Completed => "completed",
        _ => "FAILED",
    };

    private static string FirstLine(string s)
    {
        int i = s.IndexOf('\n');
        return i < 0 ? s : s[..i];
    }
}
