using System.Diagnostics;
using Batuta.Core.Diagnostics;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Core.Engine;

/// <summary>
/// The one engine behind the MSBuild tasks and the CLI. Runs a phase under the project's state
/// lock: Jidoka gate, up-to-date check, state transitions, atomic saves and reporting.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly IReadOnlyDictionary<WorkflowPhase, IPhaseRunner> _runners;
    private readonly Func<DateTimeOffset> _clock;

    public WorkflowEngine(IEnumerable<IPhaseRunner>? runners = null, Func<DateTimeOffset>? clock = null)
    {
        _runners = (runners ?? DefaultRunners()).ToDictionary(r => r.Phase);
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    public static IEnumerable<IPhaseRunner> DefaultRunners() =>
    [
        new Phases.Analysis.AnalysisPhase(),
        new Phases.Transpilation.TranspilationPhase(),
        new Phases.Optimization.OptimizationPhase(),
        new Phases.Validation.ValidationPhase(),
        new Phases.Deployment.DeploymentPhase(),
    ];

    /// <summary>How long a build waits for another build of the same project to release the state.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Runs one phase. Never throws for user errors: they come back as Failed plus diagnostics.</summary>
    public PhaseOutcome Run(WorkflowPhase phase, ProjectSettings settings, IWorkflowReporter reporter, bool force = false)
    {
        var sw = Stopwatch.StartNew();
        if (!settings.IsEnabled(phase))
        {
            reporter.Message($"{phase} skipped (Batuta{PropertySuffix(phase)} is false)", important: true);
            reporter.PhaseFinished(phase, PhaseOutcome.Skipped, sw.Elapsed);
            return PhaseOutcome.Skipped;
        }

        var store = new StateStore(settings.ProjectDirectory);
        try
        {
            using var _ = store.Lock(LockTimeout, () => reporter.Message($"{phase}: waiting for another build of this project to release {StateStore.FileName}...", important: true));
            var state = store.Load();
            var outcome = RunLocked(phase, settings, reporter, store, state, force);
            reporter.PhaseFinished(phase, outcome, sw.Elapsed);
            return outcome;
        }
        catch (StateFileException e)
        {
            reporter.Diagnostic(e.Diagnostic);
            reporter.PhaseFinished(phase, PhaseOutcome.Failed, sw.Elapsed);
            return PhaseOutcome.Failed;
        }
    }

    /// <summary>Runs phases in order up to and including <paramref name="last"/>, stopping at the first failure.</summary>
    public PhaseOutcome RunThrough(WorkflowPhase last, ProjectSettings settings, IWorkflowReporter reporter, bool force = false)
    {
        var outcome = PhaseOutcome.Completed;
        foreach (var phase in WorkflowPhases.All.Where(p => p <= last))
        {
            outcome = Run(phase, settings, reporter, force);
            if (outcome == PhaseOutcome.Failed) return outcome;
        }
        return outcome;
    }

    /// <summary>The Jidoka stop for <paramref name="phase"/> (its predecessor is not Completed), or null when it may run.</summary>
    public BatutaDiagnostic? CheckGate(WorkflowPhase phase, ProjectSettings settings)
    {
        if (!settings.IsEnabled(phase)) return null;
        try
        {
            var state = new StateStore(settings.ProjectDirectory).Load();
            return GateStop(phase, state);
        }
        catch (StateFileException e)
        {
            return e.Diagnostic;
        }
    }

    private static BatutaDiagnostic? GateStop(WorkflowPhase phase, WorkflowState state)
    {
        if (phase.Previous() is not { } previous || state.StatusOf(previous) == PhaseStatus.Completed) return null;
        var info = state[previous];
        string status = info.Status == PhaseStatus.Failed && info.ErrorCode is not null ? $"Failed ({info.ErrorCode})" : info.Status.ToString();
        return ErrorCatalog.PredecessorIncomplete.Create(phase, previous, status);
    }

    private PhaseOutcome RunLocked(WorkflowPhase phase, ProjectSettings settings, IWorkflowReporter reporter, StateStore store, WorkflowState state, bool force)
    {
        if (GateStop(phase, state) is { } stop)
        {
            reporter.Diagnostic(stop.At(settings.ProjectFile));
            return PhaseOutcome.Failed;
        }

        var context = new PhaseContext(settings, state, reporter);
        var runner = _runners[phase];
        string fingerprint;
        try
        {
            // The Jidoka mode decides what stops a phase, so a changed mode re-runs the gates.
            string own = runner.ComputeFingerprint(context);
            fingerprint = Fingerprint.Of(f => f.Add("phase", own).Add("mode", settings.JidokaMode.ToString()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Crash(phase, store, state, reporter, e);
        }

        if (!force && state[phase].Status == PhaseStatus.Completed && state[phase].Fingerprint == fingerprint)
        {
            reporter.Message($"{phase} up to date", important: true);
            return PhaseOutcome.UpToDate;
        }

        state.Start(phase, _clock());
        store.Save(state);
        reporter.Message($"{phase}: running...", important: true);

        PhaseResult result;
        try
        {
            result = runner.Execute(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Crash(phase, store, state, reporter, e);
        }

        foreach (var line in result.Report) reporter.Message(line, important: true);
        var blocking = result.Blocking(settings.JidokaMode);
        foreach (var d in result.Diagnostics)
        {
            // In strict mode the warning that stops the line is reported as the error it became.
            reporter.Diagnostic(d == blocking ? d.WithSeverity(DiagnosticSeverity.Error) : d);
        }

        if (blocking is not null)
        {
            state.Fail(phase, _clock(), blocking.Code, Location(settings, blocking) + blocking.Message, result.Summary);
            store.Save(state);
            return PhaseOutcome.Failed;
        }

        state.Complete(phase, _clock(), fingerprint, result.Summary);
        store.Save(state);
        reporter.Message($"{phase} completed in {state[phase].Duration:0.00} s", important: true);
        return PhaseOutcome.Completed;
    }

    private PhaseOutcome Crash(WorkflowPhase phase, StateStore store, WorkflowState state, IWorkflowReporter reporter, Exception e)
    {
        var d = ErrorCatalog.PhaseCrashed.Create(phase, $"{e.GetType().Name}: {e.Message}");
        reporter.Diagnostic(d);
        reporter.Message(e.ToString());
        state.Fail(phase, _clock(), d.Code, d.Message);
        store.Save(state);
        return PhaseOutcome.Failed;
    }

    /// <summary>The project-relative location that prefixes a failure in the state file.</summary>
    private static string Location(ProjectSettings settings, BatutaDiagnostic d)
    {
        if (d.File is null) return "";
        var file = Path.IsPathRooted(d.File) ? Path.GetRelativePath(settings.ProjectDirectory, d.File).Replace('\\', '/') : d.File;
        return d.Line > 0 ? $"{file}({d.Line}): " : $"{file}: ";
    }

    private static string PropertySuffix(WorkflowPhase phase) => $"Enable{phase}";

    /// <summary>Resets <paramref name="from"/> and all later phases (all phases when null). Works on a corrupt file by replacing it.</summary>
    public void Reset(string projectDirectory, WorkflowPhase? from = null)
    {
        var store = new StateStore(projectDirectory);
        using var _ = store.Lock(LockTimeout);
        WorkflowState state;
        try
        {
            state = store.Load();
        }
        catch (StateFileException)
        {
            state = WorkflowState.New();
        }
        state.Reset(from ?? WorkflowPhase.Analysis);
        store.Save(state);
    }
}
