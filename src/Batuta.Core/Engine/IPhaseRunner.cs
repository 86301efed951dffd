using Batuta.Core.Workflow;

namespace Batuta.Core.Engine;

/// <summary>One phase's work. The engine owns state, locking, gates and reporting around it.</summary>
public interface IPhaseRunner
{
    WorkflowPhase Phase { get; }

    /// <summary>A hash of everything <see cref="Execute"/> would read. Must be cheap: it runs on every build.</summary>
    string ComputeFingerprint(PhaseContext context);

    PhaseResult Execute(PhaseContext context);
}
