using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The ILGPU kernel and its launcher. The kernel calls GpuInvoke (the lowered body as scalar C#, or
/// the user's method when there is none; ILGPU compiles its IL for the device); a bit per operand says whether it is broadcast (read at index 0). The
/// launcher compiles the kernel once per accelerator of <c>GpuDevice.Current</c>, copies the
/// operands in, runs, and copies the results out. If ILGPU cannot compile the body, the launcher
/// declines and the call runs on the CPU.
/// </summary>
internal static class GpuEmitter
{
    public static void Emit(CodeWriter w, KernelShape k)
    {
        var types = new List<string> { $"{Names.Ilgpu}.Index1D" };
        types.AddRange(k.Parameters.Select(p => Names.View(p.Type)));
        if (k.IsReduction) types.Add(Names.View(k.Result));
        else types.AddRange(k.Outputs.Select(o => Names.View(o.Type)));
        if (k.IsReduction)
        {
            types.Add("int");
            types.Add("int");
        }
        types.Add("int");
        string delegateType = $"global::System.Action<{string.Join(", ", types)}>";

        w.Line("private static readonly object s_gpuLock = new object();");
        w.Line("private static global::ILGPU.Runtime.Accelerator? s_gpuAccelerator;");
        w.Line($"private static {delegateType}? s_gpuKernel;");
        w.Line();

        var parameters = new List<string> { $"{Names.Ilgpu}.Index1D index" };
        parameters.AddRange(k.Parameters.Select((p, i) => $"{Names.View(p.Type)} {k.Ref(i)}"));
        string reads = string.Join(", ", k.Parameters.Select((_, i) => $"{k.Ref(i)}[(broadcast & {KernelShape.Lit(1 << i)}) != 0 ? 0 : i]"));
        if (k.IsReduction)
        {
            var r = k.Kernel.Reduction.OrThrow();
            string t = k.Result.Keyword();
            parameters.Add($"{Names.View(k.Result)} partials");
            parameters.Add("int n");
            parameters.Add("int threads");
            parameters.Add("int broadcast");
            w.Line("/// <summary>The ILGPU kernel: thread t folds elements t, t + threads, ... into partials[t].</summary>");
            w.Open($"private static void GpuKernel({string.Join(", ", parameters)})");
            w.Line("int t = index.X;");
            w.Line($"{t} acc = Identity;");
            w.Line($"for (int i = t; i < n; i += threads) acc = {GpuCombine(r, k.Result, "acc", $"GpuInvoke({reads})")};");
            w.Line("partials[t] = acc;");
            w.Close();
        }
        else
        {
            parameters.AddRange(k.Outputs.Select((o, i) => $"{Names.View(o.Type)} {KernelShape.Out(i)}"));
            parameters.Add("int broadcast");
            w.Line("/// <summary>The ILGPU kernel: one thread per element.</summary>");
            w.Open($"private static void GpuKernel({string.Join(", ", parameters)})");
            w.Line("int i = index.X;");
            if (k.Outputs.Count == 1) w.Line($"{KernelShape.Out(0)}[i] = GpuInvoke({reads});");
            else
            {
                w.Line($"var r = GpuInvoke({reads});");
                for (int o = 0; o < k.Outputs.Count; o++) w.Line($"{KernelShape.Out(o)}[i] = r.Item{o + 1};");
            }
            w.Close();
        }
        w.Line();

        w.Line("/// <summary>Compiles the ILGPU kernel for <paramref name=\"accelerator\"/> once; null when ILGPU cannot compile the body.</summary>");
        w.Open($"private static {delegateType}? GpuKernelFor(global::ILGPU.Runtime.Accelerator accelerator)");
        w.Open("if (!ReferenceEquals(s_gpuAccelerator, accelerator))");
        w.Line("s_gpuKernel = null;");
        w.Line("s_gpuAccelerator = accelerator;");
        w.Open("try");
        w.Line($"s_gpuKernel = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<{string.Join(", ", types)}>(accelerator, GpuKernel);");
        w.Close();
        w.Open("catch (global::System.Exception e) when (e is not global::System.OutOfMemoryException)");
        w.Line($"global::System.Diagnostics.Trace.TraceWarning(\"Batuta kernel {k.Name}: ILGPU could not compile it for the GPU (\" + e.Message + \"); it runs on the CPU.\");");
        w.Close();
        w.Close();
        w.Line("return s_gpuKernel;");
        w.Close();
        w.Line();

        var spans = k.Parameters.Select((p, i) => $"global::System.ReadOnlySpan<{p.Type.Keyword()}> {k.Ref(i)}").ToList();
        if (k.IsReduction)
        {
            string t = k.Result.Keyword();
            w.Line("/// <summary>Runs the fold on GpuDevice.Current (broadcast operands are one-element spans, flagged in <paramref name=\"broadcast\"/>); false when there is no device or kernel.</summary>");
            w.Line(Names.Hidden);
            w.Open($"internal static bool TryReduceGpu({string.Join(", ", spans)}, int n, int broadcast, out {t} result)");
            w.Line("result = Identity;");
            Launch(w, k, reduction: true);
            w.Line("return true;");
            w.Close();
        }
        else
        {
            var outs = k.Outputs.Select((o, i) => $"global::System.Span<{o.Type.Keyword()}> {KernelShape.Out(i)}");
            w.Line("/// <summary>Runs the kernel on GpuDevice.Current (broadcast operands are one-element spans, flagged in <paramref name=\"broadcast\"/>); false when there is no device or kernel.</summary>");
            w.Line(Names.Hidden);
            w.Open($"internal static bool TryRunGpu({string.Join(", ", spans.Concat(outs))}, int n, int broadcast)");
            Launch(w, k, reduction: false);
            w.Line("return true;");
            w.Close();
        }
    }

    /// <summary>The fold's combine inside the ILGPU kernel: .NET's Min/Max rules for floating point, a custom combine through its GpuInvoke.</summary>
    private static string GpuCombine(ReductionModel r, ScalarType t, string a, string b) => r.Kind switch
    {
        ReductionKind.Min or ReductionKind.Max when t.IsFloatingPoint() => $"{Names.Support}.KernelGpuMath.{r.Kind}({a}, {b})",
        ReductionKind.Custom => $"{r.CombineOperator}.GpuInvoke({a}, {b})",
        _ => OperatorEmitter.ScalarCombine(r, a, b),
    };

    private static void Launch(CodeWriter w, KernelShape k, bool reduction)
    {
        w.Line("var device = global::Batuta.Tensors.Gpu.GpuDevice.Current;");
        w.Line("if (device is null || !HasGpuKernel) return false;");
        w.Open("lock (s_gpuLock)");
        w.Line("var accelerator = device.Accelerator;");
        w.Line("var kernel = GpuKernelFor(accelerator);");
        w.Line("if (kernel is null) return false;");
        var views = new List<string>();
        for (int i = 0; i < k.Parameters.Count; i++)
        {
            string b = "b" + KernelShape.Lit(i);
            w.Line($"using var {b} = accelerator.Allocate1D<{k.Parameters[i].Type.Keyword()}>({k.Ref(i)}.Length);");
            w.Line($"global::ILGPU.Runtime.ArrayViewExtensions.CopyFromCPU({b}.View, ref {Names.MemoryMarshal}.GetReference({k.Ref(i)}), {k.Ref(i)}.Length);");
            views.Add(b + ".View");
        }
        if (reduction)
        {
            string t = k.Result.Keyword();
            w.Line("int threads = global::System.Math.Min(n, 16384);");
            w.Line($"using var partials = accelerator.Allocate1D<{t}>(threads);");
            w.Line($"kernel(threads, {string.Join(", ", views)}, partials.View, n, threads, broadcast);");
            w.Line("accelerator.Synchronize();");
            w.Line($"var host = new {t}[threads];");
            w.Line($"global::ILGPU.Runtime.ArrayViewExtensions.CopyToCPU(partials.View, ref host[0], threads);");
            w.Line($"foreach (var partial in host) result = {OperatorEmitter.ScalarCombine(k.Kernel.Reduction.OrThrow(), "result", "partial")};");
        }
        else
        {
            for (int o = 0; o < k.Outputs.Count; o++)
            {
                w.Line($"using var o{o} = accelerator.Allocate1D<{k.Outputs[o].Type.Keyword()}>(n);");
                views.Add($"o{o}.View");
            }
            w.Line($"kernel(n, {string.Join(", ", views)}, broadcast);");
            w.Line("accelerator.Synchronize();");
            for (int o = 0; o < k.Outputs.Count; o++)
                w.Line($"global::ILGPU.Runtime.ArrayViewExtensions.CopyToCPU(o{o}.View, ref {Names.MemoryMarshal}.GetReference({KernelShape.Out(o)}), n);");
        }
        w.Close();
    }
}
