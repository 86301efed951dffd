using Batuta.ML.Randomness;

namespace Batuta.ML.Ensemble;

/// <summary>
/// The random draws of scikit-learn's ensembles: per-estimator seeds (<c>randint(MAX_INT)</c>), bootstrap
/// indices, and <c>sample_without_replacement</c> with its three methods chosen by the sampling ratio.
/// </summary>
internal static class ForestSampling
{
    public const int MaxInt = int.MaxValue;

    /// <summary>_set_random_states: one randint(np.iinfo(np.int32).max) per estimator.</summary>
    public static int[] EstimatorSeeds(RandomState rng, int count)
    {
        var seeds = new int[count];
        for (int i = 0; i < count; i++) seeds[i] = (int)rng.RandInt(MaxInt);
        return seeds;
    }

    /// <summary>Bootstrap counts (np.bincount of randint(0, n, n_bootstrap)) from a fresh RandomState(seed).</summary>
    public static double[] BootstrapCounts(int seed, int n, int nBootstrap)
    {
        var rng = new RandomState(seed);
        var counts = new double[n];
        foreach (var i in rng.RandInt(0, n, nBootstrap)) counts[i]++;
        return counts;
    }

    /// <summary>sklearn.utils.random.sample_without_replacement(n_population, n_samples, method="auto").</summary>
    public static int[] WithoutReplacement(int nPopulation, int nSamples, RandomState rng)
    {
        double ratio = nPopulation != 0 ? (double)nSamples / nPopulation : 1.0;
        if (ratio > 0.01 && ratio < 0.99) return rng.Permutation(nPopulation)[..nSamples].Select(v => (int)v).ToArray();
        var result = new int[nSamples];
        if (ratio < 0.2)
        {
            var selected = new HashSet<long>();
            for (int i = 0; i < nSamples; i++)
            {
                long j = rng.RandInt(nPopulation);
                while (selected.Contains(j)) j = rng.RandInt(nPopulation);
                selected.Add(j);
                result[i] = (int)j;
            }
            return result;
        }
        for (int i = 0; i < nSamples; i++) result[i] = i;
        for (int i = nSamples; i < nPopulation; i++)
        {
            long j = rng.RandInt(0, i + 1);
            if (j < nSamples) result[j] = i;
        }
        return result;
    }

    /// <summary>_get_n_samples_bootstrap.</summary>
    public static int BootstrapSize(int n, SplitSize? maxSamples, string estimator)
    {
        if (maxSamples is not SplitSize m) return n;
        if (m.IsCount)
        {
            if (m.Value > n) throw new InputValidationException($"`max_samples` must be <= n_samples={n} but got value {(long)m.Value}", "max_samples");
            if (m.Value < 1) throw new InvalidParameterException(estimator, "max_samples", "an int in the range [1, inf), a float in the range (0.0, 1.0] or None", (int)m.Value);
            return (int)m.Value;
        }
        if (!(m.Value > 0 && m.Value <= 1)) throw new InvalidParameterException(estimator, "max_samples", "an int in the range [1, inf), a float in the range (0.0, 1.0] or None", m.Value);
        return Math.Max((int)Math.Round(n * m.Value, MidpointRounding.ToEven), 1);
    }

    /// <summary>Threads for fitting ensembles: n_jobs (-1 = all), or all cores when None (results do not depend on it).</summary>
    public static int Threads(int? nJobs) => nJobs switch
    {
        null or -1 => Internal.RowBlocks.Threads,
        < -1 => Math.Max(1, Internal.RowBlocks.Threads + 1 + nJobs.Value),
        _ => Math.Max(1, nJobs.Value),
    };
}
