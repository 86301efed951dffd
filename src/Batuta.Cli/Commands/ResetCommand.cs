using Batuta.Cli.Infrastructure;
using Batuta.Core.Engine;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta reset [project] [--phase P] [--yes]</c>: clears a phase and every later one (all phases by
/// default). This is also the way out of a corrupt state file. Legacy sources are never touched.
/// </summary>
public sealed class ResetCommand : ICommand
{
    public string Name => "reset";
    public string Summary => "Reset the workflow state (all phases, or one phase and the ones after it)";
    public string Usage => "batuta reset [project] [--phase analysis|transpilation|optimization|validation|deployment] [--yes]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, new HashSet<string> { "--phase" }, new HashSet<string> { "--yes", "-y" });
        var project = ProjectLocator.Locate(a.Positionals.SingleOrDefault());
        WorkflowPhase? from = null;
        if (a.Option("--phase") is { } p)
        {
            if (!WorkflowPhases.TryParse(p, out var parsed)) throw new UsageException($"unknown phase '{p}'");
            from = parsed;
        }

        string what = from is null ? "all phases" : $"{from} and every later phase";
        if (!a.Flag("--yes") && !a.Flag("-y"))
        {
            if (!console.InputIsInteractive)
                throw new UsageException($"refusing to reset {what} of {project.Directory} without confirmation: pass --yes");
            console.Error.Write($"Reset {what} of {project.Directory}? [y/N] ");
            var answer = console.In.ReadLine()?.Trim().ToLowerInvariant();
            if (answer is not ("y" or "yes"))
            {
                console.Error.WriteLine("Nothing changed.");
                return ExitCodes.Ok;
            }
        }

        new WorkflowEngine().Reset(project.Directory, from);
        console.Error.WriteLine($"Reset {what}; {StateStore.FileName} rewritten.");
        return ExitCodes.Ok;
    }
}
