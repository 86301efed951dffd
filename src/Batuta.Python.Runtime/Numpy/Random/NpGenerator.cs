using System.Collections;
using Batuta.Python.Runtime.Numpy.Random;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// <c>np.random.default_rng(seed)</c>: numpy's Generator on PCG64, with numpy's Generator algorithms — next_double for
/// <c>random</c>/<c>uniform</c>, Lemire's bounded integers for <c>integers</c> and <c>choice</c>, masked rejection
/// for <c>shuffle</c>/<c>permutation</c>, Floyd's sampling without replacement, the 256-layer ziggurat for
/// <c>normal</c>. Everything but the normal draws is bit-exact; the ziggurat's tables are computed here, and a
/// draw from a few of its layers can differ from numpy's in the last bit (docs/ml-mapping.md).
/// </summary>
public sealed class NpGenerator : IPyObject, IPyTyped
{
    private readonly Pcg64 _bits;

    public NpGenerator(object? seed = null)
    {
        _bits = seed switch
        {
            null => new Pcg64(SeedSequence.FromEntropy()),
            PyInt i => new Pcg64(new SeedSequence(i.ToBig())),
            long l => new Pcg64(new SeedSequence(l)),
            int n => new Pcg64(new SeedSequence(n)),
            NpGenerator g => g._bits,
            _ => throw new TypeError($"SeedSequence expects int or sequence of ints for entropy not {Repr.Of(seed)}"),
        };
    }

    public string PyTypeName => "Generator";

    private static int[]? Size(object? size) => size is null ? null : Np.ShapeOf(size);

    private static int Count(int[] shape) => shape.Aggregate(1, (a, b) => a * b);

    /// <summary><c>random(size=None)</c></summary>
    public object Random(object? size = null)
    {
        var shape = Size(size);
        if (shape is null) return _bits.NextDouble();
        var v = new double[Count(shape)];
        for (int i = 0; i < v.Length; i++) v[i] = _bits.NextDouble();
        return NdArray.FromDoubles(v, shape);
    }

    /// <summary><c>uniform(low=0.0, high=1.0, size=None)</c>: low + (high - low) * next_double.</summary>
    public object Uniform(object? low = null, object? high = null, object? size = null)
    {
        double a = low is null ? 0.0 : Np.ToDouble(low), range = (high is null ? 1.0 : Np.ToDouble(high)) - a;
        var shape = Size(size);
        if (shape is null) return a + range * _bits.NextDouble();
        var v = new double[Count(shape)];
        for (int i = 0; i < v.Length; i++) v[i] = a + range * _bits.NextDouble();
        return NdArray.FromDoubles(v, shape);
    }

    /// <summary><c>integers(low, high=None, size=None, endpoint=False)</c></summary>
    public object Integers(object? low, object? high = null, object? size = null, bool endpoint = false)
    {
        long lo = Np.ToLong(low);
        long? hi0 = high is null ? null : Np.ToLong(high);
        (long a, long b) = hi0 is null ? (0, lo) : (lo, hi0.Value);
        if (!endpoint) b -= 1;
        if (a > b) throw new ValueError(endpoint ? "low > high" : "low >= high");
        ulong rng = (ulong)(b - a);
        var shape = Size(size);
        if (shape is null) return new PyInt(a + (long)Bounded(rng));
        var v = new long[Count(shape)];
        for (int i = 0; i < v.Length; i++) v[i] = a + (long)Bounded(rng);
        return NdArray.FromLongs(v, shape);
    }

    /// <summary>random_bounded_uint64 without the mask: Lemire's multiply-shift with rejection, 32-bit draws below 2**32.</summary>
    private ulong Bounded(ulong rng)
    {
        if (rng == 0) return 0;
        if (rng <= uint.MaxValue)
        {
            if (rng == uint.MaxValue) return _bits.NextUInt32();
            uint excl = (uint)rng + 1;
            ulong m = (ulong)_bits.NextUInt32() * excl;
            uint leftover = (uint)m;
            if (leftover < excl)
            {
                uint threshold = (uint.MaxValue - (uint)rng) % excl;
                while (leftover < threshold)
                {
                    m = (ulong)_bits.NextUInt32() * excl;
                    leftover = (uint)m;
                }
            }
            return m >> 32;
        }
        if (rng == ulong.MaxValue) return _bits.NextUInt64();
        ulong rexcl = rng + 1;
        UInt128 mm = (UInt128)_bits.NextUInt64() * rexcl;
        ulong left = (ulong)mm;
        if (left < rexcl)
        {
            ulong threshold = (ulong.MaxValue - rng) % rexcl;
            while (left < threshold)
            {
                mm = (UInt128)_bits.NextUInt64() * rexcl;
                left = (ulong)mm;
            }
        }
        return (ulong)(mm >> 64);
    }

    /// <summary>random_interval: a value in [0, max] by masked rejection (shuffle and permutation).</summary>
    private ulong Interval(ulong max)
    {
        if (max == 0) return 0;
        ulong mask = max;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = _bits.NextUInt32() & mask) > max) { }
        }
        else
        {
            while ((value = _bits.NextUInt64() & mask) > max) { }
        }
        return value;
    }

    /// <summary><c>standard_normal(size=None)</c></summary>
    public object StandardNormal(object? size = null) => Normal(0.0, 1.0, size);

    /// <summary><c>normal(loc=0.0, scale=1.0, size=None)</c>: loc + scale * ziggurat.</summary>
    public object Normal(object? loc = null, object? scale = null, object? size = null)
    {
        double m = loc is null ? 0.0 : Np.ToDouble(loc), s = scale is null ? 1.0 : Np.ToDouble(scale);
        if (s < 0) throw new ValueError("scale < 0");
        var shape = Size(size);
        if (shape is null) return m + s * Ziggurat.StandardNormal(_bits);
        var v = new double[Count(shape)];
        for (int i = 0; i < v.Length; i++) v[i] = m + s * Ziggurat.StandardNormal(_bits);
        return NdArray.FromDoubles(v, shape);
    }

    /// <summary><c>shuffle(x)</c>: in place along the first axis (Fisher-Yates from the end, random_interval).</summary>
    public void Shuffle(object? x)
    {
        switch (x)
        {
            case NdArray arr:
            {
                int n = arr.Count;
                if (arr.Ndim == 1)
                {
                    var perm = new long[n];
                    for (int i = 0; i < n; i++) perm[i] = i;
                    ShuffleRaw(perm);
                    arr.Assign(arr.GetArray(NpIndex.Of(NdArray.FromLongs(perm, [n]))));
                    return;
                }
                var order = new long[n];
                for (int i = 0; i < n; i++) order[i] = i;
                ShuffleRaw(order);
                arr.Assign(arr.GetArray(NpIndex.Of(NdArray.FromLongs(order, [n]))));
                return;
            }
            case IList list:
            {
                for (int i = list.Count - 1; i >= 1; i--)
                {
                    int j = (int)Interval((ulong)i);
                    (list[i], list[j]) = (list[j], list[i]);
                }
                return;
            }
            default:
                throw new TypeError("shuffle: x must be an array or a list");
        }
    }

    /// <summary>Applies numpy's swaps to a permutation of the indices (element i swaps with random_interval(i)).</summary>
    private void ShuffleRaw(long[] a)
    {
        for (int i = a.Length - 1; i >= 1; i--)
        {
            int j = (int)Interval((ulong)i);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary><c>permutation(x)</c>: a shuffled arange(x), or a shuffled copy along the first axis.</summary>
    public NdArray Permutation(object? x)
    {
        if (x is PyInt or long or int)
        {
            int n = (int)Np.ToLong(x);
            var a = new long[n];
            for (int i = 0; i < n; i++) a[i] = i;
            ShuffleRaw(a);
            return NdArray.FromLongs(a, [n]);
        }
        var copy = Np.Array(x);
        Shuffle(copy);
        return copy;
    }

    /// <summary><c>choice(a, size=None, replace=True, p=None, shuffle=True)</c> with the Generator's algorithms.</summary>
    public object Choice(object? a, object? size = null, bool replace = true, object? p = null, bool shuffle = true)
    {
        NdArray? pool = a is PyInt or long or int ? null : Np.AsArray(a);
        long popSize = pool is null ? Np.ToLong(a) : pool.Count;
        var shape = Size(size);
        int count = shape is null ? 1 : Count(shape);
        if (popSize <= 0 && count != 0) throw new ValueError(pool is null ? "a must be a positive integer unless no samples are taken" : "a cannot be empty unless no samples are taken");
        double[]? probs = p is null ? null : Np.AsArray(p).ToDoubles();
        if (probs is not null)
        {
            if (probs.Length != popSize) throw new ValueError("a and p must have same size");
            if (probs.Any(v => v < 0)) throw new ValueError("Probabilities are not non-negative");
        }
        var idx = new long[count];
        if (replace)
        {
            if (probs is not null)
            {
                var cdf = Cdf(probs);
                for (int i = 0; i < count; i++) idx[i] = SearchRight(cdf, _bits.NextDouble());
            }
            else
            {
                for (int i = 0; i < count; i++) idx[i] = (long)Bounded((ulong)(popSize - 1));
            }
        }
        else
        {
            if (count > popSize) throw new ValueError("Cannot take a larger sample than population when replace is False");
            if (probs is not null)
            {
                if (probs.Count(v => v > 0) < count) throw new ValueError("Fewer non-zero entries in p than size");
                var pc = (double[])probs.Clone();
                int found = 0;
                while (found < count)
                {
                    var x = new double[count - found];
                    for (int i = 0; i < x.Length; i++) x[i] = _bits.NextDouble();
                    for (int i = 0; i < found; i++) pc[idx[i]] = 0;
                    var cdf = Cdf(pc);
                    var seen = new HashSet<long>();
                    foreach (var u in x)
                    {
                        long v = SearchRight(cdf, u);
                        if (seen.Add(v)) idx[found++] = v;
                    }
                }
            }
            else
            {
                int cutoff = shuffle ? 50 : 20;
                if (popSize > 10000 && count > popSize / cutoff)
                {
                    var all = new long[popSize];
                    for (long i = 0; i < popSize; i++) all[i] = i;
                    for (long i = popSize - 1; i >= Math.Max(popSize - count, 1); i--)
                    {
                        long j = (long)Bounded((ulong)i);
                        (all[i], all[j]) = (all[j], all[i]);
                    }
                    Array.Copy(all, popSize - count, idx, 0, count);
                }
                else
                {
                    // Floyd's algorithm with an open-addressing set, as numpy's Generator
                    ulong setSize = (ulong)(1.2 * count);
                    ulong mask = setSize;
                    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
                    var hash = new ulong[mask + 1];
                    Array.Fill(hash, ulong.MaxValue);
                    for (long j = popSize - count; j < popSize; j++)
                    {
                        ulong val = Bounded((ulong)j);
                        ulong loc = val & mask;
                        while (hash[loc] != ulong.MaxValue && hash[loc] != val) loc = (loc + 1) & mask;
                        if (hash[loc] == ulong.MaxValue)
                        {
                            hash[loc] = val;
                            idx[j - popSize + count] = (long)val;
                        }
                        else
                        {
                            loc = (ulong)j & mask;
                            while (hash[loc] != ulong.MaxValue) loc = (loc + 1) & mask;
                            hash[loc] = (ulong)j;
                            idx[j - popSize + count] = j;
                        }
                    }
                    if (shuffle)
                    {
                        for (int i = count - 1; i >= 1; i--)
                        {
                            long j = (long)Bounded((ulong)i);
                            (idx[i], idx[j]) = (idx[j], idx[i]);
                        }
                    }
                }
            }
        }
        if (shape is null) return pool is null ? new PyInt(idx[0]) : pool.GetItem(NpIndex.At(idx[0])).OrThrow();
        var picks = NdArray.FromLongs(idx, shape);
        return pool is null ? picks : pool.GetItem(NpIndex.Of(picks)).OrThrow();
    }

    private static double[] Cdf(double[] p)
    {
        var cdf = new double[p.Length];
        double s = 0;
        for (int i = 0; i < p.Length; i++) { s += p[i]; cdf[i] = s; }
        double last = cdf[^1];
        for (int i = 0; i < cdf.Length; i++) cdf[i] /= last;
        return cdf;
    }

    private static long SearchRight(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (value < sorted[mid]) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    public string PyRepr() => "Generator(PCG64)";

    public string PyStr() => PyRepr();
}
