using System.Diagnostics;
using System.Globalization;
using Batuta.Tensors;
using Batuta.Tensors.Backends;
using KernelsSample.Kernels;

namespace KernelsSample;

/// <summary>
/// Checks every generated kernel against its own scalar method, then times the scalar loop against
/// the generated SIMD path (with a proper warm-up) and shows the backend selector's decision.
/// Run: <c>dotnet run --project samples/Kernels -c Release [-- --quick] [-- --elements N]</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool quick = args.Contains("--quick");
        int n = OptionInt(args, "--elements") ?? 100_000;
        var rng = new Random(42);
        var x = Fill(rng, n, -4, 4);
        var y = Fill(rng, n, -4, 4);
        var spot = Fill(rng, n, 50, 150);
        var strike = Fill(rng, n, 50, 150);
        var years = Fill(rng, n, 0.1f, 2f);
        var d = new float[n];
        var d2 = new float[n];
        var xd = x.Select(v => (double)v).ToArray();
        var dd = new double[n];

        Console.WriteLine($"Batuta [Kernel] sample: {n.ToString("N0", CultureInfo.InvariantCulture)} elements, {SimdWidth.HardwareBits}-bit SIMD, {Environment.ProcessorCount} cores");
        Console.WriteLine();

        // 1. Correctness: every generated path must give what the scalar methods give.
        var e = new float[n];
        var e2 = new float[n];
        var ed = new double[n];
        int failures = 0;
        ScalarLoops.Saxpy(2.5f, x, y, e);
        Blas.Saxpy(2.5f, x, y, d);
        failures += Check("saxpy", e, d, 0);
        ScalarLoops.Quintic(x, e);
        Polynomials.Quintic(x, d);
        failures += Check("quintic", e, d, 0);
        ScalarLoops.Relu6(x, e);
        Activations.Relu6(x, d);
        failures += Check("relu6", e, d, 0);
        ScalarLoops.HardSwish(x, e);
        Activations.HardSwish(x, d);
        failures += Check("hard swish", e, d, 0);
        ScalarLoops.BlackScholes(spot, strike, years, 0.03f, 0.25f, e, e2);
        Finance.BlackScholes(spot, strike, years, 0.03f, 0.25f, d, d2);
        failures += Check("black-scholes call", e, d, 1e-4);
        failures += Check("black-scholes put", e2, d2, 1e-4);
        ScalarLoops.TaylorExp(xd, ed);
        Polynomials.TaylorExp(xd, dd);
        failures += Check("taylor exp", ed.Select(v => (float)v).ToArray(), dd.Select(v => (float)v).ToArray(), 0);
        double exact = ScalarLoops.SquaredDistance(x, y);
        double distance = Geometry.SquaredDistance(x, y);
        bool distanceOk = Math.Abs(distance - exact) <= 1e-5 * exact;
        Console.WriteLine($"  {"squared distance",-20} {(distanceOk ? "ok" : "MISMATCH")} (sum {distance:0.###} vs {exact:0.###} in double)");
        failures += distanceOk ? 0 : 1;
        bool chebyshevOk = Geometry.Chebyshev(x, y).Equals(ScalarLoops.Chebyshev(x, y));
        Console.WriteLine($"  {"chebyshev distance",-20} {(chebyshevOk ? "ok" : "MISMATCH")}");
        failures += chebyshevOk ? 0 : 1;
        Console.WriteLine();

        // 2. Speed: the scalar loop over the same [Kernel] method against the generated SIMD path.
        Console.WriteLine("| kernel | scalar loop | generated SIMD | speed-up |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("saxpy", quick, () => ScalarLoops.Saxpy(2.5f, x, y, d), () => Blas.Saxpy(2.5f, x, y, d));
        Row("quintic polynomial", quick, () => ScalarLoops.Quintic(x, d), () => Polynomials.Quintic(x, d));
        Row("taylor exp (double)", quick, () => ScalarLoops.TaylorExp(xd, dd), () => Polynomials.TaylorExp(xd, dd));
        Row("relu6", quick, () => ScalarLoops.Relu6(x, d), () => Activations.Relu6(x, d));
        Row("hard swish", quick, () => ScalarLoops.HardSwish(x, d), () => Activations.HardSwish(x, d));
        Row("black-scholes", quick, () => ScalarLoops.BlackScholes(spot, strike, years, 0.03f, 0.25f, d, d2), () => Finance.BlackScholes(spot, strike, years, 0.03f, 0.25f, d, d2));
        Row("squared distance", quick, () => d[0] = (float)ScalarLoops.SquaredDistance(x, y), () => d[0] = Geometry.SquaredDistance(x, y));
        Console.WriteLine();

        // 3. The dispatch: what the backend selector decides for this call, and why.
        var cost = OperationCost.ElementWise("Saxpy", n, inputs: 2, elementSize: sizeof(float), flopsPerElement: Blas.SaxpyOperator.FlopsPerElement,
            vectorizable: Blas.SaxpyOperator.Vectorizable, hasGpuKernel: Blas.SaxpyOperator.HasGpuKernel);
        Console.WriteLine(BackendSelector.Explain(cost).Explain());
        return failures == 0 ? 0 : 1;
    }

    private static int Check(string name, float[] expected, float[] actual, double tolerance)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Max(1, Math.Abs(expected[i])));
        bool ok = worst <= tolerance;
        Console.WriteLine($"  {name,-20} {(ok ? "ok" : "MISMATCH")} (largest relative difference {worst:0.###E+0}{(tolerance == 0 ? ", must be exact" : "")})");
        return ok ? 0 : 1;
    }

    private static void Row(string name, bool quick, Action scalar, Action simd)
    {
        double s = Median(scalar, quick), v = Median(simd, quick);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Format(s)} | {Format(v)} | {s / v:0.0}× |"));
    }

    /// <summary>
    /// Warm-up until tiered JIT has promoted the code (≥ 100 calls and ≥ 0.6 s: the big generated loops
    /// are compiled at tier 1 in the background, later than small methods), then the median of 15 timed batches.
    /// </summary>
    private static double Median(Action body, bool quick)
    {
        var warm = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 100 || warm.ElapsedMilliseconds < (quick ? 150 : 600))
        {
            body();
            calls++;
        }
        int perBatch = Math.Max(1, (int)(0.02 / (warm.Elapsed.TotalSeconds / calls)));
        var samples = new double[quick ? 5 : 15];
        for (int b = 0; b < samples.Length; b++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < perBatch; i++) body();
            samples[b] = sw.Elapsed.TotalSeconds / perBatch;
        }
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    private static string Format(double seconds) => seconds >= 1e-3
        ? (seconds * 1e3).ToString("0.000", CultureInfo.InvariantCulture) + " ms"
        : (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    private static float[] Fill(Random rng, int n, float lo, float hi)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * rng.NextSingle();
        return a;
    }

    private static int? OptionInt(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }
}
