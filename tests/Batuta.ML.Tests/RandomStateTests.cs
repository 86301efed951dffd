using System.Globalization;
using Batuta.ML.Randomness;
using Batuta.ML.Tests.Support;

namespace Batuta.ML.Tests;

/// <summary>numpy's legacy RandomState, draw for draw, against numpy itself.</summary>
public class RandomStateTests
{
    private static readonly Lazy<Dictionary<string, string[]>> Numpy = new(() =>
    {
        var output = Python.Run("""
import numpy as np
def emit(name, values):
    print(name + ":" + " ".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v)) for v in values))
for seed in [0, 1, 42, 2**32 - 1]:
    r = np.random.RandomState(seed)
    emit(f"u32-{seed}", r.randint(0, 2**32, size=5, dtype=np.uint64))
    emit(f"rand-{seed}", r.rand(7))
    emit(f"randn-{seed}", r.randn(9))
    emit(f"randint-{seed}", r.randint(-5, 1000, size=20))
    emit(f"randint1-{seed}", [r.randint(3) for _ in range(10)])
    emit(f"perm-{seed}", r.permutation(25))
    emit(f"perm-big-{seed}", r.permutation(70000)[:20])
    emit(f"uniform-{seed}", r.uniform(-2, 3, size=6))
    emit(f"normal-{seed}", r.normal(10, 2, size=5))
    emit(f"choice-{seed}", r.choice(10, 4, replace=False))
    emit(f"choicer-{seed}", r.choice(10, 6))
    emit(f"choicep-{seed}", r.choice(5, 6, p=[0.1, 0.2, 0.3, 0.15, 0.25]))
    emit(f"choicepn-{seed}", r.choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.15, 0.25]))
    a = np.arange(12); r.shuffle(a); emit(f"shuffle-{seed}", a)
    emit(f"after-{seed}", r.rand(3))
r = np.random.RandomState([1, 2, 3])
emit("array-seed", r.rand(4))
r = np.random.RandomState(5)
emit("big-randint", r.randint(0, 2**40, size=4))
""");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0], p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    });

    private static double[] D(string key) => Numpy.Value[key].Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    private static long[] L(string key) => Numpy.Value[key].Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(4294967295L)]
    public void EveryDrawMatchesNumpyBitForBit(long seed)
    {
        var r = new RandomState(seed);
        Assert.Equal(L($"u32-{seed}"), Enumerable.Range(0, 5).Select(_ => (long)r.RandInt(0, 1L << 32)).ToArray());
        Assert.Equal(D($"rand-{seed}"), r.RandomSample(7));
        using (var n = r.Randn(9)) Assert.Equal(D($"randn-{seed}"), n.ToArray());
        Assert.Equal(L($"randint-{seed}"), r.RandInt(-5, 1000, 20));
        Assert.Equal(L($"randint1-{seed}"), Enumerable.Range(0, 10).Select(_ => r.RandInt(3)).ToArray());
        Assert.Equal(L($"perm-{seed}"), r.Permutation(25));
        Assert.Equal(L($"perm-big-{seed}"), r.Permutation(70000)[..20]);
        Assert.Equal(D($"uniform-{seed}"), r.Uniform(-2, 3, 6));
        Assert.Equal(D($"normal-{seed}"), r.Normal(10, 2, 5));
        Assert.Equal(L($"choice-{seed}"), r.Choice(10, 4, replace: false));
        Assert.Equal(L($"choicer-{seed}"), r.Choice(10, 6));
        Assert.Equal(L($"choicep-{seed}"), r.Choice(5, 6, p: [0.1, 0.2, 0.3, 0.15, 0.25]));
        Assert.Equal(L($"choicepn-{seed}"), r.Choice(5, 3, replace: false, p: [0.1, 0.2, 0.3, 0.15, 0.25]));
        var a = Enumerable.Range(0, 12).Select(i => (long)i).ToArray();
        r.Shuffle<long>(a);
        Assert.Equal(L($"shuffle-{seed}"), a);
        Assert.Equal(D($"after-{seed}"), r.RandomSample(3));
    }

    [Fact]
    public void ArraySeedAndWideRangesMatchNumpy()
    {
        Assert.Equal(D("array-seed"), new RandomState([1L, 2L, 3L]).RandomSample(4));
        Assert.Equal(L("big-randint"), new RandomState(5).RandInt(0, 1L << 40, 4));
    }

    [Fact]
    public void SeedOutsideUint32IsRejectedLikeNumpy()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomState(-1));
        Assert.Contains("Seed must be between 0 and 2**32 - 1", e.Message);
    }
}
