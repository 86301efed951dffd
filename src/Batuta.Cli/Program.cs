using Batuta.Cli.Commands;
using Batuta.Cli.Infrastructure;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Cli;

public static class Program
{
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new StatusCommand(),
        new ResetCommand(),
        new PhaseCommand(WorkflowPhase.Analysis, "analyze", "Run Analysis: languages, lines, dependencies, ML frameworks, complexity, TDG"),
        new PhaseCommand(WorkflowPhase.Transpilation, "transpile", "Run Transpilation of the project's legacy sources to C#"),
        new PhaseCommand(WorkflowPhase.Optimization, "optimize", "Run Optimization: plan SIMD/GPU dispatch for numeric code"),
        new PhaseCommand(WorkflowPhase.Validation, "validate", "Run Validation: original and migrated programs side by side"),
        new BuildCommand(),
        new PythonCommand(),
        new RunCommand(),
        new EjectCommand(),
        new InferCommand(),
    ];

    public static int Main(string[] args) => Run(args, CliConsole.System());

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (RunGlobalOption(args, console) is { } exitCode) return exitCode;

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            console.Error.WriteLine($"error: unknown command '{args[0]}'. Run 'batuta --help' for the list.");
            return ExitCodes.Usage;
        }
        // batuta run script.py --help: the script's own --help (argparse), not Batuta's; Batuta's only before the script.
        var own = command.Name == "run" ? args.Skip(1).Take(1) : args.Skip(1);
        if (own.Any(a => a is "-h" or "--help"))
        {
            console.Out.WriteLine($"{command.Summary}\nusage: {command.Usage}");
            return ExitCodes.Ok;
        }
        return Execute(command, args.Skip(1).ToList(), console);
    }

    /// <summary>No arguments, help or --version: handled here, before any command; null for anything else.</summary>
    private static int? RunGlobalOption(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(console.Out);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }
        if (args[0] is "--version")
        {
            console.Out.WriteLine(typeof(Program).Assembly.GetName().Version);
            return ExitCodes.Ok;
        }
        return null;
    }

    /// <summary>Runs the command and maps its expected failures to a message and an exit code.</summary>
    private static int Execute(ICommand command, List<string> arguments, CliConsole console)
    {
        try
        {
            return command.Run(arguments, console);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"error: {e.Message}\nusage: {command.Usage}");
            return ExitCodes.Usage;
        }
        catch (CliFailureException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (StateFileException e)
        {
            console.Error.WriteLine(e.Diagnostic.Format());
            return ExitCodes.Failed;
        }
    }

    private static void PrintHelp(TextWriter o)
    {
        o.WriteLine("batuta: migrate legacy Python into verified, fast .NET");
        o.WriteLine();
        o.WriteLine("usage: batuta <command> [project] [options]");
        foreach (var c in Commands) o.WriteLine($"  {c.Name,-12} {c.Summary}");
        o.WriteLine();
        o.WriteLine("Exit codes: 0 ok, 1 a phase or gate failed, 2 bad arguments.");
    }
}
