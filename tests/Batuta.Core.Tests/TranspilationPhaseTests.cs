using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Transpilation;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Core.Tests;

public class TranspilationPhaseTests
{
    private sealed class EchoTranspiler : ILanguageTranspiler
    {
        public string Language => "Python";
        public string Version => "test-1";
        public TranspileOutput Transpile(TranspileInput input)
        {
            var o = new TranspileOutput();
            foreach (var f in input.Files) o.Files[Path.ChangeExtension(f.RelativePath, ".cs")] = "// " + f.RelativePath;
            return o;
        }
    }

    [Fact]
    public void Without_a_transpiler_for_the_entry_language_the_phase_fails_with_BATUTA_T_001()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "print('hi')\n");
        var engine = new WorkflowEngine([new Phases.Analysis.AnalysisPhase(), new TranspilationPhase(new TranspilerRegistry([]))]);
        engine.Run(WorkflowPhase.Analysis, p.Settings(), new RecordingReporter());
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Failed, engine.Run(WorkflowPhase.Transpilation, p.Settings(), r));
        var d = r.Diagnostics.Single();
        Assert.Equal("BATUTA-T-001", d.Code);
        Assert.EndsWith("main.py", d.File);
        Assert.Equal("BATUTA-T-001", new StateStore(p.Directory).Load()[WorkflowPhase.Transpilation].ErrorCode);
    }

    [Fact]
    public void Other_languages_without_a_transpiler_are_a_warning_and_outputs_are_written_once()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "print('hi')\n");
        p.Write("legacy/deploy.sh", "echo hi\n");
        var engine = new WorkflowEngine([new Phases.Analysis.AnalysisPhase(), new TranspilationPhase(new TranspilerRegistry([new EchoTranspiler()]))]);
        engine.Run(WorkflowPhase.Analysis, p.Settings(), new RecordingReporter());
        var r = new RecordingReporter();
        Assert.Equal(PhaseOutcome.Completed, engine.Run(WorkflowPhase.Transpilation, p.Settings(), r));
        var w = r.Diagnostics.Single();
        Assert.Equal(("BATUTA-T-007", DiagnosticSeverity.Warning), (w.Code, w.Severity));

        var generated = Path.Combine(p.Directory, "obj", "batuta", "transpilation", "main.cs");
        Assert.Equal("// main.py", File.ReadAllText(generated));
        var stamp = DateTime.UtcNow.AddDays(-1);
        File.SetLastWriteTimeUtc(generated, stamp);
        Assert.Equal(PhaseOutcome.Completed, engine.Run(WorkflowPhase.Transpilation, p.Settings(), new RecordingReporter(), force: true));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(generated)); // unchanged content keeps its timestamp: CoreCompile stays incremental
    }
}
