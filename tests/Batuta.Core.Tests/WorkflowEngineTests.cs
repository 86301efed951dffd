using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Core.Tests;

public class WorkflowEngineTests
{
    /// <summary>A phase whose behaviour the test scripts: a fingerprint, diagnostics to return, or an exception.</summary>
    private sealed class ScriptedPhase(WorkflowPhase phase) : IPhaseRunner
    {
        public string Fingerprint { get; set; } = "v1";
        public List<BatutaDiagnostic> Produce { get; } = [];
        public Exception? Throw { get; set; }
        public int Runs { get; private set; }

        public WorkflowPhase Phase => phase;
        public string ComputeFingerprint(PhaseContext context) => Fingerprint + "|" + context.PreviousFingerprint(phase);

        public PhaseResult Execute(PhaseContext context)
        {
            Runs++;
            if (Throw is not null) throw Throw;
            var r = new PhaseResult();
            r.Diagnostics.AddRange(Produce);
            return r;
        }
    }

    private static (WorkflowEngine Engine, Dictionary<WorkflowPhase, ScriptedPhase> Phases) Engine()
    {
        var phases = WorkflowPhases.All.ToDictionary(p => p, p => new ScriptedPhase(p));
        return (new WorkflowEngine(phases.Values), phases);
    }

    [Fact]
    public void Phases_run_in_order_and_all_complete()
    {
        using var p = new TempProject();
        var (engine, _) = Engine();
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Completed, engine.RunThrough(WorkflowPhase.Deployment, p.Settings(), r));
        Assert.Equal(WorkflowPhases.All, r.Phases.Select(x => x.Phase));
        var s = new StateStore(p.Directory).Load();
        Assert.Equal(100, s.ProgressPercent);
    }

    [Fact]
    public void A_phase_whose_predecessor_is_not_completed_does_not_run()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, engine.Run(WorkflowPhase.Validation, p.Settings(), r));
        Assert.Equal(0, phases[WorkflowPhase.Validation].Runs);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("BATUTA-Q-001", d.Code);
        Assert.Contains("Optimization is NotStarted", d.Message);
    }

    [Fact]
    public void An_unchanged_phase_is_up_to_date_and_does_no_work()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        engine.RunThrough(WorkflowPhase.Optimization, p.Settings(), new RecordingReporter());
        var before = new StateStore(p.Directory).Load();

        var r = new RecordingReporter();
        engine.RunThrough(WorkflowPhase.Optimization, p.Settings(), r);
        Assert.All(r.Phases, x => Assert.Equal(PhaseOutcome.UpToDate, x.Outcome));
        Assert.Contains("Analysis up to date", r.Messages);
        Assert.Equal(1, phases[WorkflowPhase.Analysis].Runs);
        Assert.Equal(before[WorkflowPhase.Analysis].StartedAt, new StateStore(p.Directory).Load()[WorkflowPhase.Analysis].StartedAt);
    }

    [Fact]
    public void A_change_upstream_reruns_downstream_through_the_chained_fingerprint()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        engine.RunThrough(WorkflowPhase.Optimization, p.Settings(), new RecordingReporter());
        phases[WorkflowPhase.Analysis].Fingerprint = "v2";
        engine.RunThrough(WorkflowPhase.Optimization, p.Settings(), new RecordingReporter());
        Assert.All(phases.Values.Take(3), ph => Assert.Equal(2, ph.Runs));
    }

    [Fact]
    public void A_failure_stops_the_line_and_later_phases_stay_not_started_then_a_fix_recovers()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        engine.RunThrough(WorkflowPhase.Deployment, p.Settings(), new RecordingReporter());
        phases[WorkflowPhase.Transpilation].Fingerprint = "changed";
        phases[WorkflowPhase.Transpilation].Produce.Add(new BatutaDiagnostic("BATUTA-T-002", DiagnosticSeverity.Error, "bad syntax", File: Path.Combine(p.Legacy, "main.py"), Line: 3));

        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, engine.RunThrough(WorkflowPhase.Deployment, p.Settings(), r));
        var s = new StateStore(p.Directory).Load();
        Assert.Equal(PhaseStatus.Completed, s[WorkflowPhase.Analysis].Status);
        Assert.Equal(PhaseStatus.Failed, s[WorkflowPhase.Transpilation].Status);
        Assert.Equal("BATUTA-T-002", s[WorkflowPhase.Transpilation].ErrorCode);
        Assert.Equal("legacy/main.py(3): bad syntax", s[WorkflowPhase.Transpilation].Error);
        Assert.All(WorkflowPhases.All.Skip(2), ph => Assert.Equal(PhaseStatus.NotStarted, s[ph].Status));
        Assert.DoesNotContain(r.Phases, x => x.Phase > WorkflowPhase.Transpilation);

        phases[WorkflowPhase.Transpilation].Produce.Clear();
        Assert.Equal(PhaseOutcome.Completed, engine.RunThrough(WorkflowPhase.Deployment, p.Settings(), new RecordingReporter()));
        Assert.Equal(100, new StateStore(p.Directory).Load().ProgressPercent);
    }

    [Fact]
    public void Strict_mode_turns_a_warning_into_a_stop_and_standard_mode_does_not()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        phases[WorkflowPhase.Analysis].Produce.Add(new BatutaDiagnostic("BATUTA-A-004", DiagnosticSeverity.Warning, "not parsed"));
        Assert.Equal(PhaseOutcome.Completed, engine.Run(WorkflowPhase.Analysis, p.Settings(), new RecordingReporter()));

        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, engine.Run(WorkflowPhase.Analysis, p.Settings(d => d["BatutaJidokaMode"] = "strict"), r));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(r.Diagnostics).Severity);
    }

    [Fact]
    public void A_crashing_phase_is_recorded_as_failed_with_BATUTA_Q_007_not_thrown()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        phases[WorkflowPhase.Analysis].Throw = new InvalidOperationException("boom");
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, engine.Run(WorkflowPhase.Analysis, p.Settings(), r));
        Assert.Equal("BATUTA-Q-007", r.Diagnostics[0].Code);
        Assert.Equal(PhaseStatus.Failed, new StateStore(p.Directory).Load()[WorkflowPhase.Analysis].Status);
    }

    [Fact]
    public void A_corrupt_state_file_fails_the_phase_cleanly_and_reset_recovers()
    {
        using var p = new TempProject();
        var (engine, _) = Engine();
        File.WriteAllText(Path.Combine(p.Directory, StateStore.FileName), "{ broken");
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, engine.Run(WorkflowPhase.Analysis, p.Settings(), r));
        Assert.Equal("BATUTA-Q-002", Assert.Single(r.Diagnostics).Code);
        Assert.Equal("{ broken", File.ReadAllText(Path.Combine(p.Directory, StateStore.FileName)));

        engine.Reset(p.Directory);
        Assert.Equal(PhaseOutcome.Completed, engine.Run(WorkflowPhase.Analysis, p.Settings(), new RecordingReporter()));
    }

    [Fact]
    public void A_disabled_phase_is_skipped_and_the_next_one_is_stopped_by_the_gate()
    {
        using var p = new TempProject();
        var (engine, phases) = Engine();
        var settings = p.Settings(d => d["BatutaEnableOptimization"] = "false");
        engine.RunThrough(WorkflowPhase.Transpilation, settings, new RecordingReporter());
        Assert.Equal(PhaseOutcome.Skipped, engine.Run(WorkflowPhase.Optimization, settings, new RecordingReporter()));
        Assert.Equal(0, phases[WorkflowPhase.Optimization].Runs);
        Assert.Equal(PhaseOutcome.Failed, engine.Run(WorkflowPhase.Validation, settings, new RecordingReporter()));
    }

    [Fact]
    public void Invalid_settings_are_reported_as_BATUTA_Q_006()
    {
        var problems = new List<BatutaDiagnostic>();
        ProjectSettings.FromProperties(Path.GetTempPath(), new Dictionary<string, string?>
        {
            ["BatutaJidokaMode"] = "extreme",
            ["BatutaEnableValidation"] = "yes",
            ["BatutaValidationTimeout"] = "-3",
            ["BatutaGpu"] = "always",
        }, problems);
        Assert.Equal(4, problems.Count);
        Assert.All(problems, d => Assert.Equal("BATUTA-Q-006", d.Code));
    }
}
