namespace Batuta.Core.Workflow;

/// <summary>The five phases, in the only order they may run.</summary>
public enum WorkflowPhase
{
    Analysis,
    Transpilation,
    Optimization,
    Validation,
    Deployment,
}

public static class WorkflowPhases
{
    public static IReadOnlyList<WorkflowPhase> All { get; } =
    [
        WorkflowPhase.Analysis,
        WorkflowPhase.Transpilation,
        WorkflowPhase.Optimization,
        WorkflowPhase.Validation,
        WorkflowPhase.Deployment,
    ];

    public static WorkflowPhase? Previous(this WorkflowPhase phase) =>
        phase == WorkflowPhase.Analysis ? null : phase - 1;

    public static WorkflowPhase? Next(this WorkflowPhase phase) =>
        phase == WorkflowPhase.Deployment ? null : phase + 1;

    /// <summary>The letter of the phase's error codes: BATUTA-A-*, BATUTA-T-*, ...</summary>
    public static char CodeLetter(this WorkflowPhase phase) => phase switch
    {
        WorkflowPhase.Analysis => 'A',
        WorkflowPhase.Transpilation => 'T',
        WorkflowPhase.Optimization => 'O',
        WorkflowPhase.Validation => 'V',
        _ => 'B',
    };

    /// <summary>Parses a phase name case-insensitively, accepting the CLI verbs too (analyze, transpile...).</summary>
    public static bool TryParse(string text, out WorkflowPhase phase)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "analysis" or "analyze" or "analyse": phase = WorkflowPhase.Analysis; return true;
            case "transpilation" or "transpile": phase = WorkflowPhase.Transpilation; return true;
            case "optimization" or "optimize" or "optimise": phase = WorkflowPhase.Optimization; return true;
            case "validation" or "validate": phase = WorkflowPhase.Validation; return true;
            case "deployment" or "deploy": phase = WorkflowPhase.Deployment; return true;
            default: phase = default; return false;
        }
    }
}
