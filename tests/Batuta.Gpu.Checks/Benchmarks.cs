using System.Diagnostics;
using System.Globalization;
using System.Text;
using Batuta.Tensors;
using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;

namespace Batuta.Gpu.Checks;

/// <summary>
/// Issue 5's GPU numbers through Batuta.Tensor's API: float32 add of 16M elements (GB/s, three arrays
/// of traffic) and float32 matmul (TFLOP/s, every kernel variant), device-resident tensors, timed with
/// the device synchronised, host transfers excluded (and once included, for the record).
/// </summary>
internal sealed class Benchmarks(GpuDevice device, TextWriter log, bool quick, string outFile)
{
    private readonly StringBuilder _md = new();

    private static double Median(List<double> xs)
    {
        xs.Sort();
        return xs.Count % 2 == 1 ? xs[xs.Count / 2] : (xs[xs.Count / 2 - 1] + xs[xs.Count / 2]) / 2;
    }

    /// <summary>Seconds per call: one warm-up call, then <paramref name="reps"/> batches of <paramref name="iters"/> calls each closed by a device synchronisation; the median batch.</summary>
    private double Time(Action call, int iters, int reps)
    {
        call();
        device.Synchronize();
        var times = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < iters; i++) call();
            device.Synchronize();
            times.Add(sw.Elapsed.TotalSeconds / iters);
        }
        return Median(times);
    }

    private void Row(string op, string impl, string mode, double seconds, string rate, string check)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"| {op} | {impl} | {mode} | {seconds * 1e3:F3} | {rate} | {check} |");
        _md.AppendLine(line);
        log.WriteLine("  " + line);
        log.Flush();
        File.WriteAllText(outFile, Header + _md);
    }

    private static string Header => "| operation | implementation | timing | ms | rate | check |\n|---|---|---|---:|---:|---|\n";

    public void Run()
    {
        Add();
        MatMul();
    }

    private void Add()
    {
        int n = quick ? 1 << 16 : 16 << 20;
        string op = $"add float32 n={n}";
        var rng = new SimRng(5);
        using var x = rng.Uniform<float>([n], -1, 1);
        using var y = rng.Uniform<float>([n], -1, 1);
        using var expected = x + y;
        using var dx = DeviceTensor<float>.FromHost(x, device);
        using var dy = DeviceTensor<float>.FromHost(y, device);
        using var dd = DeviceTensor<float>.Allocate(device, n);
        double bytes = 3.0 * n * sizeof(float);
        int iters = quick ? 5 : 200, reps = quick ? 3 : 7;
        bool saved = GpuOperations.VectorizeElementWise;
        try
        {
            foreach (bool vectorized in new[] { false, true })
            {
                GpuOperations.VectorizeElementWise = vectorized;
                string impl = vectorized ? "ILGPU float4 kernel" : "ILGPU scalar kernel (one element per thread)";
                double queued = Time(() => GpuOperations.LaunchBinary(device, dx.View, dy.View, dd.View, GpuOpCodes.Add, synchronize: false), iters, reps);
                string check = CheckExact(expected, dd);
                Row(op, impl, "kernels queued back to back, one sync per batch", queued, Rate(bytes / queued / 1e9, "GB/s"), check);
                double api = Time(() => GpuOperations.Add(dx, dy, dd), iters, reps);
                Row(op, impl, "GpuOperations.Add(x, y, destination), synchronous call", api, Rate(bytes / api / 1e9, "GB/s"), CheckExact(expected, dd));
            }
        }
        finally
        {
            GpuOperations.VectorizeElementWise = saved;
        }
        // Host tensors under a GPU scope: copy in, add, copy out (pageable memory), what the selector prices as transfer.
        using (BackendSelector.Use(ComputeBackend.Gpu))
        {
            double withCopies = Time(() => { using var r = x + y; }, quick ? 2 : 5, 3);
            using var r = x + y;
            Row(op, "host tensors, x + y under BackendSelector.Use(Gpu)", "including host->device->host copies", withCopies, Rate(bytes / withCopies / 1e9, "GB/s"), CheckExact(expected, r));
        }
    }

    private void MatMul()
    {
        int[] sizes = quick ? [256, 260] : [2048, 4096, 8192];
        foreach (int s in sizes)
        {
            string op = $"matmul float32 {s}";
            var rng = new SimRng((ulong)s);
            using var a = rng.Uniform<float>([s, s], -1, 1);
            using var b = rng.Uniform<float>([s, s], -1, 1);
            using var da = DeviceTensor<float>.FromHost(a, device);
            using var db = DeviceTensor<float>.FromHost(b, device);
            using var dc = DeviceTensor<float>.Allocate(device, s, s);
            double flops = 2.0 * s * s * s;
            int iters = s <= 2048 ? 20 : s <= 4096 ? 10 : 3;
            if (quick) iters = 2;
            // Reference: the CPU GEMM where affordable, otherwise the first (scalar) GPU kernel.
            float[]? reference = null;
            string refName = "cpu";
            if (s <= 4096)
            {
                using var cpu = a.MatMul(b);
                reference = cpu.ToArray();
            }
            foreach (var kernel in Enum.GetValues<MatMulKernel>())
            {
                try
                {
                    if (!GpuOperations.CanUse(kernel, da.View, db.View, dc.View, s, s, s)) continue;
                    double t = Time(() => GpuOperations.LaunchMatMul(device, da.View, db.View, dc.View, s, s, s, kernel, synchronize: false), iters, 3);
                    using var got = dc.ToHost();
                    if (reference is null)
                    {
                        reference = got.ToArray();
                        refName = kernel.ToString();
                    }
                    Row(op, $"ILGPU {kernel}{(kernel == GpuOperations.DefaultMatMulKernel ? " (default)" : "")}", "kernels queued back to back, one sync per batch", t,
                        Rate(flops / t / 1e12, "TFLOP/s"), CheckClose(reference, got, s, refName));
                }
                catch (Exception ex)
                {
                    Row(op, $"ILGPU {kernel}", "failed", double.NaN, "", TestRunner.OneLine($"{ex.GetType().Name}: {ex.Message}", 300));
                }
            }
            try
            {
                double api = Time(() => GpuOperations.MatMul(da, db, dc), iters, 3);
                using var got = dc.ToHost();
                Row(op, $"GpuOperations.MatMul(a, b, destination) [{GpuOperations.DefaultMatMulKernel}]", "synchronous call", api, Rate(flops / api / 1e12, "TFLOP/s"),
                    reference is null ? "" : CheckClose(reference, got, s, refName));
                if (s == 4096 || quick)
                {
                    using (BackendSelector.Use(ComputeBackend.Gpu))
                    {
                        double withCopies = Time(() => { using var r = a.MatMul(b); }, quick ? 1 : 3, 3);
                        Row(op, "host tensors, a.MatMul(b) under BackendSelector.Use(Gpu)", "including host->device->host copies", withCopies, Rate(flops / withCopies / 1e12, "TFLOP/s"), "");
                    }
                }
            }
            catch (Exception ex)
            {
                Row(op, "GpuOperations.MatMul", "failed", double.NaN, "", TestRunner.OneLine($"{ex.GetType().Name}: {ex.Message}", 300));
            }
        }
    }

    private static string Rate(double v, string unit) => string.Create(CultureInfo.InvariantCulture, $"{v:F1} {unit}");

    private static string CheckExact(Tensor<float> expected, DeviceTensor<float> actual)
    {
        using var got = actual.ToHost();
        return CheckExact(expected, got);
    }

    private static string CheckExact(Tensor<float> expected, Tensor<float> got)
    {
        var e = expected.AsReadOnlySpan();
        var g = got.AsReadOnlySpan();
        for (int i = 0; i < e.Length; i++)
            if (e[i] != g[i]) return string.Create(CultureInfo.InvariantCulture, $"**MISMATCH** at {i}: {g[i]:R} vs {e[i]:R}");
        return "exact";
    }

    private static string CheckClose(float[] reference, Tensor<float> got, int k, string refName)
    {
        var g = got.AsReadOnlySpan();
        double worst = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double err = Math.Abs(g[i] - (double)reference[i]) / Math.Max(1.0, Math.Abs(reference[i]));
            if (double.IsNaN(err)) return "**NaN**";
            worst = Math.Max(worst, err);
        }
        // Inputs in [-1, 1]: |c| ~ sqrt(k/9); float32 accumulation error grows like sqrt(k) eps |c|.
        double bound = BackendTolerance.For<float>(ToleranceClass.MatMul, k, gpu: true).Relative * Math.Sqrt(k);
        return string.Create(CultureInfo.InvariantCulture, $"{(worst <= bound ? "ok" : "**OFF**")} vs {refName}: max err {worst:E1} (bound {bound:E1})");
    }
}
