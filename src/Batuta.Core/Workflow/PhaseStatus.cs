namespace Batuta.Core.Workflow;

public enum PhaseStatus
{
    NotStarted,
    InProgress,
    Completed,
    Failed,
}
