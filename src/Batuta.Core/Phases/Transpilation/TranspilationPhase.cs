using System.Globalization;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Analysis;
using Batuta.Core.Workflow;

namespace Batuta.Core.Phases.Transpilation;

/// <summary>
/// Phase 2: legacy sources → C#. The entry point's language must have a transpiler (else
/// BATUTA-T-001); files of other languages without one are reported and left alone. Generated
/// files go to obj/batuta/transpilation/, written only when their content changes.
/// </summary>
public sealed class TranspilationPhase(TranspilerRegistry? registry = null) : IPhaseRunner
{
    private TranspilerRegistry Registry(ProjectSettings settings) => registry ?? TranspilerRegistry.For(settings);

    public WorkflowPhase Phase => WorkflowPhase.Transpilation;

    public string ComputeFingerprint(PhaseContext context)
    {
        var s = context.Settings;
        return Fingerprint.Of(f =>
        {
            f.Add("previous", context.PreviousFingerprint(Phase)).Add("tool", s.ToolVersion)
             .Add("transpilers", Registry(s).Languages.Select(l => l + "@" + Registry(s).For(l).OrThrow().Version));
            // Analysis already hashed every source byte; its fingerprint is chained in above.
        });
    }

    public PhaseResult Execute(PhaseContext context)
    {
        var s = context.Settings;
        var result = new PhaseResult();
        var files = SourceInventory.List(s.SourceRoot);
        var entry = EntryPointLocator.Locate(s, files);
        if (s.EntryPoint is not null && !File.Exists(s.EntryPoint))
            return result.Add(ErrorCatalog.EntryPointMissing.Create(Relative(s, s.EntryPoint)).At(s.ProjectFile));

        var languages = files.Where(f => f.Language is not null).GroupBy(f => f.Language.OrThrow()).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        string? entryLanguage = entry is null ? null : SourceLanguage.Detect(entry, () => null) ?? SourceLanguage.Python;
        var output = context.WorkDirectory(Phase);
        var produced = new HashSet<string>(StringComparer.Ordinal);

        foreach (var group in languages)
            TranspileGroup(s, group, entry, entryLanguage, output, result, produced);

        // C# left over from a deleted or renamed legacy module must not be compiled.
        foreach (var stale in Directory.EnumerateFiles(output, "*.cs", SearchOption.AllDirectories).Where(f => !produced.Contains(Path.GetFullPath(f))).ToList())
            File.Delete(stale);
        result.Set("generated_files", produced.Count.ToString(CultureInfo.InvariantCulture));
        result.Set("entry_point", entry is null ? "none" : Relative(s, entry));
        return result;
    }

    /// <summary>Transpiles one language's files into <paramref name="output"/>, or reports that no transpiler handles them.</summary>
    private void TranspileGroup(ProjectSettings s, IGrouping<string, SourceFile> group, string? entry, string? entryLanguage, string output,
        PhaseResult result, HashSet<string> produced)
    {
        var transpiler = Registry(s).For(group.Key);
        if (transpiler is null)
        {
            if (group.Key == entryLanguage || entryLanguage is null)
                result.Add(ErrorCatalog.NoTranspiler.Create(group.Key, group.Count(), entry is null ? "none found" : Relative(s, entry)).At(entry ?? s.ProjectFile));
            else
                result.Add(ErrorCatalog.LanguageSkipped.Create(group.Count(), group.Key).At(group.First().FullPath));
            return;
        }

        var transpiled = transpiler.Transpile(new TranspileInput(s.SourceRoot, group.ToList(), entry, output));
        result.Diagnostics.AddRange(transpiled.Diagnostics);
        foreach (var (path, text) in transpiled.Files)
        {
            var full = Path.GetFullPath(Path.Combine(output, path));
            AtomicFile.WriteIfChanged(full, text);
            produced.Add(full);
        }
        foreach (var kv in transpiled.Summary) result.Set(kv.Key, kv.Value);
    }

    private static string Relative(ProjectSettings s, string path) => Path.GetRelativePath(s.ProjectDirectory, path).Replace('\\', '/');
}
