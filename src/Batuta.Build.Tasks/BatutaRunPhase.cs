using Batuta.Core.Board;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.State;
using Batuta.Core.Workflow;
using Microsoft.Build.Framework;

namespace Batuta.Build.Tasks;

/// <summary>
/// Runs one Batuta phase through the shared engine. Thin on purpose: it maps task parameters to the
/// same MSBuild property names the CLI reads, calls <see cref="WorkflowEngine"/>, and prints the board
/// when the line stops.
/// </summary>
public sealed class BatutaRunPhase : Microsoft.Build.Utilities.Task
{
    [Required] public string Phase { get; set; } = "";
    [Required] public string ProjectDirectory { get; set; } = "";

    /// <summary>Item = MSBuild property name, metadata Value = its value (see Sdk/Phases/Batuta.Phase.targets).</summary>
    public ITaskItem[] Settings { get; set; } = [];

    /// <summary>Only check the Jidoka gate (the predecessor is Completed); used before publish writes anything.</summary>
    public bool GateOnly { get; set; }

    public bool Force { get; set; }

    [Output] public string Outcome { get; set; } = "";

    public override bool Execute()
    {
        var reporter = new MSBuildReporter(Log);
        if (!WorkflowPhases.TryParse(Phase, out var phase))
        {
            Log.LogError("Batuta", "BATUTA-Q-006", null, null, 0, 0, 0, 0, "Unknown phase '{0}'.", Phase);
            return false;
        }

        var properties = Settings.ToDictionary(i => i.ItemSpec, i => (string?)i.GetMetadata("Value"), StringComparer.Ordinal);
        string? projectFile = properties.GetValueOrDefault("MSBuildProjectFullPath");
        var problems = new List<BatutaDiagnostic>();
        var settings = ProjectSettings.FromProperties(ProjectDirectory, properties, problems);
        foreach (var p in problems) reporter.Diagnostic(p.At(projectFile));
        if (problems.Count > 0) return false;

        var engine = new WorkflowEngine();
        if (GateOnly)
        {
            var stop = engine.CheckGate(phase, settings);
            if (stop is null) return true;
            reporter.Diagnostic(stop.At(projectFile));
            PrintBoard(settings.ProjectDirectory);
            return false;
        }

        var outcome = engine.Run(phase, settings, reporter, Force);
        Outcome = outcome.ToString();
        if (outcome == PhaseOutcome.Failed)
        {
            PrintBoard(settings.ProjectDirectory);
            return false;
        }
        return !reporter.HadError;
    }

    private void PrintBoard(string projectDirectory)
    {
        try
        {
            Log.LogMessage(MessageImportance.High, "{0}", KanbanBoard.Render(new StateStore(projectDirectory).Load()));
        }
        catch (StateFileException)
        {
            // The failure itself was already reported; a board is not worth a second error.
        }
    }
}
