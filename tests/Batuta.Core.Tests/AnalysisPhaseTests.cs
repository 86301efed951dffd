using System.Text.Json;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Analysis;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Core.Tests;

public class AnalysisPhaseTests
{
    private static PhaseOutcome Analyze(TempProject p, RecordingReporter r, Action<Dictionary<string, string?>>? configure = null) =>
        new WorkflowEngine().Run(WorkflowPhase.Analysis, p.Settings(configure), r);

    private static AnalysisReport Report(TempProject p) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(p.Directory, "obj", "batuta", "analysis", "report.json")), AnalysisJsonContext.Default.AnalysisReport)!;

    [Fact]
    public void Counts_languages_lines_dependencies_and_frameworks()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "import numpy as np\nfrom sklearn.linear_model import Ridge\nimport os, json\nfrom . import local\nimport helpers\n\n# a comment\nprint(np.zeros(3))\n");
        p.Write("legacy/helpers.py", "def f():\n    return 1  # TODO: real logic\n");
        p.Write("legacy/run.sh", "#!/bin/sh\n# run it\npython3 main.py\n\n");
        p.Write("legacy/requirements.txt", "numpy>=1.24\nscikit_learn==1.2.1  # pinned\n-r other.txt\n");
        p.Write("legacy/data.csv", "a,b\n1,2\n");

        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Completed, Analyze(p, r));
        var report = Report(p);
        Assert.Equal(3, report.SourceFiles);
        Assert.Equal(5, report.TotalFiles);
        Assert.Equal("Python", report.PrimaryLanguage);
        var py = report.Languages.Single(l => l.Language == "Python");
        Assert.Equal(2, py.Files);
        Assert.Equal(8, py.Code);
        Assert.Equal(1, py.Comment);
        Assert.Equal(1, py.Blank);
        var sh = report.Languages.Single(l => l.Language == "Shell");
        Assert.Equal((1, 2, 1), (sh.Code, sh.Comment, sh.Blank));

        Assert.Contains(report.Dependencies, d => d is { Name: "numpy", Kind: "declared", Version: ">=1.24" });
        Assert.Contains(report.Dependencies, d => d is { Name: "scikit-learn", Kind: "declared", Version: "==1.2.1" });
        Assert.Contains(report.Dependencies, d => d is { Name: "os", Kind: "stdlib" });
        Assert.Contains(report.Dependencies, d => d is { Name: "json", Kind: "stdlib" });
        Assert.DoesNotContain(report.Dependencies, d => d.Name == "helpers" || d.Name == "sklearn");
        Assert.Equal(["numpy", "scikit-learn"], report.MlFrameworks.Select(f => f.Framework));
        Assert.Equal("Batuta.ML", report.MlFrameworks.Single(f => f.Framework == "scikit-learn").BatutaTarget);
        Assert.Equal(1, report.DebtMarkers);
        Assert.Equal("legacy/main.py", report.EntryPoint);
        Assert.Contains(r.Messages, m => m.Contains("ML frameworks: numpy → Batuta.Tensor", StringComparison.Ordinal));

        var state = new StateStore(p.Directory).Load();
        Assert.Equal("3", state[WorkflowPhase.Analysis].Summary["files"]);
    }

    [Fact]
    public void A_missing_source_root_fails_with_BATUTA_A_001()
    {
        using var p = new TempProject();
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, Analyze(p, r, d => d["BatutaSourceRoot"] = "nowhere/"));
        Assert.Equal("BATUTA-A-001", r.Diagnostics.Single().Code);
        Assert.Contains("nowhere", r.Diagnostics.Single().Message);
    }

    [Fact]
    public void An_empty_tree_fails_with_BATUTA_A_002()
    {
        using var p = new TempProject();
        p.Write("legacy/notes.txt", "nothing to migrate");
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, Analyze(p, r));
        Assert.Equal("BATUTA-A-002", r.Diagnostics.Single().Code);
    }

    [Fact]
    public void Editing_a_source_reruns_analysis_and_touching_nothing_does_not()
    {
        using var p = new TempProject();
        var main = p.Write("legacy/main.py", "print(1)\n");
        Assert.Equal(PhaseOutcome.Completed, Analyze(p, new RecordingReporter()));
        File.SetLastWriteTimeUtc(main, DateTime.UtcNow.AddMinutes(5)); // a touch is not a change
        Assert.Equal(PhaseOutcome.UpToDate, Analyze(p, new RecordingReporter()));
        File.AppendAllText(main, "print(2)\n");
        Assert.Equal(PhaseOutcome.Completed, Analyze(p, new RecordingReporter()));
    }

    [Fact]
    public void Manifests_in_every_supported_format_are_read()
    {
        Assert.Equal(["requests", "numpy"], DependencyScanner.ReadManifest("pyproject.toml", "[project]\nname='x'\ndependencies = [\n  \"requests>=2\",\n  'numpy',\n]\n").Select(d => d.Name));
        Assert.Equal(["flask"], DependencyScanner.ReadManifest("Pipfile", "[packages]\nflask = \"*\"\n[requires]\npython = \"3.11\"\n").Select(d => d.Name));
        Assert.Equal(["numpy", "scipy"], DependencyScanner.ReadManifest("environment.yml", "name: x\ndependencies:\n  - numpy=1.24\n  - scipy\n  - pip:\n").Select(d => d.Name));
        Assert.Equal(["pandas"], DependencyScanner.ReadManifest("setup.py", "setup(name='x', install_requires=['pandas>=2'])").Select(d => d.Name));
    }

    [Fact]
    public void The_debt_grade_falls_with_capped_penalties_and_grades_compare_in_order()
    {
        using var p = new TempProject();
        var lines = string.Concat(Enumerable.Range(0, 30).Select(i => $"x{i} = {i}  # TODO fix {i}\n"));
        p.Write("legacy/main.py", lines + string.Concat(Enumerable.Range(0, 60).Select(i => $"y{i} = {i}\n")));
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Completed, Analyze(p, r));
        var report = Report(p);
        // -10 for 30 markers (capped at 10), -5 because no line is a comment-only line.
        Assert.Equal(85, report.Tdg.Score);
        Assert.Equal("B", report.Tdg.Grade);
        Assert.Equal(2, report.Tdg.Penalties.Count);
        Assert.True(TdgCalculator.Passes("C", "C"));
        Assert.False(TdgCalculator.Passes("F", "D"));
    }

    [Fact]
    public void Complexity_comes_from_the_parser_and_a_syntax_error_is_reported_at_its_line()
    {
        using var p = new TempProject();
        var branches = string.Concat(Enumerable.Range(0, 12).Select(i => $"    if x == {i}:\n        return {i}\n"));
        p.Write("legacy/main.py", "def pick(x):\n" + branches + "    return -1\n\nclass A:\n    def m(self):\n        return 1\n");
        p.Write("legacy/broken.py", "def f(:\n    pass\n");
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Completed, Analyze(p, r));
        var report = Report(p);
        Assert.True(report.Complexity.Measured);
        Assert.Equal(2, report.Complexity.Functions);
        Assert.Equal(13, report.Complexity.MaxCyclomatic);
        var hot = Assert.Single(report.Complexity.Hotspots);
        Assert.Equal(("pick", 1), (hot.Name, hot.Line));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(("BATUTA-A-004", 1), (d.Code, d.Line));
        Assert.EndsWith("broken.py", d.File);
        Assert.Contains(report.Tdg.Penalties, x => x.Contains("do not parse", StringComparison.Ordinal));
        Assert.Contains(report.Tdg.Penalties, x => x.Contains("above 10", StringComparison.Ordinal));

        // In strict mode the warning stops the line.
        Assert.Equal(PhaseOutcome.Failed, Analyze(p, new RecordingReporter(), c => c["BatutaJidokaMode"] = "strict"));
    }
}
