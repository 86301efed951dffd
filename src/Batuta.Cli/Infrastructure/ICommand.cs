namespace Batuta.Cli.Infrastructure;

/// <summary>One <c>batuta</c> subcommand. Exit codes: 0 ok, 1 a failed gate or phase, 2 bad arguments.</summary>
public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    int Run(IReadOnlyList<string> args, CliConsole console);
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
