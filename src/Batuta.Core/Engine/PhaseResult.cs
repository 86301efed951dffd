using Batuta.Core.Diagnostics;

namespace Batuta.Core.Engine;

/// <summary>What a phase produced: its findings, its summary facts, and whether it passed its gate.</summary>
public sealed class PhaseResult
{
    public List<BatutaDiagnostic> Diagnostics { get; } = [];
    public SortedDictionary<string, string> Summary { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines shown to the user after the phase (reports, tables).</summary>
    public List<string> Report { get; } = [];

    public PhaseResult Add(BatutaDiagnostic d)
    {
        Diagnostics.Add(d);
        return this;
    }

    public PhaseResult Set(string key, string value)
    {
        Summary[key] = value;
        return this;
    }

    /// <summary>The diagnostic that stops the line under <paramref name="mode"/>, if any.</summary>
    public BatutaDiagnostic? Blocking(JidokaMode mode) =>
        Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)
        ?? (mode == JidokaMode.Strict ? Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Warning) : null);
}
