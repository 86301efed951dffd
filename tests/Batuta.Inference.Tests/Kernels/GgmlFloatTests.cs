using System.Runtime.Intrinsics;
using Batuta.Inference.Kernels;

namespace Batuta.Inference.Tests.Kernels;

/// <summary>
/// The llama.cpp float emulation: each test picks inputs on which another summation order gives another
/// answer, so a change of order fails here, not only in `peers inference-parity` against llama.cpp.
/// </summary>
public sealed unsafe class GgmlFloatTests
{
    [Fact]
    public void ReduceAddFollowsGccsTree()
    {
        // Tree: lane 0 + lane 8 first (1e8 - 1e8 = 0), so lane 1's 1 survives; left to right it is absorbed by 1e8.
        var a = new float[16];
        a[0] = 1e8f;
        a[1] = 1f;
        a[8] = -1e8f;
        Assert.Equal(1f, GgmlFloat.ReduceAdd(Vector512.Create(a)));
        float sequential = 0;
        foreach (var v in a) sequential += v;
        Assert.Equal(0f, sequential);
    }

    [Fact]
    public void DotFoldsAccumulatorsZeroWithTwoThenOneWithThree()
    {
        // Accumulators 0, 1, 2 (lane 0) hold 1e8, 1, -1e8: (0+2)+(1+3) = 1, while (0+1)+(2+3) = 0.
        var x = new float[64];
        var y = Enumerable.Repeat(1f, 64).ToArray();
        x[0] = 1e8f;
        x[16] = 1f;
        x[32] = -1e8f;
        fixed (float* px = x, py = y) Assert.Equal(1f, GgmlFloat.Dot(px, py, 64));
    }

    [Fact]
    public void DotTakesLeftoversOneByOneAfterTheVectorPart()
    {
        var rng = new Random(3);
        var x = Enumerable.Range(0, 100).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        var y = Enumerable.Range(0, 100).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        float vectorPart, all;
        fixed (float* px = x, py = y)
        {
            vectorPart = GgmlFloat.Dot(px, py, 64);
            all = GgmlFloat.Dot(px, py, 100);
        }
        float expected = vectorPart;
        for (int i = 64; i < 100; i++) expected = MathF.FusedMultiplyAdd(x[i], y[i], expected);
        Assert.Equal(expected, all);
    }

    [Fact]
    public void ExpIsWithinTwoUlpsAndSaturatesLikeGgml()
    {
        var rng = new Random(11);
        for (int i = 0; i < 4096; i++)
        {
            float x = (float)(rng.NextDouble() * 175 - 87);
            float got = GgmlFloat.Exp(Vector512.Create(x)).GetElement(0);
            float want = (float)Math.Exp(x);
            float ulp = MathF.BitIncrement(want) - want;
            Assert.True(MathF.Abs(got - want) <= 2 * ulp, $"exp({x}) = {got}, want {want}");
        }
        Assert.Equal(1f, GgmlFloat.Exp(Vector512<float>.Zero).GetElement(0));
        Assert.Equal(0f, GgmlFloat.Exp(Vector512.Create(float.NegativeInfinity)).GetElement(0));
        Assert.Equal(float.PositiveInfinity, GgmlFloat.Exp(Vector512.Create(200f)).GetElement(0));
    }

    [Fact]
    public void SoftmaxSumsChunksOfSixteenAndMasksTheRest()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 37).Select(_ => (float)(rng.NextDouble() * 8 - 4)).ToArray();
        var p = (float[])x.Clone();
        fixed (float* pp = p) GgmlFloat.Softmax(pp, x.Length, GgmlFloat.KvWindow(x.Length));
        double max = x.Max(), sum = x.Sum(v => Math.Exp(v - max));
        for (int i = 0; i < x.Length; i++) Assert.Equal(Math.Exp(x[i] - max) / sum, p[i], 6);
        Assert.Equal(1.0, p.Sum(v => (double)v), 5);
    }

    [Fact]
    public void KvWindowIsPaddedTo256()
    {
        Assert.Equal(256, GgmlFloat.KvWindow(1));
        Assert.Equal(256, GgmlFloat.KvWindow(256));
        Assert.Equal(512, GgmlFloat.KvWindow(257));
    }
}
