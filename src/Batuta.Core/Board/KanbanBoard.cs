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
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("Batuta workflow ").Append(state.ProgressPercent.ToString("0", ci)).Append("% complete").AppendLine();
        foreach (var phase in WorkflowPhases.All)
        {
            var info = state[phase];
            sb.Append("  ").Append(Symbol(info.Status)).Append(' ').Append(phase.ToString().PadRight(14)).Append(Label(info.Status).PadRight(12));
            if (info.Duration is { } d) sb.Append(d.ToString("0.00", ci).PadLeft(8)).Append(" s");
            if (info.Status == PhaseStatus.Failed && info.ErrorCode is not null) sb.Append("  ").Append(info.ErrorCode);
            sb.AppendLine();
            if (details)
            {
                if (info.StartedAt is { } st) sb.Append("      started          ").AppendLine(st.ToString("u", ci));
                if (info.CompletedAt is { } ct) sb.Append("      finished         ").AppendLine(ct.ToString("u", ci));
                if (info.Status == PhaseStatus.Failed && info.Error is not null)
                    sb.Append("      error            ").AppendLine(FirstLine(info.Error));
                foreach (var kv in info.Summary) sb.Append("      ").Append(kv.Key.PadRight(16)).Append(' ').AppendLine(kv.Value);
            }
        }
        return sb.ToString().TrimEnd();
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
