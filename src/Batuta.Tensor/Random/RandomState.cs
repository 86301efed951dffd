using System.Security.Cryptography;

namespace Batuta.Tensors;

/// <summary>
/// numpy's legacy <c>np.random.RandomState</c>: the MT19937 generator with numpy's seeding and numpy's
/// legacy algorithms for every draw (<c>random_sample</c>, <c>randint</c>, <c>randn</c> with the cached
/// polar Box-Muller pair, <c>permutation</c>/<c>shuffle</c>, <c>choice</c>, <c>uniform</c>, <c>normal</c>),
/// so a seeded script draws the same numbers bit for bit. scikit-learn's <c>random_state=N</c> is
/// <c>RandomState(N)</c>, which is why Batuta.ML's train/test splits, bootstraps and k-means++ seeds match;
/// migrated <c>np.random</c> code (Batuta.Python.Runtime) draws from the same generator.
/// </summary>
/// <remarks>Not thread-safe, like numpy's (which holds a lock): give each thread its own instance.</remarks>
public sealed class RandomState
{
    private const int N = 624, M = 397;
    private const uint MatrixA = 0x9908b0df, UpperMask = 0x80000000, LowerMask = 0x7fffffff;
    private readonly uint[] _mt = new uint[N];
    private int _pos;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>Seeds from operating-system entropy (numpy's <c>RandomState()</c>).</summary>
    public RandomState()
    {
        var words = new uint[N];
        RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words.AsSpan()));
        InitByArray(words);
    }

    /// <summary><c>RandomState(seed)</c> for an integer seed in [0, 2**32 - 1].</summary>
    public RandomState(long seed)
    {
        if (seed < 0 || seed > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(seed), seed, "Seed must be between 0 and 2**32 - 1");
        Seed((uint)seed);
    }

    /// <summary><c>RandomState([k0, k1, ...])</c>: numpy's array seeding (MT19937 init_by_array).</summary>
    public RandomState(ReadOnlySpan<long> seedArray)
    {
        if (seedArray.Length == 0) throw new ArgumentException("Seed must be non-empty", nameof(seedArray));
        var key = new uint[seedArray.Length];
        for (int i = 0; i < key.Length; i++)
        {
            if (seedArray[i] < 0 || seedArray[i] > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(seedArray), "Seed must be between 0 and 2**32 - 1");
            key[i] = (uint)seedArray[i];
        }
        InitByArray(key);
    }

    private RandomState(RandomState other)
    {
        other._mt.CopyTo(_mt, 0);
        _pos = other._pos;
        _hasGauss = other._hasGauss;
        _gauss = other._gauss;
    }

    /// <summary>An independent copy in the same state (numpy: <c>set_state(get_state())</c> on a new instance).</summary>
    public RandomState Clone() => new(this);

    private void Seed(uint seed)
    {
        for (int i = 0; i < N; i++)
        {
            _mt[i] = seed;
            seed = 1812433253u * (seed ^ (seed >> 30)) + (uint)(i + 1);
        }
        _pos = N;
        _hasGauss = false;
        _gauss = 0;
    }

    private void InitByArray(uint[] key)
    {
        Seed(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
        _pos = N;
        _hasGauss = false;
        _gauss = 0;
    }

    private void Generate()
    {
        int k;
        uint y;
        for (k = 0; k < N - M; k++)
        {
            y = (_mt[k] & UpperMask) | (_mt[k + 1] & LowerMask);
            _mt[k] = _mt[k + M] ^ (y >> 1) ^ ((0u - (y & 1)) & MatrixA);
        }
        for (; k < N - 1; k++)
        {
            y = (_mt[k] & UpperMask) | (_mt[k + 1] & LowerMask);
            _mt[k] = _mt[k + (M - N)] ^ (y >> 1) ^ ((0u - (y & 1)) & MatrixA);
        }
        y = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
        _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((0u - (y & 1)) & MatrixA);
        _pos = 0;
    }

    /// <summary>The next raw 32-bit output.</summary>
    public uint NextUInt32()
    {
        if (_pos == N) Generate();
        uint y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    /// <summary>One <c>random_sample()</c>: 53-bit uniform in [0, 1).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>numpy's legacy <c>random_interval</c>: uniform in [0, max] by masked rejection (used by shuffle).</summary>
    internal ulong Interval(ulong max)
    {
        if (max == 0) return 0;
        ulong mask = Mask(max);
        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = NextUInt32() & mask) > max) { }
        }
        else
        {
            while ((value = NextUInt64() & mask) > max) { }
        }
        return value;
    }

    private static ulong Mask(ulong max)
    {
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }

    /// <summary>A bounded draw in [0, rng] the way legacy <c>randint</c> makes it (masked rejection, 32-bit draws when they suffice).</summary>
    private ulong Bounded(ulong rng)
    {
        if (rng == 0) return 0;
        if (rng <= uint.MaxValue)
        {
            if (rng == uint.MaxValue) return NextUInt32();
            uint mask = (uint)Mask(rng);
            uint v;
            while ((v = NextUInt32() & mask) > rng) { }
            return v;
        }
        if (rng == ulong.MaxValue) return NextUInt64();
        ulong m = Mask(rng);
        ulong w;
        while ((w = NextUInt64() & m) > rng) { }
        return w;
    }

    /// <summary><c>randint(low, high)</c>: one integer in [low, high). With one argument, [0, low).</summary>
    public long RandInt(long low, long? high = null)
    {
        (low, long hi) = high is null ? (0, low) : (low, high.Value);
        if (low >= hi) throw new ArgumentException($"low >= high (low={low}, high={hi})", nameof(high));
        return low + (long)Bounded((ulong)(hi - 1 - low));
    }

    /// <summary><c>randint(low, high, size)</c>.</summary>
    public long[] RandInt(long low, long high, int size)
    {
        if (low >= high) throw new ArgumentException($"low >= high (low={low}, high={high})", nameof(high));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var result = new long[size];
        ulong rng = (ulong)(high - 1 - low);
        for (int i = 0; i < size; i++) result[i] = low + (long)Bounded(rng);
        return result;
    }

    /// <summary><c>random_sample(size)</c> / <c>rand(n)</c>.</summary>
    public double[] RandomSample(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var result = new double[size];
        for (int i = 0; i < size; i++) result[i] = NextDouble();
        return result;
    }

    /// <summary><c>rand(d0, d1, ...)</c> as a float64 tensor.</summary>
    public Tensor<double> Rand(params int[] shape)
    {
        var t = Tensor.Zeros<double>(shape);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = NextDouble();
        return t;
    }

    /// <summary><c>randn(d0, d1, ...)</c> as a float64 tensor.</summary>
    public Tensor<double> Randn(params int[] shape)
    {
        var t = Tensor.Zeros<double>(shape);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = StandardNormal();
        return t;
    }

    /// <summary>One <c>standard_normal()</c>: numpy's legacy polar Box-Muller, which hands out its pair one at a time.</summary>
    public double StandardNormal()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            double cached = _gauss;
            _gauss = 0;
            return cached;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary><c>normal(loc, scale, size)</c>.</summary>
    public double[] Normal(double loc, double scale, int size)
    {
        if (scale < 0) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale < 0");
        var r = new double[size];
        for (int i = 0; i < size; i++) r[i] = loc + scale * StandardNormal();
        return r;
    }

    /// <summary>One <c>normal(loc, scale)</c>.</summary>
    public double Normal(double loc = 0, double scale = 1) => loc + scale * StandardNormal();

    /// <summary><c>uniform(low, high, size)</c>.</summary>
    public double[] Uniform(double low, double high, int size)
    {
        double range = high - low;
        if (!double.IsFinite(range)) throw new OverflowException("Range exceeds valid bounds");
        var r = new double[size];
        for (int i = 0; i < size; i++) r[i] = low + range * NextDouble();
        return r;
    }

    /// <summary>One <c>uniform(low, high)</c>.</summary>
    public double Uniform(double low = 0, double high = 1) => low + (high - low) * NextDouble();

    /// <summary><c>permutation(n)</c>: a shuffled <c>arange(n)</c>.</summary>
    public long[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var a = new long[n];
        for (int i = 0; i < n; i++) a[i] = i;
        Shuffle<long>(a);
        return a;
    }

    /// <summary><c>permutation(array)</c>: a shuffled copy.</summary>
    public T[] Permutation<T>(ReadOnlySpan<T> values)
    {
        var a = values.ToArray();
        Shuffle<T>(a);
        return a;
    }

    /// <summary><c>shuffle(x)</c> for a 1-D sequence: numpy's legacy Fisher-Yates from the end.</summary>
    public void Shuffle<T>(Span<T> x)
    {
        for (int i = x.Length - 1; i >= 1; i--)
        {
            int j = (int)Interval((ulong)i);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary><c>shuffle(x)</c> for a tensor: shuffles along the first axis in place (rows of a matrix), as numpy does.</summary>
    public void Shuffle<T>(Tensor<T> x) where T : unmanaged, System.Numerics.INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0) throw new ArgumentException("shuffle: a 0-d tensor has no axis to shuffle.", nameof(x));
        int n = x.Shape[0];
        if (x.Rank == 1 && x.IsContiguous)
        {
            Shuffle<T>(x.AsSpan());
            return;
        }
        for (int i = n - 1; i >= 1; i--)
        {
            int j = (int)Interval((ulong)i);
            if (i == j) continue;
            using var a = x.View(TensorIndex.At(i));
            using var b = x.View(TensorIndex.At(j));
            using var tmp = a.Clone();
            a.CopyFrom(b);
            b.CopyFrom(tmp);
        }
    }

    /// <summary>
    /// <c>choice(a, size, replace, p)</c> over <c>arange(a)</c>: numpy's legacy algorithms (randint with
    /// replacement, a permutation prefix without, inverse-CDF sampling with probabilities).
    /// </summary>
    public long[] Choice(int a, int size, bool replace = true, ReadOnlySpan<double> p = default)
    {
        if (a <= 0 && !(a == 0 && size == 0)) throw new ArgumentException("a must be greater than 0 unless no samples are taken", nameof(a));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double[]? probs = null;
        if (!p.IsEmpty)
        {
            if (p.Length != a) throw new ArgumentException("'a' and 'p' must have same size", nameof(p));
            double sum = KahanSum(p);
            if (double.IsNaN(sum)) throw new ArgumentException("probabilities contain NaN", nameof(p));
            foreach (var v in p) if (v < 0) throw new ArgumentException("probabilities are not non-negative", nameof(p));
            if (Math.Abs(sum - 1.0) > 1.4901161193847656e-08) throw new ArgumentException("probabilities do not sum to 1", nameof(p));
            probs = p.ToArray();
        }

        if (replace)
        {
            if (probs is null) return RandInt(0, a, size);
            var cdf = CumulativeNormalised(probs);
            var result = new long[size];
            var u = RandomSample(size);
            for (int i = 0; i < size; i++) result[i] = SearchSortedRight(cdf, u[i]);
            return result;
        }

        if (size > a) throw new ArgumentException("Cannot take a larger sample than population when 'replace=False'", nameof(size));
        if (probs is null) return Permutation(a)[..size];

        int positive = 0;
        foreach (var v in probs) if (v > 0) positive++;
        if (positive < size) throw new ArgumentException("Fewer non-zero entries in p than size", nameof(p));
        var found = new long[size];
        int nUniq = 0;
        while (nUniq < size)
        {
            var x = RandomSample(size - nUniq);
            for (int i = 0; i < nUniq; i++) probs[found[i]] = 0;
            var cdf = CumulativeNormalised(probs);
            var fresh = new long[x.Length];
            for (int i = 0; i < x.Length; i++) fresh[i] = SearchSortedRight(cdf, x[i]);
            // np.unique(new, return_index=True) then sorted indices: first occurrences in draw order.
            var seen = new HashSet<long>();
            foreach (var v in fresh)
            {
                if (seen.Add(v)) found[nUniq++] = v;
            }
        }
        return found;
    }

    private static double[] CumulativeNormalised(double[] p)
    {
        var cdf = new double[p.Length];
        double s = 0;
        for (int i = 0; i < p.Length; i++) { s += p[i]; cdf[i] = s; }
        double last = cdf[^1];
        for (int i = 0; i < cdf.Length; i++) cdf[i] /= last;
        return cdf;
    }

    private static long SearchSortedRight(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (value < sorted[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static double KahanSum(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return 0;
        double sum = values[0], c = 0;
        for (int i = 1; i < values.Length; i++)
        {
            double y = values[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
