using Batuta.Core.Workflow;

namespace Batuta.Core.Diagnostics;

/// <summary>How the engine talks to its front-end (MSBuild logger or console).</summary>
public interface IWorkflowReporter
{
    /// <summary>Progress text. Important lines are shown at normal verbosity.</summary>
    void Message(string text, bool important = false);

    void Diagnostic(BatutaDiagnostic diagnostic);

    void PhaseFinished(WorkflowPhase phase, PhaseOutcome outcome, TimeSpan elapsed);
}

public enum PhaseOutcome
{
    Completed,
    UpToDate,
    Failed,
    Skipped,
}

/// <summary>Collects everything in memory; for tests and for callers that print later.</summary>
public sealed class RecordingReporter : IWorkflowReporter
{
    public List<string> Messages { get; } = [];
    public List<BatutaDiagnostic> Diagnostics { get; } = [];
    public List<(WorkflowPhase Phase, PhaseOutcome Outcome)> Phases { get; } = [];

    public void Message(string text, bool important = false) => Messages.Add(text);
    public void Diagnostic(BatutaDiagnostic diagnostic) => Diagnostics.Add(diagnostic);
    public void PhaseFinished(WorkflowPhase phase, PhaseOutcome outcome, TimeSpan elapsed) => Phases.Add((phase, outcome));
}
