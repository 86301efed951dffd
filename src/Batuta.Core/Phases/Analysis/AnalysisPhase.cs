using System.Globalization;
using System.Text.Json;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Workflow;

namespace Batuta.Core.Phases.Analysis;

/// <summary>
/// Phase 1: languages and lines, dependencies, ML frameworks, complexity and the technical-debt grade.
/// Reads the legacy tree only; writes its report under obj/batuta/analysis.
/// </summary>
public sealed class AnalysisPhase : IPhaseRunner
{
    public const string ReportFileName = "report.json";

    public WorkflowPhase Phase => WorkflowPhase.Analysis;

    public string ComputeFingerprint(PhaseContext context)
    {
        var s = context.Settings;
        return Fingerprint.Of(f =>
        {
            f.Add("tool", s.ToolVersion).Add("root", s.SourceRoot).Add("entry", s.EntryPoint);
            foreach (var file in SourceInventory.List(s.SourceRoot)) f.AddFile(s.SourceRoot, file.FullPath);
        });
    }

    public PhaseResult Execute(PhaseContext context)
    {
        var s = context.Settings;
        var result = new PhaseResult();
        if (!Directory.Exists(s.SourceRoot))
            return result.Add(ErrorCatalog.SourceRootMissing.Create(Relative(s, s.SourceRoot)).At(s.ProjectFile));

        var files = SourceInventory.List(s.SourceRoot);
        var report = new AnalysisReport { SourceRoot = Relative(s, s.SourceRoot), TotalFiles = files.Count };
        var byLanguage = new SortedDictionary<string, LanguageStats>(StringComparer.Ordinal);
        var declared = new List<Dependency>();
        var imports = new List<(string Module, string File)>();
        var functions = new List<FunctionComplexity>();
        var sizes = new List<(string, int)>();
        int syntaxErrors = 0;

        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file.FullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Add(ErrorCatalog.SourceUnreadable.Create(file.RelativePath, e.Message).At(file.FullPath));
                continue;
            }

            declared.AddRange(DeclaredDependencies(file, bytes));
            if (file.Language is not { } language) continue;

            var counts = language == SourceLanguage.Python
                ? MeasurePython(file, bytes, report, result, imports, functions, ref syntaxErrors)
                : LineCounter.Count(System.Text.Encoding.UTF8.GetString(bytes), SourceLanguage.CommentsOf(language));
            AddCounts(byLanguage, language, counts);
            sizes.Add((file.RelativePath, counts.Total));
        }

        report.SourceFiles = byLanguage.Values.Sum(l => l.Files);
        if (report.SourceFiles == 0)
            return result.Add(ErrorCatalog.NoSources.Create(Relative(s, s.SourceRoot)).At(s.ProjectFile));

        FillLanguages(report, byLanguage);
        FillDependencies(report, declared, imports, files);
        FillComplexity(report, functions, byLanguage.ContainsKey(SourceLanguage.Python));
        report.EntryPoint = EntryPointLocator.Locate(s, files) is { } ep ? Relative(s, ep) : null;
        report.Tdg = TdgCalculator.Grade(report, syntaxErrors, sizes);

        if (TdgGateFailure(s, report) is { } gate) result.Add(gate);

        WriteReport(context, report);
        Summarize(result, report);
        return result;
    }

    /// <summary>The diagnostic when the technical-debt grade is below the Jidoka mode's minimum; null when it passes or the mode has none.</summary>
    private static BatutaDiagnostic? TdgGateFailure(ProjectSettings s, AnalysisReport report) =>
        TdgCalculator.MinimumGrade(s.JidokaMode) is { } min && !TdgCalculator.Passes(report.Tdg.Grade, min)
            ? ErrorCatalog.TdgBelowGate.Create(report.Tdg.Grade, report.Tdg.Score, "minimum", min, s.JidokaMode.ToString().ToLowerInvariant()).At(s.ProjectFile)
            : null;

    /// <summary>The dependencies a manifest (requirements.txt, pyproject.toml...) declares; none for other files.</summary>
    private static IEnumerable<Dependency> DeclaredDependencies(SourceFile file, byte[] bytes)
    {
        var name = Path.GetFileName(file.FullPath);
        return DependencyScanner.IsManifest(name)
            ? DependencyScanner.ReadManifest(name, System.Text.Encoding.UTF8.GetString(bytes)).Select(d => d with { Source = file.RelativePath })
            : [];
    }

    /// <summary>Parses one Python file: its line counts, and its imports, functions, debt markers and syntax error.</summary>
    private static LineCounts MeasurePython(SourceFile file, byte[] bytes, AnalysisReport report, PhaseResult result,
        List<(string Module, string File)> imports, List<FunctionComplexity> functions, ref int syntaxErrors)
    {
        var insight = PythonInsight.Measure(file.RelativePath, bytes);
        imports.AddRange(insight.Imports.Select(i => (i, file.RelativePath)));
        functions.AddRange(insight.Functions);
        report.DebtMarkers += insight.DebtMarkers;
        if (insight.SyntaxError is { } err)
        {
            syntaxErrors++;
            result.Add(ErrorCatalog.SourceNotParsed.Create($"{file.RelativePath}: {err.Message}").At(file.FullPath, err.Line, err.Column));
        }
        return insight.Lines;
    }

    private static void AddCounts(SortedDictionary<string, LanguageStats> byLanguage, string language, LineCounts counts)
    {
        if (!byLanguage.TryGetValue(language, out var stats))
            byLanguage[language] = stats = new LanguageStats { Language = language };
        stats.Files++;
        stats.Code += counts.Code;
        stats.Comment += counts.Comment;
        stats.Blank += counts.Blank;
    }

    private static void FillLanguages(AnalysisReport report, SortedDictionary<string, LanguageStats> byLanguage)
    {
        int totalLines = byLanguage.Values.Sum(l => l.Code + l.Comment + l.Blank);
        foreach (var l in byLanguage.Values)
        {
            l.Percent = totalLines == 0 ? 0 : Math.Round(100.0 * (l.Code + l.Comment + l.Blank) / totalLines, 1);
            report.Lines.Code += l.Code;
            report.Lines.Comment += l.Comment;
            report.Lines.Blank += l.Blank;
        }
        report.Languages = byLanguage.Values.OrderByDescending(l => l.Code).ThenBy(l => l.Language, StringComparer.Ordinal).ToList();
        report.PrimaryLanguage = report.Languages.FirstOrDefault()?.Language;
    }

    private static void FillDependencies(AnalysisReport report, List<Dependency> declared, List<(string Module, string File)> imports, IReadOnlyList<SourceFile> files)
    {
        var firstParty = new HashSet<string>(files.Where(f => f.Language == SourceLanguage.Python)
            .SelectMany(f => new[] { Path.GetFileNameWithoutExtension(f.RelativePath), f.RelativePath.Split('/')[0] }), StringComparer.Ordinal);

        AddDependencies(report, declared, imports, firstParty);
        report.MlFrameworks = RecogniseFrameworks(declared, imports);
    }

    /// <summary>Declared dependencies first, then imported modules that are neither first-party nor already listed.</summary>
    private static void AddDependencies(AnalysisReport report, List<Dependency> declared, List<(string Module, string File)> imports, HashSet<string> firstParty)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in declared.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (seen.Add(d.Name))
                report.Dependencies.Add(new DependencyEntry { Name = d.Name, Kind = "declared", Source = d.Source, Version = d.Version });
        }
        foreach (var (module, file) in imports.OrderBy(i => i.Module, StringComparer.Ordinal))
        {
            var top = DependencyScanner.TopLevel(module);
            if (firstParty.Contains(top)) continue;
            bool stdlib = DependencyScanner.IsStandardLibrary(top);
            var key = stdlib ? top : DependencyScanner.Normalize(top);
            if (seen.Contains(key) || (!stdlib && seen.Contains(PackageNameOf(key)))) continue;
            seen.Add(key);
            report.Dependencies.Add(new DependencyEntry { Name = key, Kind = stdlib ? "stdlib" : "third-party", Source = file });
        }
    }

    /// <summary>The ML frameworks the project uses, the first evidence of each (declarations before imports).</summary>
    private static List<FrameworkEntry> RecogniseFrameworks(List<Dependency> declared, List<(string Module, string File)> imports)
    {
        var frameworks = new SortedDictionary<string, FrameworkEntry>(StringComparer.Ordinal);
        foreach (var d in declared)
            if (MlFrameworks.Recognise(d.Name) is { } fw && !frameworks.ContainsKey(fw.Framework))
                frameworks[fw.Framework] = new FrameworkEntry { Framework = fw.Framework, BatutaTarget = fw.Target, Evidence = d.Source };
        foreach (var (module, file) in imports)
            if (MlFrameworks.Recognise(module) is { } fw && !frameworks.ContainsKey(fw.Framework))
                frameworks[fw.Framework] = new FrameworkEntry { Framework = fw.Framework, BatutaTarget = fw.Target, Evidence = $"import {module} in {file}" };
        return frameworks.Values.ToList();
    }

    /// <summary>Import names that differ from their PyPI names.</summary>
    private static string PackageNameOf(string importName) => importName switch
    {
        "sklearn" => "scikit-learn",
        "yaml" => "pyyaml",
        "cv2" => "opencv-python",
        "pil" => "pillow",
        "bs4" => "beautifulsoup4",
        _ => importName,
    };

    private static void FillComplexity(AnalysisReport report, List<FunctionComplexity> functions, bool measured)
    {
        var c = report.Complexity;
        c.Measured = measured;
        c.Functions = functions.Count;
        if (functions.Count == 0) return;
        c.AverageCyclomatic = Math.Round(functions.Average(f => f.Cyclomatic), 2);
        c.MaxCyclomatic = functions.Max(f => f.Cyclomatic);
        c.AverageCognitive = Math.Round(functions.Average(f => f.Cognitive), 2);
        c.MaxCognitive = functions.Max(f => f.Cognitive);
        c.Hotspots = functions.OrderByDescending(f => f.Cyclomatic).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line)
            .Where(f => f.Cyclomatic > 10 || f.Cognitive > 15 || f.Length > 80).ToList();
    }

    private static void WriteReport(PhaseContext context, AnalysisReport report)
    {
        var path = Path.Combine(context.WorkDirectory(WorkflowPhase.Analysis), ReportFileName);
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(report, AnalysisJsonContext.Readable.AnalysisReport));
    }

    private static void Summarize(PhaseResult result, AnalysisReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        result.Set("files", report.SourceFiles.ToString(ci))
              .Set("lines", report.Lines.Total.ToString(ci))
              .Set("code_lines", report.Lines.Code.ToString(ci))
              .Set("primary_language", report.PrimaryLanguage ?? "none")
              .Set("languages", string.Join(", ", report.Languages.Select(l => $"{l.Language} {l.Files} file(s)/{l.Code + l.Comment + l.Blank} lines")))
              .Set("dependencies", report.Dependencies.Count(d => d.Kind != "stdlib").ToString(ci))
              .Set("ml_frameworks", report.MlFrameworks.Count == 0 ? "none" : string.Join(", ", report.MlFrameworks.Select(f => f.Framework)))
              .Set("tdg", string.Create(ci, $"{report.Tdg.Grade} ({report.Tdg.Score:0.0})"))
              .Set("entry_point", report.EntryPoint ?? "none");
        if (report.Complexity.Measured)
            result.Set("complexity", string.Create(ci, $"{report.Complexity.Functions} functions, avg {report.Complexity.AverageCyclomatic:0.0}, max {report.Complexity.MaxCyclomatic}"));

        result.Report.Add($"Analysis: {report.SourceFiles} source file(s), {report.Lines.Total} lines " +
                          $"({report.Lines.Code} code, {report.Lines.Comment} comment, {report.Lines.Blank} blank)");
        foreach (var l in report.Languages)
            result.Report.Add(string.Create(ci, $"  {l.Language,-10} {l.Files,4} file(s) {l.Code + l.Comment + l.Blank,7} lines {l.Percent,5:0.0}%"));
        var deps = report.Dependencies.Where(d => d.Kind != "stdlib").Select(d => d.Version is null ? d.Name : d.Name + d.Version).ToList();
        result.Report.Add($"  dependencies: {(deps.Count == 0 ? "none" : string.Join(", ", deps))}");
        if (report.MlFrameworks.Count > 0)
            result.Report.Add($"  ML frameworks: {string.Join(", ", report.MlFrameworks.Select(f => $"{f.Framework} → {f.BatutaTarget}"))}");
        result.Report.Add(string.Create(ci, $"  technical-debt grade: {report.Tdg.Grade} ({report.Tdg.Score:0.0}/100)") +
                          (report.Tdg.Penalties.Count > 0 ? $" [{string.Join("; ", report.Tdg.Penalties)}]" : ""));
    }

    private static string Relative(ProjectSettings s, string path) => Path.GetRelativePath(s.ProjectDirectory, path).Replace('\\', '/');
}
