using Batuta.Core.Workflow;

namespace Batuta.Core.Tests;

public class WorkflowStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_state_has_every_phase_not_started_in_order()
    {
        var s = WorkflowState.New();
        Assert.Equal(WorkflowPhases.All, s.Phases.Keys);
        Assert.All(s.Phases.Values, p => Assert.Equal(PhaseStatus.NotStarted, p.Status));
        Assert.Equal(0, s.ProgressPercent);
        Assert.Null(s.CurrentPhase);
    }

    [Fact]
    public void Start_then_complete_records_times_duration_and_moves_on()
    {
        var s = WorkflowState.New();
        s.Start(WorkflowPhase.Analysis, T0);
        Assert.Equal(PhaseStatus.InProgress, s[WorkflowPhase.Analysis].Status);
        s.Complete(WorkflowPhase.Analysis, T0.AddSeconds(1.5), "fp");
        var a = s[WorkflowPhase.Analysis];
        Assert.Equal(PhaseStatus.Completed, a.Status);
        Assert.Equal(T0, a.StartedAt);
        Assert.Equal(T0.AddSeconds(1.5), a.CompletedAt);
        Assert.Equal(1.5, a.Duration!.Value, 6);
        Assert.Equal(WorkflowPhase.Transpilation, s.CurrentPhase);
        Assert.Equal(20, s.ProgressPercent);
    }

    [Fact]
    public void A_failed_phase_keeps_its_error_and_can_be_retried()
    {
        var s = WorkflowState.New();
        s.Start(WorkflowPhase.Analysis, T0);
        s.Fail(WorkflowPhase.Analysis, T0.AddSeconds(1), "BATUTA-A-001", "missing");
        Assert.Equal(PhaseStatus.Failed, s[WorkflowPhase.Analysis].Status);
        Assert.Equal("BATUTA-A-001", s[WorkflowPhase.Analysis].ErrorCode);
        Assert.Equal(WorkflowPhase.Analysis, s.CurrentPhase);

        s.Start(WorkflowPhase.Analysis, T0.AddSeconds(2));
        Assert.Null(s[WorkflowPhase.Analysis].Error);
        s.Complete(WorkflowPhase.Analysis, T0.AddSeconds(3), "fp");
        Assert.Equal(PhaseStatus.Completed, s[WorkflowPhase.Analysis].Status);
    }

    [Fact]
    public void Completing_a_phase_that_is_not_in_progress_is_refused()
    {
        var s = WorkflowState.New();
        Assert.Throws<InvalidOperationException>(() => s.Complete(WorkflowPhase.Analysis, T0, "fp"));
    }

    [Fact]
    public void Reset_clears_the_phase_and_every_later_one_but_not_earlier_ones()
    {
        var s = Completed(3);
        s.Reset(WorkflowPhase.Transpilation);
        Assert.Equal(PhaseStatus.Completed, s[WorkflowPhase.Analysis].Status);
        Assert.Equal(PhaseStatus.NotStarted, s[WorkflowPhase.Transpilation].Status);
        Assert.Equal(PhaseStatus.NotStarted, s[WorkflowPhase.Optimization].Status);
        Assert.Null(s[WorkflowPhase.Optimization].Fingerprint);
    }

    [Fact]
    public void Restarting_an_earlier_phase_clears_the_later_ones_so_no_stale_success_remains()
    {
        var s = Completed(5);
        s.Start(WorkflowPhase.Analysis, T0.AddHours(1));
        Assert.All(WorkflowPhases.All.Skip(1), p => Assert.Equal(PhaseStatus.NotStarted, s[p].Status));
    }

    private static WorkflowState Completed(int count)
    {
        var s = WorkflowState.New();
        foreach (var p in WorkflowPhases.All.Take(count))
        {
            s.Start(p, T0);
            s.Complete(p, T0.AddSeconds(1), "fp-" + p);
        }
        return s;
    }
}
