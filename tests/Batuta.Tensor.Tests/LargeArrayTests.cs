using Batuta.Tensors.Engine;
using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>
/// Arrays past the thresholds where work is split into chunks across cores and where reductions read two
/// streams at once: every element is still computed once, results equal the one-thread results (element-wise)
/// or a double-precision reference (reductions), and repeated calls give the same bits.
/// </summary>
public class LargeArrayTests
{
    // Odd lengths, so the last chunk, the two-stream split and the vector tail all have leftovers.
    private const int ElementWiseLength = 3_000_017;
    private const int ReductionLength = 5_000_003;

    [Fact]
    public void Chunks_cover_every_index_once()
    {
        foreach (int n in new[] { 1, 63, Parallelism.MinChunkElements, Parallelism.MinChunkElements + 1, ElementWiseLength, ReductionLength })
        {
            var seen = new int[n];
            int calls = 0;
            Parallelism.ForChunks(n, (i, start, len) =>
            {
                Interlocked.Increment(ref calls);
                Assert.True(len > 0, $"chunk {i} of {n} is empty");
                for (int k = start; k < start + len; k++) Interlocked.Increment(ref seen[k]);
            });
            Assert.Equal(Parallelism.ChunkCount(n), calls);
            Assert.All(seen, c => Assert.Equal(1, c));
        }
    }

    [Fact]
    public void Split_add_and_multiply_equal_the_scalar_result()
    {
        var rng = new SimRng(5);
        using var x = rng.Uniform<float>([ElementWiseLength], -4, 4);
        using var y = rng.Uniform<float>([ElementWiseLength], -4, 4);
        using var sum = x.Add(y);
        using var product = x.Multiply(y);
        float[] xs = x.ToArray(), ys = y.ToArray(), s = sum.ToArray(), p = product.ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            if (s[i] != xs[i] + ys[i]) Assert.Fail($"add differs at {i}: {s[i]} vs {xs[i] + ys[i]}");
            if (p[i] != xs[i] * ys[i]) Assert.Fail($"multiply differs at {i}: {p[i]} vs {xs[i] * ys[i]}");
        }
    }

    [Fact]
    public void Split_add_in_place_reads_each_element_before_writing_it()
    {
        var rng = new SimRng(6);
        using var x = rng.Uniform<float>([ElementWiseLength], -4, 4);
        using var y = rng.Uniform<float>([ElementWiseLength], -4, 4);
        float[] before = x.ToArray(), ys = y.ToArray();
        Tensor.Add(x, y, x);
        float[] after = x.ToArray();
        for (int i = 0; i < after.Length; i++)
            if (after[i] != before[i] + ys[i]) Assert.Fail($"in-place add differs at {i}");
    }

    [Fact]
    public void Long_sum_and_dot_match_a_double_reference_and_repeat_exactly()
    {
        var rng = new SimRng(7);
        using var x = rng.Uniform<float>([ReductionLength], -1, 1);
        using var y = rng.Uniform<float>([ReductionLength], -1, 1);
        float[] xs = x.ToArray(), ys = y.ToArray();
        double refSum = 0, refDot = 0, absSum = 0, absDot = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            refSum += xs[i];
            refDot += (double)xs[i] * ys[i];
            absSum += Math.Abs(xs[i]);
            absDot += Math.Abs((double)xs[i] * ys[i]);
        }
        float sum = x.Sum(), dot = x.Dot(y);
        // Float accumulation error grows with the terms' magnitudes, not with the (small, cancelling) result.
        Assert.True(Math.Abs(sum - refSum) <= 1e-6 * absSum, $"sum {sum} vs {refSum}");
        Assert.True(Math.Abs(dot - refDot) <= 1e-6 * absDot, $"dot {dot} vs {refDot}");
        Assert.Equal(sum, x.Sum());
        Assert.Equal(dot, x.Dot(y));

        float serialSum, serialDot;
        int saved = Parallelism.Workers;
        try
        {
            Parallelism.Workers = 1;
            serialSum = x.Sum();
            serialDot = x.Dot(y);
        }
        finally
        {
            Parallelism.Workers = saved;
        }
        Assert.True(Math.Abs(serialSum - refSum) <= 1e-6 * absSum, $"one-thread sum {serialSum} vs {refSum}");
        Assert.True(Math.Abs(serialDot - refDot) <= 1e-6 * absDot, $"one-thread dot {serialDot} vs {refDot}");
    }

    public static IEnumerable<object[]> Positions()
    {
        foreach (int workers in new[] { 1, 2 })
            foreach (int at in new[] { 0, ReductionLength / 2, ReductionLength / 2 + 1, ReductionLength - 2, ReductionLength - 1 })
                yield return [workers, at];
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Long_max_min_and_integer_sum_find_every_position(int workers, int at)
    {
        int saved = Parallelism.Workers;
        try
        {
            Parallelism.Workers = workers;
            MaxMinAndSumAt(at);
        }
        finally
        {
            Parallelism.Workers = saved;
        }
    }

    private static void MaxMinAndSumAt(int at)
    {
        var data = new int[ReductionLength];
        for (int i = 0; i < data.Length; i++) data[i] = i % 1000 - 500;
        data[at] = 1_000_000;
        using var t = Tensor.FromArray(data);
        Assert.Equal(1_000_000, t.Max());
        Assert.Equal(at, t.ArgMax());
        long expected = 0;
        foreach (int v in data) expected += v;
        Assert.Equal(expected, t.Sum());

        var floats = data.Select(v => (float)v).ToArray();
        floats[at] = -1e9f;
        using var f = Tensor.FromArray(floats);
        Assert.Equal(-1e9f, f.Min());
        floats[at] = float.NaN;
        using var withNaN = Tensor.FromArray(floats);
        Assert.True(float.IsNaN(withNaN.Max()), $"NaN at {at} was not propagated by max");
    }
}
