using System.Text.Json;
using Batuta.Cli.Infrastructure;
using Batuta.Core.Board;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Analysis;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta analyze|transpile|optimize|validate [project]</c>: runs one phase through the same engine
/// and settings as the build. Validation needs the migrated program built first (<c>batuta build</c>).
/// </summary>
public sealed class PhaseCommand(WorkflowPhase phase, string name, string summary) : ICommand
{
    public string Name => name;
    public string Summary => summary;
    public string Usage => $"batuta {name} [project] [--configuration Debug|Release] [--force] [--verbose]" + (phase == WorkflowPhase.Analysis ? " [--format text|json]" : "");

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (phase == WorkflowPhase.Transpilation && AsksForOutputFolder(args)) return new EjectCommand().Run(args, console);
        var a = CliArguments.Parse(args, new HashSet<string> { "--configuration", "-c", "--format" }, new HashSet<string> { "--force", "--verbose", "-v" });
        var format = OutputFormats.Parse(a.Option("--format"));
        if (format == OutputFormat.Json && phase != WorkflowPhase.Analysis)
            throw new UsageException("--format json is available for analyze (its report is data); use 'batuta status --format json' for phase state");
        var project = ProjectLocator.Locate(a.Positionals.SingleOrDefault());
        var settings = MSBuildProperties.Load(project, a.Option("--configuration") ?? a.Option("-c") ?? "Debug", console);

        var outcome = new WorkflowEngine().Run(phase, settings, console.Reporter(a.Flag("--verbose") || a.Flag("-v")), a.Flag("--force"));
        if (format == OutputFormat.Json) PrintReport(settings, outcome, console);
        else console.Out.WriteLine(KanbanBoard.Render(new StateStore(project.Directory).Load()));
        return outcome == PhaseOutcome.Failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary><c>batuta transpile ... --output dir</c> is the eject command under its other name.</summary>
    private static bool AsksForOutputFolder(IReadOnlyList<string> args) =>
        args.Any(x => x is "--output" or "-o" || x.StartsWith("--output=", StringComparison.Ordinal));

    /// <summary>The analysis report as JSON, when the phase produced one.</summary>
    private static void PrintReport(ProjectSettings settings, PhaseOutcome outcome, CliConsole console)
    {
        var report = Path.Combine(settings.IntermediateDirectory, "analysis", AnalysisPhase.ReportFileName);
        if (outcome != PhaseOutcome.Failed && File.Exists(report)) console.Out.WriteLine(File.ReadAllText(report).TrimEnd());
    }
}
