using System.Globalization;

namespace Batuta.Core.Diagnostics;

/// <summary>One row of the error catalog: a code, a message template and the standing hint.</summary>
public sealed record ErrorDefinition(string Code, string Title, DiagnosticSeverity Severity, string MessageFormat, string Hint)
{
    public BatutaDiagnostic Create(params object?[] args) =>
        new(Code, Severity, string.Format(CultureInfo.InvariantCulture, MessageFormat, args), Hint);
}
