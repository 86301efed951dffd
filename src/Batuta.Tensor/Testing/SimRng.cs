namespace Batuta.Tensors;

/// <summary>
/// Deterministic PCG32 generator (O'Neill's XSH-RR, 64-bit state, selectable stream). Same seed,
/// same numbers, on every machine and backend. <see cref="Fork"/> derives an independent child
/// stream, so parallel or nested code can each own a generator and stay reproducible.
/// </summary>
public sealed class SimRng
{
    private const ulong Multiplier = 6364136223846793005UL;
    private ulong _state;
    private readonly ulong _increment;
    private double? _spareGaussian;

    public SimRng(ulong seed, ulong stream = 0)
    {
        _increment = (stream << 1) | 1UL;
        _state = 0;
        NextUInt32();
        _state += seed;
        NextUInt32();
        Seed = seed;
        Stream = stream;
    }

    public ulong Seed { get; }

    public ulong Stream { get; }

    public uint NextUInt32()
    {
        ulong old = _state;
        _state = unchecked(old * Multiplier + _increment);
        uint xorshifted = (uint)(((old >> 18) ^ old) >> 27);
        int rot = (int)(old >> 59);
        return BitOperations.RotateRight(xorshifted, rot);
    }

    public ulong NextUInt64() => ((ulong)NextUInt32() << 32) | NextUInt32();

    /// <summary>A child generator on its own stream, seeded from this one (which advances by two draws).</summary>
    public SimRng Fork()
    {
        ulong seed = NextUInt64();
        ulong stream = NextUInt64() >> 1;
        return new SimRng(seed, stream);
    }

    /// <summary>An exact copy of the current state: both produce the same sequence from here.</summary>
    public SimRng Clone()
    {
        var c = (SimRng)MemberwiseClone();
        return c;
    }

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), unbiased (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        uint range = (uint)maxExclusive;
        ulong m = (ulong)NextUInt32() * range;
        uint low = (uint)m;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                m = (ulong)NextUInt32() * range;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long min, long maxExclusive)
    {
        if (maxExclusive <= min) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "the range is empty.");
        ulong range = (ulong)(maxExclusive - min);
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong r;
        do r = NextUInt64();
        while (r >= limit);
        return min + (long)(r % range);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt32() >> 8) * (1.0f / (1 << 24));

    /// <summary>Standard normal (Marsaglia's polar method; the second value is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        return u * f;
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A random permutation of 0..n-1 (numpy's <c>permutation(n)</c>).</summary>
    public Tensor<long> Permutation(int n)
    {
        var t = Tensor.Arange(n);
        Shuffle(t.AsSpan());
        return t;
    }

    /// <summary>Uniform values in [low, high) (numpy's <c>uniform(low, high, size)</c>, shape first).</summary>
    public Tensor<T> Uniform<T>(int[] shape, double low = 0, double high = 1) where T : unmanaged, INumber<T>
    {
        var t = Tensor.Empty<T>(shape);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(low + (high - low) * NextDouble());
        return t;
    }

    /// <summary>Normal values with the given mean and standard deviation.</summary>
    public Tensor<T> Normal<T>(int[] shape, double mean = 0, double std = 1) where T : unmanaged, INumber<T>
    {
        var t = Tensor.Empty<T>(shape);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(mean + std * NextGaussian());
        return t;
    }

    /// <summary>Uniform integers in [low, high) (numpy's <c>integers</c>).</summary>
    public Tensor<T> Integers<T>(int[] shape, long low, long high) where T : unmanaged, INumber<T>
    {
        var t = Tensor.Empty<T>(shape);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(NextLong(low, high));
        return t;
    }
}
