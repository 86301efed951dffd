using Batuta.Inference.Kernels;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Tests.Kernels;

/// <summary>
/// The SIMD integer kernels against plain integer arithmetic on the same quantized inputs (which must
/// agree to float rounding), and the float-activation kernels against dequantize-then-multiply.
/// </summary>
public sealed unsafe class DotKernelTests
{
    private static float[] RandomFloats(int n, int seed, float scale = 1f)
    {
        var rng = new Random(seed);
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        return v;
    }

    private static ActivationBatch Activation(float[] x, int tokens = 1)
    {
        int width = x.Length / tokens;
        var batch = new ActivationBatch(tokens, width);
        x.AsSpan().CopyTo(new Span<float>(batch.Values, x.Length));
        batch.SetTokens(tokens);
        return batch;
    }

    public static IEnumerable<object[]> QuantizedTypes() =>
        new[] { GgmlType.Q4_0, GgmlType.Q8_0, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K }.Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(QuantizedTypes))]
    public void SimdIntegerKernelsEqualScalarIntegerArithmetic(GgmlType type)
    {
        const int n = 1024;
        for (int seed = 0; seed < 20; seed++)
        {
            var wq = Dequantizer.Quantize(type, RandomFloats(n, seed));
            using var x = Activation(RandomFloats(n, 1000 + seed, 3f));
            fixed (byte* w = wq)
            {
                float simd, scalar;
                switch (type)
                {
                    case GgmlType.Q4_K:
                        x.EnsureQ8K();
                        simd = Q4KDot.Dot(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums);
                        scalar = Q4KDot.DotScalar(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums);
                        break;
                    case GgmlType.Q5_K:
                        x.EnsureQ8K();
                        simd = Q5KDot.Dot(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums);
                        scalar = Q5KDot.DotScalar(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums);
                        break;
                    case GgmlType.Q6_K:
                        x.EnsureQ8K();
                        simd = Q6KDot.Dot(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums);
                        scalar = Q6KDot.DotScalar(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums);
                        break;
                    case GgmlType.Q8_0:
                        x.EnsureQ80();
                        simd = Q8_0Dot.Dot(w, n / 32, x.Q80, x.Q80Scale);
                        scalar = Q8_0Dot.DotScalar(w, n / 32, x.Q80, x.Q80Scale);
                        break;
                    default:
                        x.EnsureQ80();
                        simd = Q4_0Dot.Dot(w, n / 32, x.Q80, x.Q80Scale, x.Q80Sums);
                        scalar = Q4_0Dot.DotScalar(w, n / 32, x.Q80, x.Q80Scale, x.Q80Sums);
                        break;
                }
                Assert.Equal(scalar, simd, Math.Max(1e-4f, Math.Abs(scalar) * 1e-5f));
            }
        }
    }

    /// <summary>The 256-bit paths that AVX2-only machines take, checked here even where AVX-512 is preferred.</summary>
    [Theory]
    [InlineData(GgmlType.Q4_K)]
    [InlineData(GgmlType.Q5_K)]
    [InlineData(GgmlType.Q6_K)]
    public void Avx2PathsEqualScalarIntegerArithmetic(GgmlType type)
    {
        const int n = 1024;
        for (int seed = 0; seed < 10; seed++)
        {
            var wq = Dequantizer.Quantize(type, RandomFloats(n, 50 + seed));
            using var x = Activation(RandomFloats(n, 80 + seed, 2f));
            x.EnsureQ8K();
            fixed (byte* w = wq)
            {
                float scalar = type switch
                {
                    GgmlType.Q4_K => Q4KDot.DotScalar(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                    GgmlType.Q5_K => Q5KDot.DotScalar(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                    _ => Q6KDot.DotScalar(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                };
                // Without AVX2 the dispatcher must fall back to the scalar code.
                float simd = !System.Runtime.Intrinsics.X86.Avx2.IsSupported
                    ? type switch
                    {
                        GgmlType.Q4_K => Q4KDot.Dot(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                        GgmlType.Q5_K => Q5KDot.Dot(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                        _ => Q6KDot.Dot(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                    }
                    : type switch
                    {
                        GgmlType.Q4_K => Q4KDot.DotAvx2(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                        GgmlType.Q5_K => Q5KDot.DotAvx2(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                        _ => Q6KDot.DotAvx2(w, n / 256, x.Q8K, x.Q8KScale, x.Q8KSums),
                    };
                Assert.Equal(scalar, simd, Math.Max(1e-4f, Math.Abs(scalar) * 1e-5f));
            }
        }
    }

    [Theory]
    [MemberData(nameof(QuantizedTypes))]
    public void IntegerKernelsMatchDequantizedWeightsTimesDequantizedActivations(GgmlType type)
    {
        const int n = 512;
        var wf = RandomFloats(n, 5);
        var wq = Dequantizer.Quantize(type, wf);
        var wd = new float[n];
        Dequantizer.Dequantize(type, wq, wd);
        var xf = RandomFloats(n, 6, 2f);
        using var x = Activation(xf);
        bool kQuant = type is GgmlType.Q4_K or GgmlType.Q5_K or GgmlType.Q6_K;
        // Rebuild the 8-bit activation as floats from its scale and values.
        double expected = 0;
        if (kQuant)
        {
            x.EnsureQ8K();
            for (int i = 0; i < n; i++) expected += (double)wd[i] * x.Q8K[i] * x.Q8KScale[i / 256];
        }
        else
        {
            x.EnsureQ80();
            for (int i = 0; i < n; i++) expected += (double)wd[i] * x.Q80[i] * x.Q80Scale[i / 32];
        }
        var y = new float[1];
        fixed (byte* w = wq)
        fixed (float* py = y)
        {
            var m = new WeightMatrix("w", type, 1, n, w);
            RowKernels.Rows(m, 0, 1, x, 1, py, 1, ActivationPrecision.Int8);
        }
        Assert.Equal(expected, y[0], Math.Max(1e-3, Math.Abs(expected) * 1e-5));
    }

    public static IEnumerable<object[]> AllTypes() =>
        new[] { GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q4_0, GgmlType.Q8_0, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K }.Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void FloatActivationKernelsMatchDequantizeThenMultiply(GgmlType type)
    {
        const int n = 768, rows = 5, tokens = 6;
        var wf = RandomFloats(n * rows, 11);
        var xf = RandomFloats(n * tokens, 12);
        var wq = Enumerable.Range(0, rows).SelectMany(r => Dequantizer.Quantize(type, wf.AsSpan(r * n, n))).ToArray();
        using var x = Activation(xf, tokens);
        var y = new float[rows * tokens];
        fixed (byte* w = wq)
        fixed (float* py = y)
        {
            var m = new WeightMatrix("w", type, rows, n, w);
            RowKernels.Rows(m, 0, rows, x, tokens, py, rows, ActivationPrecision.Float32);
            var row = new float[n];
            for (int r = 0; r < rows; r++)
            {
                m.ReadRow(r, row);
                for (int t = 0; t < tokens; t++)
                {
                    double e = 0;
                    for (int i = 0; i < n; i++) e += (double)row[i] * xf[t * n + i];
                    Assert.Equal(e, y[t * rows + r], 1e-3);
                }
            }
        }
    }

    [Fact]
    public void FourTokenQ4KKernelEqualsOneTokenKernel()
    {
        const int n = 2048, tokens = 9;
        var wq = Dequantizer.Quantize(GgmlType.Q4_K, RandomFloats(n * 3, 21));
        using var x = Activation(RandomFloats(n * tokens, 22), tokens);
        var batched = new float[3 * tokens];
        fixed (byte* w = wq)
        fixed (float* y = batched)
        {
            var m = new WeightMatrix("w", GgmlType.Q4_K, 3, n, w);
            RowKernels.Rows(m, 0, 3, x, tokens, y, 3, ActivationPrecision.Int8);
            for (int t = 0; t < tokens; t++)
            for (int r = 0; r < 3; r++)
            {
                float single = Q4KDot.Dot(m.Row(r), n / 256, x.Q8K + t * n, x.Q8KScale + t * (n / 256), x.Q8KSums + t * (n / 16));
                Assert.Equal(single, batched[t * 3 + r], Math.Max(1e-4f, Math.Abs(single) * 1e-5f));
            }
        }
    }

    [Theory]
    [InlineData(GgmlType.Q4_K, 1)]
    [InlineData(GgmlType.Q4_K, 3)]
    [InlineData(GgmlType.Q4_K, 4)]
    [InlineData(GgmlType.Q4_K, 9)]
    [InlineData(GgmlType.Q6_K, 1)]
    [InlineData(GgmlType.Q6_K, 5)]
    [InlineData(GgmlType.Q6_K, 8)]
    public void InterleavedKernelsEqualRowByRowKernels(GgmlType type, int tokens)
    {
        const int rows = 24, n = 768;
        var wq = Enumerable.Range(0, rows).SelectMany(r => Dequantizer.Quantize(type, RandomFloats(n, 300 + r))).ToArray();
        using var x = Activation(RandomFloats(n * tokens, 31, 2f), tokens);
        var packed = new float[rows * tokens];
        fixed (byte* w = wq)
        fixed (float* y = packed)
        {
            var m = new WeightMatrix("w", type, rows, n, w);
            Assert.Equal(System.Runtime.Intrinsics.X86.Avx512BW.IsSupported && (type == GgmlType.Q4_K || System.Runtime.Intrinsics.X86.Avx512Vbmi.IsSupported), m.Pack());
            try
            {
                // rows 8..24 only, as a chunk of a parallel product would
                RowKernels.Rows(m, 8, rows, x, tokens, y, rows, ActivationPrecision.Int8);
                for (int t = 0; t < tokens; t++)
                for (int r = 8; r < rows; r++)
                {
                    float single = type == GgmlType.Q4_K
                        ? Q4KDot.DotScalar(m.Row(r), n / 256, x.Q8K + t * n, x.Q8KScale + t * (n / 256), x.Q8KSums + t * (n / 16))
                        : Q6KDot.DotScalar(m.Row(r), n / 256, x.Q8K + t * n, x.Q8KScale + t * (n / 256), x.Q8KSums + t * (n / 16));
                    Assert.Equal(single, packed[t * rows + r], Math.Max(1e-4f, Math.Abs(single) * 1e-5f));
                }
                for (int t = 0; t < tokens; t++)
                for (int r = 0; r < 8; r++)
                    Assert.Equal(0f, packed[t * rows + r]);
            }
            finally
            {
                m.ReleasePacked();
            }
        }
    }
}
