using System.Globalization;

namespace Batuta.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A finding with a hierarchical code (BATUTA-A-001...), the file and line where known, and what to
/// do next. Front-ends turn it into MSBuild errors or console lines; the engine never prints.
/// </summary>
public sealed record BatutaDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? Hint = null,
    string? File = null,
    int Line = 0,
    int Column = 0,
    int EndLine = 0,
    int EndColumn = 0)
{
    public BatutaDiagnostic At(string? file, int line = 0, int column = 0, int endLine = 0, int endColumn = 0) =>
        this with { File = file, Line = line, Column = column, EndLine = endLine, EndColumn = endColumn };

    public BatutaDiagnostic WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

    /// <summary>MSBuild's canonical form: <c>file(line,col): error CODE: message</c>, then the hint.</summary>
    public string Format()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
            if (Line > 0)
            {
                sb.Append('(').Append(Line.ToString(ci));
                if (Column > 0) sb.Append(',').Append(Column.ToString(ci));
                sb.Append(')');
            }
            sb.Append(": ");
        }
        sb.Append(Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" });
        sb.Append(' ').Append(Code).Append(": ").Append(Message);
        if (Hint is not null) sb.Append(Environment.NewLine).Append("  hint: ").Append(Hint);
        return sb.ToString();
    }

    /// <summary>The message with its hint, for front-ends that show the location separately.</summary>
    public string MessageWithHint => Hint is null ? Message : $"{Message} Hint: {Hint}";
}
