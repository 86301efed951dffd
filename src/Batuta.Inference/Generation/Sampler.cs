namespace Batuta.Inference.Generation;

/// <summary>
/// Picks the next token from logits: repetition penalty, then top-k, top-p, temperature and a draw
/// from a seeded xoshiro256** generator (the llama.cpp order). Temperature 0 is greedy argmax.
/// </summary>
public sealed class Sampler
{
    private readonly GenerationOptions _options;
    private readonly Xoshiro256 _rng;
    private (int Id, float Logit)[] _candidates = [];

    public Sampler(GenerationOptions options)
    {
        _options = options;
        _rng = new Xoshiro256(options.Seed ?? (ulong)Random.Shared.NextInt64());
    }

    public int Sample(Span<float> logits, IReadOnlyList<int> history)
    {
        ApplyRepetitionPenalty(logits, history);
        if (_options.Temperature <= 0) return ArgMax(logits);

        var c = TopK(logits);
        // top-p on the un-tempered distribution, keeping at least one token
        if (_options.TopP < 1f) c = TopP(c, _options.TopP);
        return Draw(c);
    }

    /// <summary>The k most likely tokens, most likely first (ties by id), in the reused candidate buffer.</summary>
    private Span<(int Id, float Logit)> TopK(ReadOnlySpan<float> logits)
    {
        int n = logits.Length;
        if (_candidates.Length < n) _candidates = new (int, float)[n];
        var c = _candidates.AsSpan(0, n);
        for (int i = 0; i < n; i++) c[i] = (i, logits[i]);
        c.Sort(static (a, b) => a.Logit != b.Logit ? b.Logit.CompareTo(a.Logit) : a.Id.CompareTo(b.Id));

        int k = _options.TopK > 0 ? Math.Min(_options.TopK, n) : n;
        return c[..k];
    }

    /// <summary>The shortest head of the sorted candidates whose probability reaches <paramref name="topP"/> (at least one).</summary>
    private static Span<(int Id, float Logit)> TopP(Span<(int Id, float Logit)> c, float topP)
    {
        double max = c[0].Logit, sum = 0;
        foreach (var x in c) sum += Math.Exp(x.Logit - max);
        double cumulative = 0;
        int keep = c.Length;
        for (int i = 0; i < c.Length; i++)
        {
            cumulative += Math.Exp(c[i].Logit - max) / sum;
            if (cumulative >= topP)
            {
                keep = i + 1;
                break;
            }
        }
        return c[..keep];
    }

    /// <summary>One draw from the tempered softmax over the candidates.</summary>
    private int Draw(ReadOnlySpan<(int Id, float Logit)> c)
    {
        double t = _options.Temperature, top = c[0].Logit, total = 0;
        Span<double> p = c.Length <= 4096 ? stackalloc double[c.Length] : new double[c.Length];
        for (int i = 0; i < c.Length; i++) total += p[i] = Math.Exp((c[i].Logit - top) / t);
        double u = _rng.NextDouble() * total;
        for (int i = 0; i < c.Length; i++)
        {
            u -= p[i];
            if (u < 0) return c[i].Id;
        }
        return c[^1].Id;
    }

    public static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
            if (logits[i] > logits[best]) best = i;
        return best;
    }

    private void ApplyRepetitionPenalty(Span<float> logits, IReadOnlyList<int> history)
    {
        float penalty = _options.RepetitionPenalty;
        if (FloatExact.AreEqual(penalty, 1f) || history.Count == 0 || _options.RepetitionWindow <= 0) return;
        var seen = new HashSet<int>();
        for (int i = Math.Max(0, history.Count - _options.RepetitionWindow); i < history.Count; i++)
        {
            int id = history[i];
            if ((uint)id >= (uint)logits.Length || !seen.Add(id)) continue;
            logits[id] = logits[id] > 0 ? logits[id] / penalty : logits[id] * penalty;
        }
    }
}

/// <summary>xoshiro256** seeded through SplitMix64: small, fast and identical on every platform and .NET version.</summary>
internal sealed class Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
