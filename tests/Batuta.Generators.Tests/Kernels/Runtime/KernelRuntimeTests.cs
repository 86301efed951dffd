using System.Runtime.Intrinsics;
using Batuta.Generated.Kernels;
using Batuta.Tensors;
using Batuta.Tensors.Backends;
using Batuta.Tensors.Primitives;

namespace Batuta.Generators.Tests.Kernels.Runtime;

/// <summary>
/// Every generated path (scalar loop, SIMD at each width the CPU has, the ILGPU kernel on the CPU
/// accelerator) against the kernel's own scalar method, on random inputs of awkward lengths
/// (empty, shorter than a vector, one past a vector, unrolled blocks plus a tail) and special values.
/// </summary>
[Collection(KernelPaths.Collection)]
public sealed class KernelRuntimeTests
{
    private static readonly int[] Lengths = [0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 65, 100, 257, 1000, 4099];

    private static float[] Floats(Random r, int n, float lo = -4, float hi = 4, bool specials = false)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * r.NextSingle();
        if (specials && n > 8)
        {
            a[1] = float.NaN;
            a[3] = -0f;
            a[5] = float.PositiveInfinity;
            a[7] = float.NegativeInfinity;
            a[n - 1] = 0f;
        }
        return a;
    }

    private static double[] Doubles(Random r, int n, double lo = -4, double hi = 4)
    {
        var a = new double[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * r.NextDouble();
        return a;
    }

    private static int[] Ints(Random r, int n, int lo, int hi) => Enumerable.Range(0, n).Select(_ => r.Next(lo, hi)).ToArray();

    /// <summary>Runs <paramref name="run"/> on every path and checks it against <paramref name="expected"/>.</summary>
    private static void OnEveryPath<T>(T[] expected, Action<T[]> run, string kernel, int n) where T : unmanaged, System.Numerics.INumber<T>
    {
        foreach (var path in KernelPaths.Names)
        {
            var d = new T[n];
            using (KernelPaths.Use(path)) run(d);
            Compare.OnPath<T>(expected, d, path, $"{kernel} on {path}, n = {n}");
        }
    }

    [Fact]
    public void TheMachineIsCovered()
    {
        // Not a skip: the paths these tests run are the ones the CPU has, and they are listed here.
        Assert.Contains("simd128", KernelPaths.Names);
        if (Vector256.IsHardwareAccelerated) Assert.Contains("simd256", KernelPaths.Names);
        if (Vector512.IsHardwareAccelerated) Assert.Contains("simd512", KernelPaths.Names);
        Assert.Contains("gpu", KernelPaths.Names);
    }

    [Fact]
    public void Saxpy()
    {
        var r = new Random(1);
        foreach (int n in Lengths)
        {
            var a = Floats(r, n, specials: true);
            var x = Floats(r, n, specials: true);
            var y = Floats(r, n);
            var expected = Enumerable.Range(0, n).Select(i => TestKernels.Saxpy(a[i], x[i], y[i])).ToArray();
            OnEveryPath(expected, d => TestKernels.Saxpy(a, x, y, d), "Saxpy", n);

            // Broadcast scalars give what arrays full of the scalar give.
            var broadcast = Enumerable.Range(0, n).Select(i => TestKernels.Saxpy(2.5f, x[i], y[i])).ToArray();
            OnEveryPath(broadcast, d => TestKernels.Saxpy(2.5f, x, y, d), "Saxpy(scalar a)", n);
            var twoScalars = Enumerable.Range(0, n).Select(i => TestKernels.Saxpy(a[i], -1.5f, 0.25f)).ToArray();
            OnEveryPath(twoScalars, d => TestKernels.Saxpy(a, -1.5f, 0.25f, d), "Saxpy(scalar x, y)", n);
        }
    }

    [Fact]
    public void PolynomialInDoubles()
    {
        var r = new Random(2);
        foreach (int n in Lengths)
        {
            var x = Doubles(r, n, -10, 10);
            var expected = x.Select(TestKernels.Polynomial).ToArray();
            OnEveryPath(expected, d => TestKernels.Polynomial(x, d), "Polynomial", n);
        }
    }

    [Fact]
    public void ClampWithBroadcastBounds()
    {
        var r = new Random(3);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, -3, 3, specials: true);
            var expected = x.Select(v => TestKernels.Clamped(v, -1f, 1.5f)).ToArray();
            OnEveryPath(expected, d => TestKernels.Clamped(x, -1f, 1.5f, d), "Clamped", n);
        }
    }

    [Fact]
    public void IfAndEarlyReturn()
    {
        var r = new Random(4);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, specials: true);
            OnEveryPath(x.Select(TestKernels.LeakyRelu).ToArray(), d => TestKernels.LeakyRelu(x, d), "LeakyRelu", n);
            var mode = Ints(r, n, 0, 3);
            var expected = Enumerable.Range(0, n).Select(i => TestKernels.Piecewise(x[i], mode[i])).ToArray();
            OnEveryPath(expected, d => TestKernels.Piecewise(x, mode, d), "Piecewise", n);
        }
    }

    [Fact]
    public void TupleResults()
    {
        var r = new Random(5);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, specials: true);
            var y = Floats(r, n);
            var sums = Enumerable.Range(0, n).Select(i => TestKernels.SumAndDifference(x[i], y[i]).Sum).ToArray();
            var differences = Enumerable.Range(0, n).Select(i => TestKernels.SumAndDifference(x[i], y[i]).Difference).ToArray();
            foreach (var path in KernelPaths.Names)
            {
                var s = new float[n];
                var d = new float[n];
                using (KernelPaths.Use(path)) TestKernels.SumAndDifference(x, y, s, d);
                Compare.OnPath<float>(sums, s, path, $"SumAndDifference.Sum on {path}, n = {n}");
                Compare.OnPath<float>(differences, d, path, $"SumAndDifference.Difference on {path}, n = {n}");
            }
            OnEveryPath(Enumerable.Range(0, n).Select(i => TestKernels.SpreadOf(x[i], y[i])).ToArray(), d => TestKernels.SpreadOf(x, y, d), "SpreadOf", n);
        }
    }

    [Fact]
    public void IntegersAndMixedLanes()
    {
        var r = new Random(6);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, specials: true);
            var k = Ints(r, n, -5, 6);
            OnEveryPath(Enumerable.Range(0, n).Select(i => TestKernels.Scaled(x[i], k[i])).ToArray(), d => TestKernels.Scaled(x, k, d), "Scaled", n);
            var a = Enumerable.Range(0, n).Select(_ => r.NextInt64(long.MinValue, long.MaxValue)).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => r.NextInt64(long.MinValue, long.MaxValue)).ToArray();
            OnEveryPath(Enumerable.Range(0, n).Select(i => TestKernels.Bits(a[i], b[i])).ToArray(), d => TestKernels.Bits(a, b, d), "Bits", n);
        }
    }

    [Fact]
    public void ConversionsSaturateLikeTheScalarCode()
    {
        Assert.True(TestKernels.ConversionsOperator.Vectorizable && TestKernels.WideConversionsOperator.Vectorizable);
        var r = new Random(18);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, -3e9f, 3e9f, specials: true);
            var w = x.Select(v => (double)v * 4e9).ToArray();
            if (n > 12)
            {
                w[1] = double.NaN;
                w[9] = double.PositiveInfinity;
                w[11] = -2.5;
                w[12] = 2.5;
            }
            foreach (var path in KernelPaths.Names)
            {
                var t = new int[n];
                var b = new float[n];
                var lt = new long[n];
                var ld = new double[n];
                using (KernelPaths.Use(path))
                {
                    TestKernels.Conversions(x, t, b);
                    TestKernels.WideConversions(w, lt, ld);
                }
                Compare.Exact<int>(x.Select(v => TestKernels.Conversions(v).Truncated).ToArray(), t, $"(int)float on {path}, n = {n}");
                Compare.Exact<float>(x.Select(v => TestKernels.Conversions(v).Back).ToArray(), b, $"(float)(int) on {path}, n = {n}");
                Compare.Exact<long>(w.Select(v => TestKernels.WideConversions(v).Truncated).ToArray(), lt, $"(long)double on {path}, n = {n}");
                Compare.Exact<double>(w.Select(v => TestKernels.WideConversions(v).Rounded).ToArray(), ld, $"Round and (double)(long) on {path}, n = {n}");
            }
        }
    }

    [Fact]
    public void UnrolledLoopAndKernelCalls()
    {
        var r = new Random(7);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, -2, 2, specials: true);
            var y = Floats(r, n);
            OnEveryPath(x.Select(TestKernels.Horner).ToArray(), d => TestKernels.Horner(x, d), "Horner", n);
            OnEveryPath(Enumerable.Range(0, n).Select(i => TestKernels.SaxpyTwice(0.75f, x[i], y[i])).ToArray(), d => TestKernels.SaxpyTwice(0.75f, x, y, d), "SaxpyTwice", n);
        }
        Assert.True(TestKernels.SaxpyTwiceOperator.Vectorizable);
    }

    [Fact]
    public void TranscendentalFunctionsWithinTolerance()
    {
        var r = new Random(8);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, -20, 20);
            var w = Doubles(r, n, -6, 6);
            var expected = x.Select(TestKernels.Softplus).ToArray();
            var expectedWave = w.Select(TestKernels.Wave).ToArray();
            foreach (var path in KernelPaths.Names)
            {
                var d = new float[n];
                var dw = new double[n];
                using (KernelPaths.Use(path))
                {
                    TestKernels.Softplus(x, d);
                    TestKernels.Wave(w, dw);
                }
                Compare.Close(expected, d, 2e-6, $"Softplus on {path}, n = {n}");
                Compare.Close(expectedWave, dw, 1e-12, $"Wave on {path}, n = {n}");
            }
        }
    }

    [Fact]
    public void ScalarFallbackKernelRunsEverywhere()
    {
        Assert.False(TestKernels.NotVectorisedOperator.Vectorizable);
        var r = new Random(9);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n, -10, 10);
            var expected = x.Select(TestKernels.NotVectorised).ToArray();
            foreach (var path in KernelPaths.Names)
            {
                var d = new float[n];
                using (KernelPaths.Use(path)) TestKernels.NotVectorised(x, d);
                // The CPU paths all call the scalar method; ILGPU maps MathF.Atan to its own implementation.
                if (path == "gpu") Compare.Close(expected, d, 1e-6, $"NotVectorised on {path}, n = {n}");
                else Compare.Exact<float>(expected, d, $"NotVectorised on {path}, n = {n}");
            }
        }
    }

    [Fact]
    public void Reductions()
    {
        var r = new Random(10);
        foreach (int n in Lengths)
        {
            var x = Floats(r, n);
            var y = Floats(r, n);
            var k = Ints(r, n, -1000, 1000);
            double sum = 0, magnitude = 0;
            for (int i = 0; i < n; i++)
            {
                sum += TestKernels.SquaredDistance(x[i], y[i]);
                magnitude += Math.Abs(TestKernels.SquaredDistance(x[i], y[i]));
            }
            int max = k.Length == 0 ? int.MinValue : k.Select(TestKernels.MaxAbs).Max();
            float peak = x.Length == 0 ? float.NegativeInfinity : x.Select(v => TestKernels.Peak(v, 0.5f)).Max();
            foreach (var path in KernelPaths.Names)
            {
                using (KernelPaths.Use(path))
                {
                    float got = TestKernels.SquaredDistance(x, y);
                    Assert.True(Math.Abs(got - sum) <= 1e-5 * Math.Max(1, magnitude), $"SquaredDistance on {path}, n = {n}: {got} vs {sum}");
                    Assert.Equal(max, TestKernels.MaxAbs(k));
                    Assert.Equal(peak, TestKernels.Peak(x, 0.5f));
                }
            }
        }
    }

    [Fact]
    public void EveryVectorBodyMatchesTheScalarBody()
    {
        var r = new Random(11);
        for (int trial = 0; trial < 50; trial++)
        {
            var x = Floats(r, 16, -8, 8, specials: trial % 5 == 0);
            var y = Floats(r, 16, -8, 8);
            var k = Ints(r, 16, -5, 6);
            CheckLanes(x, y, k);
        }

        static void CheckLanes(float[] x, float[] y, int[] k)
        {
            var x512 = Vector512.Create(x);
            var y512 = Vector512.Create(y);
            var k512 = Vector512.Create(k);
            AssertLanes(TestKernels.SaxpyOperator.Invoke(x512, y512, x512), i => TestKernels.Saxpy(x[i], y[i], x[i]));
            AssertLanes(TestKernels.SaxpyOperator.Invoke(x512.GetLower(), y512.GetLower(), x512.GetLower()), i => TestKernels.Saxpy(x[i], y[i], x[i]));
            AssertLanes(TestKernels.SaxpyOperator.Invoke(x512.GetLower().GetLower(), y512.GetLower().GetLower(), x512.GetLower().GetLower()), i => TestKernels.Saxpy(x[i], y[i], x[i]));
            AssertLanes(TestKernels.LeakyReluOperator.Invoke(x512), i => TestKernels.LeakyRelu(x[i]));
            AssertLanes(TestKernels.ScaledOperator.Invoke(x512, k512), i => TestKernels.Scaled(x[i], k[i]));
            AssertLanes(TestKernels.PiecewiseOperator.Invoke(x512.GetLower(), Vector256.ConditionalSelect(Vector256.GreaterThan(k512.GetLower(), Vector256<int>.Zero), Vector256<int>.One, Vector256<int>.Zero)),
                i => TestKernels.Piecewise(x[i], k[i] > 0 ? 1 : 0));
            AssertLanes(TestKernels.HornerOperator.Invoke(x512), i => TestKernels.Horner(x[i]));
            AssertLanes(TestKernels.NotVectorisedOperator.Invoke(x512), i => TestKernels.NotVectorised(x[i]));
            var (sum, difference) = TestKernels.SumAndDifferenceOperator.Invoke(x512, y512);
            AssertLanes(sum, i => x[i] + y[i]);
            AssertLanes(difference, i => x[i] - y[i]);
        }

        static void AssertLanes<TV>(TV vector, Func<int, float> expected) where TV : struct
        {
            var lanes = vector switch
            {
                Vector128<float> v => Enumerable.Range(0, Vector128<float>.Count).Select(i => v[i]).ToArray(),
                Vector256<float> v => Enumerable.Range(0, Vector256<float>.Count).Select(i => v[i]).ToArray(),
                Vector512<float> v => Enumerable.Range(0, Vector512<float>.Count).Select(i => v[i]).ToArray(),
                _ => throw new ArgumentException(typeof(TV).Name),
            };
            for (int i = 0; i < lanes.Length; i++)
                Assert.True(lanes[i].Equals(expected(i)), $"lane {i}: {lanes[i]} vs {expected(i)}");
        }
    }

    [Fact]
    public void TheGpuPathReallyRunsOnTheAccelerator()
    {
        var device = KernelPaths.Device();
        Assert.Equal(KernelPaths.GpuKind is "cpu" or "ilgpu-cpu", device.IsCpuAccelerator);
        var x = Floats(new Random(12), 1000);
        var y = Floats(new Random(13), 1000);
        var d = new float[1000];
        Assert.True(TestKernels.SaxpyOperator.HasGpuKernel);
        Assert.True(TestKernels.SaxpyOperator.TryRunGpu([2f], x, y, d, 1000, broadcast: 1));
        Compare.OnPath<float>(Enumerable.Range(0, 1000).Select(i => TestKernels.Saxpy(2f, x[i], y[i])).ToArray(), d, "gpu", "Saxpy through TryRunGpu");
        Assert.True(TestKernels.SquaredDistanceOperator.TryReduceGpu(x, y, 1000, 0, out float distance));
        Assert.Equal(TestKernels.SquaredDistance(x, y), distance, 1e-2f);

        using (KernelPaths.Use("gpu"))
        {
            var cost = OperationCost.ElementWise("Saxpy", 1000, 3, 4, hasGpuKernel: true);
            Assert.Equal(ComputeBackend.Gpu, BackendSelector.Explain(cost).Backend);
        }
    }

    [Fact]
    public void OperatorsPlugIntoBatutaTensorsLoops()
    {
        var r = new Random(14);
        var a = Floats(r, 1000);
        var x = Floats(r, 1000);
        var y = Floats(r, 1000);
        var d = new float[1000];
        SimdLoops.Ternary<float, TestKernels.SaxpyOperator>(a, x, y, d);
        Compare.Exact<float>(Enumerable.Range(0, 1000).Select(i => TestKernels.Saxpy(a[i], x[i], y[i])).ToArray(), d, "SimdLoops.Ternary with SaxpyOperator");
        SimdLoops.Unary<float, TestKernels.LeakyReluOperator>(x, d);
        Compare.Exact<float>(x.Select(TestKernels.LeakyRelu).ToArray(), d, "SimdLoops.Unary with LeakyReluOperator");
    }

    [Fact]
    public void LoopsAtEveryWidthDirectly()
    {
        // The loop of each width, called directly (not through the selector), for every length around the vector sizes.
        var r = new Random(15);
        for (int n = 0; n <= 70; n++)
        {
            var x = Floats(r, n);
            var y = Floats(r, n);
            var expected = Enumerable.Range(0, n).Select(i => TestKernels.Saxpy(3f, x[i], y[i])).ToArray();
            foreach (int bits in new[] { 0, 128, 256, 512 })
            {
                var d = new float[n];
                float a = 3f;
                if (n > 0)
                    TestKernels.SaxpyOperator.Apply<KernelScalar<float>, KernelSpan<float>, KernelSpan<float>>(ref a, ref x[0], ref y[0], ref d[0], (nuint)n, bits);
                Compare.Exact<float>(expected, d, $"Apply at {bits} bits, n = {n}");
            }
        }
    }

    [Fact]
    public void InPlace()
    {
        var r = new Random(16);
        var x = Floats(r, 1001);
        var y = Floats(r, 1001);
        var expected = Enumerable.Range(0, x.Length).Select(i => TestKernels.Saxpy(2f, x[i], y[i])).ToArray();
        foreach (var path in KernelPaths.Names.Where(p => p != "gpu"))
        {
            var inout = (float[])x.Clone();
            using (KernelPaths.Use(path)) TestKernels.Saxpy(2f, inout, y, inout);
            Compare.Exact<float>(expected, inout, $"in place on {path}");
        }
    }

    [Fact]
    public void TensorEntryPointsBroadcast()
    {
        var r = new Random(17);
        using var x = Tensor.Create<float>(Floats(r, 12), 3, 4);
        using var row = Tensor.Create<float>(Floats(r, 4), 4);
        using var column = Tensor.Create<float>(Floats(r, 3), 3, 1);
        using var result = TestKernels.Saxpy(column, x, row);
        Assert.Equal(new TensorShape(3, 4), result.Shape);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(TestKernels.Saxpy(column[i, 0], x[i, j], row[j]), result[i, j]);

        using var scaled = TestKernels.Saxpy(2f, x, 1f);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(TestKernels.Saxpy(2f, x[i, j], 1f), scaled[i, j]);

        var (sums, differences) = TestKernels.SumAndDifference(x, row);
        using (sums)
        using (differences)
        {
            Assert.Equal(x[2, 3] + row[3], sums[2, 3]);
            Assert.Equal(x[1, 0] - row[0], differences[1, 0]);
        }

        using var transposed = x.Transpose();
        using var fromView = TestKernels.Saxpy(1f, transposed, 0f);
        Assert.Equal(x[2, 1], fromView[1, 2]);

        Assert.Equal(TestKernels.SquaredDistance(x.AsReadOnlySpan(), x.AsReadOnlySpan()), TestKernels.SquaredDistance(x, x));

        using var bad = Tensor.Create<float>(Floats(r, 5), 5);
        var e = Assert.Throws<ArgumentException>(() => TestKernels.Saxpy(1f, x, bad));
        Assert.Contains("do not broadcast", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArgumentsGetClearErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => TestKernels.Saxpy(new float[4], new float[5], new float[4], new float[4]));
        Assert.Contains("Saxpy: 'x' has 5 elements but 'a' has 4", e.Message, StringComparison.Ordinal);
        Assert.Equal("x", e.ParamName);

        e = Assert.Throws<ArgumentException>(() => TestKernels.Saxpy(1f, new float[4], 2f, new float[3]));
        Assert.Contains("'destination' has 3 elements", e.Message, StringComparison.Ordinal);

        var buffer = new float[10];
        e = Assert.Throws<ArgumentException>(() => TestKernels.Saxpy(1f, buffer.AsSpan(0, 8), 2f, buffer.AsSpan(1, 8)));
        Assert.Contains("overlaps 'x' at an offset", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>(() => TestKernels.SumAndDifference(new float[4], new float[4], buffer.AsSpan(0, 4), buffer.AsSpan(2, 4)));
        Assert.Contains("overlap", e.Message, StringComparison.Ordinal);

        Assert.Equal(float.NegativeInfinity, TestKernels.Peak(ReadOnlySpan<float>.Empty, 1f));
        Assert.Equal(0f, TestKernels.SquaredDistance(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty));
    }
}
