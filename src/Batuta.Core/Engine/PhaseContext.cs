using Batuta.Core.Diagnostics;
using Batuta.Core.Workflow;

namespace Batuta.Core.Engine;

/// <summary>What a running phase sees: the settings, the state as loaded, and the reporter for progress.</summary>
public sealed class PhaseContext(ProjectSettings settings, WorkflowState state, IWorkflowReporter reporter)
{
    public ProjectSettings Settings { get; } = settings;
    public WorkflowState State { get; } = state;
    public IWorkflowReporter Reporter { get; } = reporter;

    /// <summary>The fingerprint of the phase before, chained into this one's so that a change upstream re-runs downstream.</summary>
    public string? PreviousFingerprint(WorkflowPhase phase) =>
        phase.Previous() is { } p ? State[p].Fingerprint : null;

    /// <summary>A folder under obj/batuta for the phase's reports and scratch files.</summary>
    public string WorkDirectory(WorkflowPhase phase)
    {
        var dir = Path.Combine(Settings.IntermediateDirectory, phase.ToString().ToLowerInvariant());
        Directory.CreateDirectory(dir);
        return dir;
    }
}
