using System.Text.Json;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Analysis;
using Batuta.Core.Workflow;

namespace Batuta.Core.Phases.Optimization;

/// <summary>
/// Phase 3: plans where numeric work will run. Numeric frameworks found by Analysis map to
/// Batuta.Tensor/ML/Inference, whose operations dispatch to SIMD (the widest width this CPU has) or
/// the GPU at run time; [Kernel] methods get SIMD/GPU code from the source generator at compile time.
/// The phase records the plan and enforces <c>BatutaGpu=required</c>.
/// </summary>
public sealed class OptimizationPhase : IPhaseRunner
{
    public WorkflowPhase Phase => WorkflowPhase.Optimization;

    public string ComputeFingerprint(PhaseContext context) =>
        Fingerprint.Of(f => f.Add("previous", context.PreviousFingerprint(Phase)).Add("gpu", context.Settings.GpuMode)
                             .Add("isa", ComputeTargets.InstructionSet()).Add("driver", ComputeTargets.GpuDriver()));

    public PhaseResult Execute(PhaseContext context)
    {
        var s = context.Settings;
        var result = new PhaseResult();
        string isa = ComputeTargets.InstructionSet();
        string? driver = s.GpuMode == "off" ? null : ComputeTargets.GpuDriver();
        if (s.GpuMode == "required" && driver is null)
            return result.Add(ErrorCatalog.GpuRequired.Create("no CUDA or OpenCL driver found").At(s.ProjectFile));

        var report = ReadAnalysis(context);
        var frameworks = report?.MlFrameworks ?? [];
        string gpu = GpuLabel(s.GpuMode, driver);
        result.Set("cpu_isa", isa).Set("gpu", gpu).Set("numeric_frameworks", FrameworkList(frameworks));

        if (frameworks.Count == 0)
        {
            result.Set("plan", "no numeric hot spots: scalar code runs as compiled C#");
            result.Report.Add($"Optimization: no numeric frameworks; nothing to dispatch (CPU {isa}, GPU {gpu})");
            return result;
        }

        string gpuByCost = driver is null ? "" : ", GPU by cost", gpuPlan = driver is null ? "" : "/GPU";
        foreach (var f in frameworks)
            result.Report.Add($"Optimization: {f.Framework} → {f.BatutaTarget}: SIMD {isa}{gpuByCost}");
        result.Set("plan", string.Join("; ", frameworks.Select(f => $"{f.Framework} → {f.BatutaTarget} ({isa}{gpuPlan})")));
        return result;
    }

    private static string FrameworkList(List<FrameworkEntry> frameworks) =>
        frameworks.Count == 0 ? "none" : string.Join(", ", frameworks.Select(f => f.Framework));

    private static string GpuLabel(string gpuMode, string? driver) =>
        gpuMode == "off" ? "off (BatutaGpu=off)" : driver is null ? "none found (CPU SIMD only)" : $"available ({driver})";

    private static AnalysisReport? ReadAnalysis(PhaseContext context)
    {
        var path = Path.Combine(context.Settings.IntermediateDirectory, "analysis", AnalysisPhase.ReportFileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), AnalysisJsonContext.Default.AnalysisReport) : null;
        }
        catch (JsonException)
        {
            return null; // A damaged report only loses the plan's detail; Analysis rewrites it on its next run.
        }
    }
}
