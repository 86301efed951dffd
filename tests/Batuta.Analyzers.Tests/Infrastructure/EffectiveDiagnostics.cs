using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Batuta.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the whole rule set the way the compiler does in a build: a workspace project with analyzer config documents,
/// so .editorconfig and global configs apply, and returns the diagnostics with their effective severity.
/// (The analyzer testing library reports a warning raised to error as a warning, so preset tests use this instead.)
/// </summary>
internal static class EffectiveDiagnostics
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        IEnumerable<string> sources, IEnumerable<(string Path, string Text)> analyzerConfigs, bool stopOnCompilerErrors = true)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Sample", "Sample", LanguageNames.CSharp,
                filePath: "/src/Sample.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.Net));
        int n = 0;
        foreach (var source in sources)
        {
            var path = "/src/File" + n++ + ".cs";
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(source), filePath: path);
        }
        foreach (var (path, text) in analyzerConfigs)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        if (stopOnCompilerErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) throw new InvalidOperationException("The sample does not compile:\n" + string.Join("\n", errors));
        }
        var withAnalyzers = compilation.WithAnalyzers(AllRules.Analyzers, project.AnalyzerOptions);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (crashes.Count > 0) throw new InvalidOperationException("An analyzer crashed:\n" + string.Join("\n", crashes));
        return diagnostics;
    }
}
