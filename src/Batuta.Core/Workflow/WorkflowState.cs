namespace Batuta.Core.Workflow;

/// <summary>
/// The phase state machine: NotStarted → InProgress → Completed or Failed. A Failed phase can be
/// retried; a Completed phase stays Completed until it is reset, and resetting (or re-running) a
/// phase clears every phase after it, so the board never shows a stale later success.
/// </summary>
public sealed class WorkflowState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public WorkflowPhase? CurrentPhase { get; set; }

    public SortedDictionary<WorkflowPhase, PhaseInfo> Phases { get; set; } = [];

    public static WorkflowState New()
    {
        var state = new WorkflowState();
        state.Normalize();
        return state;
    }

    /// <summary>Fills in phases a hand-edited or older file left out.</summary>
    public void Normalize()
    {
        foreach (var phase in WorkflowPhases.All)
        {
            if (!Phases.TryGetValue(phase, out var info))
                Phases[phase] = PhaseInfo.NotStarted(phase);
            else
                info.Phase = phase;
        }
    }

    public PhaseInfo this[WorkflowPhase phase] => Phases[phase];

    public PhaseStatus StatusOf(WorkflowPhase phase) => Phases.TryGetValue(phase, out var i) ? i.Status : PhaseStatus.NotStarted;

    public void Start(WorkflowPhase phase, DateTimeOffset now)
    {
        ClearAfter(phase);
        var info = Phases[phase];
        info.Clear();
        info.Status = PhaseStatus.InProgress;
        info.StartedAt = now;
        CurrentPhase = phase;
    }

    public void Complete(WorkflowPhase phase, DateTimeOffset now, string fingerprint, IReadOnlyDictionary<string, string>? summary = null)
    {
        var info = Phases[phase];
        if (info.Status != PhaseStatus.InProgress)
            throw new InvalidOperationException($"{phase} cannot complete from {info.Status}; it must be InProgress.");
        info.Status = PhaseStatus.Completed;
        info.CompletedAt = now;
        info.Duration = info.StartedAt is { } s ? Math.Max(0, (now - s).TotalSeconds) : null;
        info.Fingerprint = fingerprint;
        info.Error = null;
        info.ErrorCode = null;
        if (summary is not null)
            foreach (var kv in summary) info.Summary[kv.Key] = kv.Value;
        CurrentPhase = phase.Next();
    }

    public void Fail(WorkflowPhase phase, DateTimeOffset now, string errorCode, string error, IReadOnlyDictionary<string, string>? summary = null)
    {
        var info = Phases[phase];
        if (info.Status == PhaseStatus.NotStarted)
            info.StartedAt = now;
        info.Status = PhaseStatus.Failed;
        info.CompletedAt = now;
        info.Duration = info.StartedAt is { } s ? Math.Max(0, (now - s).TotalSeconds) : null;
        info.ErrorCode = errorCode;
        info.Error = error;
        info.Fingerprint = null;
        if (summary is not null)
            foreach (var kv in summary) info.Summary[kv.Key] = kv.Value;
        CurrentPhase = phase;
    }

    /// <summary>Resets <paramref name="phase"/> and every later phase to NotStarted.</summary>
    public void Reset(WorkflowPhase phase)
    {
        Phases[phase].Clear();
        ClearAfter(phase);
        CurrentPhase = phase == WorkflowPhase.Analysis ? null : phase;
    }

    public void ResetAll() => Reset(WorkflowPhase.Analysis);

    private void ClearAfter(WorkflowPhase phase)
    {
        for (var p = phase.Next(); p is { } next; p = next.Next())
            Phases[next].Clear();
    }

    /// <summary>Share of phases Completed, 0..100.</summary>
    public double ProgressPercent =>
        100.0 * WorkflowPhases.All.Count(p => StatusOf(p) == PhaseStatus.Completed) / WorkflowPhases.All.Count;
}
