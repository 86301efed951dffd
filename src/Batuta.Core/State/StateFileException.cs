using Batuta.Core.Diagnostics;

namespace Batuta.Core.State;

/// <summary>The state file could not be read, written or locked. Carries a diagnostic with a way out.</summary>
public sealed class StateFileException(BatutaDiagnostic diagnostic, Exception? inner = null)
    : Exception(diagnostic.Message, inner)
{
    public BatutaDiagnostic Diagnostic { get; } = diagnostic;
}
