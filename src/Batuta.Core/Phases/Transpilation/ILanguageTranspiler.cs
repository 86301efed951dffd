using Batuta.Core.Diagnostics;
using Batuta.Core.Phases.Analysis;

namespace Batuta.Core.Phases.Transpilation;

/// <summary>What a language transpiler gets: the legacy files of its language and where to write C#.</summary>
public sealed record TranspileInput(string SourceRoot, IReadOnlyList<SourceFile> Files, string? EntryPoint, string OutputDirectory);

/// <summary>What it gives back: generated files (relative path → C#) and diagnostics at legacy file/line.</summary>
public sealed class TranspileOutput
{
    public List<BatutaDiagnostic> Diagnostics { get; } = [];
    public SortedDictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Summary { get; } = new(StringComparer.Ordinal);
}

/// <summary>One source language's transpiler, as the Transpilation phase sees it.</summary>
public interface ILanguageTranspiler
{
    string Language { get; }

    /// <summary>Changes whenever the generated code could change, so the phase re-runs after an upgrade.</summary>
    string Version { get; }

    TranspileOutput Transpile(TranspileInput input);
}
