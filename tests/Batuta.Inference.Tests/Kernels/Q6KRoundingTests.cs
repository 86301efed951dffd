using Batuta.Inference.Kernels;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Tests.Kernels;

/// <summary>
/// With llama.cpp's rounding on (AVX-512 machines), the interleaved Q6_K kernel and the row kernel both follow
/// llama.cpp's AVX2 Q6_K loop, so they must agree bit for bit - for one token and for groups of four.
/// </summary>
public sealed unsafe class Q6KRoundingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(6)]
    public void InterleavedKernelEqualsTheRowKernelExactly(int tokens)
    {
        if (!GgmlFloat.Enabled || !Q6KInterleaved.CanUseHardware) return;
        const int rows = 16, n = 768;
        var rng = new Random(17);
        var wq = Enumerable.Range(0, rows).SelectMany(_ => Dequantizer.Quantize(GgmlType.Q6_K, Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray())).ToArray();
        using var x = new ActivationBatch(tokens, n);
        for (int i = 0; i < tokens * n; i++) x.Values[i] = (float)(rng.NextDouble() * 6 - 3);
        x.SetTokens(tokens);
        x.EnsureQ8K();
        var y = new float[rows * tokens];
        fixed (byte* w = wq)
        fixed (float* py = y)
        {
            var m = new WeightMatrix("w", GgmlType.Q6_K, rows, n, w);
            Assert.True(m.Pack());
            try
            {
                RowKernels.Rows(m, 0, rows, x, tokens, py, rows, ActivationPrecision.Int8);
                for (int t = 0; t < tokens; t++)
                for (int r = 0; r < rows; r++)
                    Assert.Equal(Q6KDot.Dot(m.Row(r), n / 256, x.Q8K + t * n, x.Q8KScale + t * (n / 256), x.Q8KSums + t * (n / 16)), y[t * rows + r]);
            }
            finally
            {
                m.ReleasePacked();
            }
        }
    }
}
