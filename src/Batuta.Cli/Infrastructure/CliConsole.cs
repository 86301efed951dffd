using Batuta.Core.Diagnostics;
using Batuta.Core.Workflow;

namespace Batuta.Cli.Infrastructure;

/// <summary>The CLI's output: data on stdout, progress and diagnostics on stderr (so JSON on stdout stays clean).</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, bool inputIsInteractive)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public TextReader In { get; } = input;
    public bool InputIsInteractive { get; } = inputIsInteractive;

    public static CliConsole System() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsInputRedirected);

    /// <summary>A reporter that shows important progress and every diagnostic on stderr.</summary>
    public IWorkflowReporter Reporter(bool verbose = false) => new ConsoleReporter(Error, verbose);

    private sealed class ConsoleReporter(TextWriter error, bool verbose) : IWorkflowReporter
    {
        public void Message(string text, bool important = false)
        {
            if (important || verbose) error.WriteLine(text);
        }

        public void Diagnostic(BatutaDiagnostic diagnostic) => error.WriteLine(diagnostic.Format());

        public void PhaseFinished(WorkflowPhase phase, PhaseOutcome outcome, TimeSpan elapsed) { }
    }
}
