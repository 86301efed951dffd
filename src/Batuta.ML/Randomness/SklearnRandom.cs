namespace Batuta.ML.Randomness;

/// <summary>
/// scikit-learn's C-level generator (<c>sklearn.utils._random.our_rand_r</c>, an xorshift), used inside
/// its Cython code: tree splitters, random coordinate selection. Seeded from a RandomState with
/// <c>randint(0, RAND_R_MAX)</c>, exactly as scikit-learn seeds it.
/// </summary>
internal static class SklearnRandom
{
    public const uint RandRMax = 0x7FFFFFFF;
    private const uint DefaultSeed = 1;

    public static uint Seed(RandomState rng) => (uint)rng.RandInt(0, RandRMax);

    public static uint Next(ref uint seed)
    {
        if (seed == 0) seed = DefaultSeed;
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        return seed % (RandRMax + 1u);
    }

    /// <summary><c>rand_int(low, high)</c>: an integer in [low, high).</summary>
    public static int RandInt(int low, int high, ref uint seed) => low + (int)(Next(ref seed) % (uint)(high - low));

    /// <summary><c>rand_uniform(low, high)</c>: a double in [low, high].</summary>
    public static double RandUniform(double low, double high, ref uint seed) => ((high - low) * (double)Next(ref seed) / (double)RandRMax) + low;
}
