using Batuta.Core.Diagnostics;
using Batuta.Transpiler;

namespace Batuta.Core.Phases.Transpilation;

/// <summary>Adapts Batuta.Transpiler (pure, netstandard2.0) to the Transpilation phase: reads files, maps diagnostics.</summary>
public sealed class PythonLanguageTranspiler(string rootNamespace = "Migrated") : ILanguageTranspiler
{
    public string Language => Analysis.SourceLanguage.Python;

    public string Version => PythonTranspiler.Version + "/" + rootNamespace;

    public TranspileOutput Transpile(TranspileInput input)
    {
        var files = input.Files.Select(f => (f.RelativePath, File.ReadAllText(f.FullPath))).ToList();
        var entry = input.EntryPoint is null ? null : Path.GetRelativePath(input.SourceRoot, input.EntryPoint).Replace('\\', '/');
        var result = PythonTranspiler.Transpile(files, new TranspileOptions { EntryModule = entry, RootNamespace = rootNamespace, EmitProgram = entry is not null });

        var output = new TranspileOutput();
        foreach (var f in result.Files) output.Files[f.Path] = f.Text;
        foreach (var d in result.Diagnostics) output.Diagnostics.Add(Map(d, input.SourceRoot));
        output.Summary["python_modules"] = files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.Summary["dynamic_fallbacks"] = result.Diagnostics.Count(d => d.Code == TranspilerCodes.DynamicFallback).ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.Summary["unsupported_constructs"] = result.Diagnostics.Count(d => d.Code == TranspilerCodes.Unsupported).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return output;
    }

    private static BatutaDiagnostic Map(TranspilerDiagnostic d, string sourceRoot)
    {
        var severity = d.Severity switch
        {
            TranspilerSeverity.Error => DiagnosticSeverity.Error,
            TranspilerSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        var file = Path.GetFullPath(Path.Combine(sourceRoot, d.Path));
        // The transpiler's columns are CPython's 0-based byte offsets; MSBuild wants 1-based.
        return new BatutaDiagnostic(d.Code, severity, d.Message, d.Hint, file, d.Line, d.Column + 1, d.EndLine, d.EndColumn + 1);
    }
}
