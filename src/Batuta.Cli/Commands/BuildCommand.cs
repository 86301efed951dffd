using System.Diagnostics;
using Batuta.Cli.Infrastructure;
using Batuta.Core.Board;
using Batuta.Core.State;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta build [project]</c>: runs <c>dotnet build</c> on the project, so the five phases run as
/// the SDK's targets (Transpilation's C# must be compiled by MSBuild), then prints the board.
/// </summary>
public sealed class BuildCommand : ICommand
{
    public string Name => "build";
    public string Summary => "Build the project through Batuta.Sdk: every phase in order, then the board";
    public string Usage => "batuta build [project] [--configuration Debug|Release] [--publish]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, new HashSet<string> { "--configuration", "-c" }, new HashSet<string> { "--publish" });
        var project = ProjectLocator.Locate(a.Positionals.SingleOrDefault());
        var file = ProjectLocator.RequireProjectFile(project);
        var psi = new ProcessStartInfo(MSBuildProperties.DotnetHost()) { UseShellExecute = false };
        foreach (var arg in new[] { a.Flag("--publish") ? "publish" : "build", file, "-nologo", "-tl:off", "-v:m", "-c", a.Option("--configuration") ?? a.Option("-c") ?? "Debug" })
            psi.ArgumentList.Add(arg);
        using var p = Process.Start(psi) ?? throw new CliFailureException("could not start dotnet");
        p.WaitForExit();
        console.Out.WriteLine(KanbanBoard.Render(new StateStore(project.Directory).Load()));
        return p.ExitCode == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
