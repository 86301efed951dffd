using Batuta.Cli.Infrastructure;
using Batuta.Core.Board;
using Batuta.Core.State;

namespace Batuta.Cli.Commands;

/// <summary><c>batuta status [project] [--format json]</c>: the board with per-phase times, or the state as JSON.</summary>
public sealed class StatusCommand : ICommand
{
    public string Name => "status";
    public string Summary => "Show the phase board (start, end, duration, errors) of a project";
    public string Usage => "batuta status [project] [--format text|json]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, new HashSet<string> { "--format" }, new HashSet<string>());
        var format = OutputFormats.Parse(a.Option("--format"));
        var project = ProjectLocator.Locate(a.Positionals.SingleOrDefault());
        var state = new StateStore(project.Directory).Load();
        console.Out.WriteLine(format == OutputFormat.Json ? StateJson.Serialize(state) : KanbanBoard.Render(state, details: true));
        return ExitCodes.Ok;
    }
}
