using Batuta.ML.Randomness;

namespace Batuta.ML;

/// <summary>
/// scikit-learn's splitters with its exact random draws: <c>ShuffleSplit</c>, <c>StratifiedShuffleSplit</c>
/// (with <c>_approximate_mode</c>), <c>KFold</c> and <c>StratifiedKFold</c>. Index arrays come out in the
/// same order scikit-learn yields them.
/// </summary>
public static class Splitters
{
    /// <summary><c>_validate_shuffle_split</c>: resolves test/train sizes to counts, with scikit-learn's errors.</summary>
    public static (int Train, int Test) ValidateShuffleSplit(int nSamples, SplitSize? testSize, SplitSize? trainSize, double? defaultTestSize = null)
    {
        if (testSize is null && trainSize is null && defaultTestSize is double dts) testSize = dts;
        if (testSize is SplitSize t && ((t.IsCount && (t.Value >= nSamples || t.Value <= 0)) || (!t.IsCount && (t.Value <= 0 || t.Value >= 1))))
            throw new InputValidationException($"test_size={t} should be either positive and smaller than the number of samples {nSamples} or a float in the (0, 1) range", "test_size");
        if (trainSize is SplitSize r && ((r.IsCount && (r.Value >= nSamples || r.Value <= 0)) || (!r.IsCount && (r.Value <= 0 || r.Value >= 1))))
            throw new InputValidationException($"train_size={r} should be either positive and smaller than the number of samples {nSamples} or a float in the (0, 1) range", "train_size");
        if (testSize is { IsCount: false } tf && trainSize is { IsCount: false } rf && tf.Value + rf.Value > 1)
            throw new InputValidationException($"The sum of test_size and train_size = {PyRepr.Float(tf.Value + rf.Value)}, should be in the (0, 1) range. Reduce test_size and/or train_size.", "test_size");
        double nTest = 0, nTrain = 0;
        if (testSize is SplitSize ts) nTest = ts.IsCount ? ts.Value : Math.Ceiling(ts.Value * nSamples);
        if (trainSize is SplitSize rs) nTrain = rs.IsCount ? rs.Value : Math.Floor(rs.Value * nSamples);
        if (trainSize is null) nTrain = nSamples - nTest;
        else if (testSize is null) nTest = nSamples - nTrain;
        if (nTrain + nTest > nSamples)
            throw new InputValidationException($"The sum of train_size and test_size = {(long)(nTrain + nTest)}, should be smaller than the number of samples {nSamples}. Reduce test_size and/or train_size.", "test_size");
        if ((int)nTrain == 0)
            throw new InputValidationException($"With n_samples={nSamples}, test_size={testSize?.ToString() ?? "None"} and train_size={trainSize?.ToString() ?? "None"}, the resulting train set will be empty. Adjust any of the aforementioned parameters.", "train_size");
        return ((int)nTrain, (int)nTest);
    }

    /// <summary>One split of <c>ShuffleSplit</c>: a permutation, test first then train.</summary>
    public static (int[] Train, int[] Test) ShuffleSplit(int nSamples, int nTrain, int nTest, RandomState rng)
    {
        var perm = rng.Permutation(nSamples);
        var test = perm[..nTest].Select(i => (int)i).ToArray();
        var train = perm[nTest..(nTest + nTrain)].Select(i => (int)i).ToArray();
        return (train, test);
    }

    /// <summary>One split of <c>StratifiedShuffleSplit</c>, drawing exactly what scikit-learn 1.2 draws.</summary>
    public static (int[] Train, int[] Test) StratifiedShuffleSplit(LabelVector y, int nTrain, int nTest, RandomState rng)
    {
        var (nClasses, inverse) = y.Encode();
        var counts = new long[nClasses];
        foreach (var c in inverse) counts[c]++;
        if (counts.Length == 0 || counts.Min() < 2)
            throw new InputValidationException("The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.", "stratify");
        if (nTrain < nClasses)
            throw new InputValidationException($"The train_size = {nTrain} should be greater or equal to the number of classes = {nClasses}", "train_size");
        if (nTest < nClasses)
            throw new InputValidationException($"The test_size = {nTest} should be greater or equal to the number of classes = {nClasses}", "test_size");
        // np.split(np.argsort(y_indices, kind="mergesort"), ...): each class's samples in ascending order.
        var classIndices = new List<int>[nClasses];
        for (int c = 0; c < nClasses; c++) classIndices[c] = [];
        for (int i = 0; i < inverse.Length; i++) classIndices[inverse[i]].Add(i);

        var nI = ApproximateMode(counts, nTrain, rng);
        var remaining = new long[nClasses];
        for (int c = 0; c < nClasses; c++) remaining[c] = counts[c] - nI[c];
        var tI = ApproximateMode(remaining, nTest, rng);

        var train = new List<long>();
        var test = new List<long>();
        for (int c = 0; c < nClasses; c++)
        {
            var perm = rng.Permutation((int)counts[c]);
            var idx = classIndices[c];
            for (int k = 0; k < nI[c]; k++) train.Add(idx[(int)perm[k]]);
            for (long k = nI[c]; k < nI[c] + tI[c]; k++) test.Add(idx[(int)perm[k]]);
        }
        var trainArr = rng.Permutation<long>(train.ToArray());
        var testArr = rng.Permutation<long>(test.ToArray());
        return (trainArr.Select(i => (int)i).ToArray(), testArr.Select(i => (int)i).ToArray());
    }

    /// <summary>
    /// <c>sklearn.utils.extmath._approximate_mode</c>: per-class draws that sum to <paramref name="nDraws"/>;
    /// leftovers go to the largest remainders, ties broken by <c>rng.choice</c>.
    /// </summary>
    public static long[] ApproximateMode(long[] classCounts, long nDraws, RandomState rng)
    {
        int k = classCounts.Length;
        double total = classCounts.Sum();
        var continuous = new double[k];
        var floored = new double[k];
        for (int i = 0; i < k; i++)
        {
            continuous[i] = classCounts[i] / total * nDraws;
            floored[i] = Math.Floor(continuous[i]);
        }
        long needToAdd = (long)(nDraws - Internal.NumpySum.Sum(floored));
        if (needToAdd > 0)
        {
            var remainder = new double[k];
            for (int i = 0; i < k; i++) remainder[i] = continuous[i] - floored[i];
            foreach (var value in remainder.Distinct().OrderDescending())
            {
                var inds = Enumerable.Range(0, k).Where(i => FloatExact.AreEqual(remainder[i], value)).ToArray();
                int addNow = (int)Math.Min(inds.Length, needToAdd);
                var chosen = rng.Choice(inds.Length, addNow, replace: false);
                foreach (var c in chosen) floored[inds[c]] += 1;
                needToAdd -= addNow;
                if (needToAdd == 0) break;
            }
        }
        return floored.Select(v => (long)v).ToArray();
    }

    /// <summary><c>KFold(n_splits, shuffle, random_state).split(X)</c>: (train, test) index pairs, both ascending.</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> KFold(int nSamples, int nSplits = 5, bool shuffle = false, int? randomState = null)
    {
        CheckSplits(nSplits, nSamples, shuffle, randomState);
        var indices = new long[nSamples];
        for (int i = 0; i < nSamples; i++) indices[i] = i;
        if (shuffle) (randomState is int s ? new RandomState(s) : new RandomState()).Shuffle<long>(indices);
        var folds = new List<(int[], int[])>();
        int current = 0;
        for (int f = 0; f < nSplits; f++)
        {
            int size = nSamples / nSplits + (f < nSamples % nSplits ? 1 : 0);
            var mask = new bool[nSamples];
            for (int i = current; i < current + size; i++) mask[indices[i]] = true;
            folds.Add(MaskToSplit(mask));
            current += size;
        }
        return folds;
    }

    /// <summary><c>StratifiedKFold(n_splits, shuffle, random_state).split(X, y)</c> with scikit-learn 1.2's fold allocation.</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> StratifiedKFold(LabelVector y, int nSplits = 5, bool shuffle = false, int? randomState = null)
    {
        int n = y.Length;
        CheckSplits(nSplits, n, shuffle, randomState);
        if (!y.IsDiscrete)
            throw new InputValidationException("Supported target types are: ('binary', 'multiclass'). Got 'continuous' instead.", "y");
        var rng = shuffle ? (randomState is int s ? new RandomState(s) : new RandomState()) : null;
        var (nClasses, inverse) = y.Encode();
        // Encode classes by order of first appearance, as scikit-learn does.
        var firstSeen = new int[nClasses];
        Array.Fill(firstSeen, int.MaxValue);
        for (int i = n - 1; i >= 0; i--) firstSeen[inverse[i]] = i;
        var byAppearance = Enumerable.Range(0, nClasses).OrderBy(c => firstSeen[c]).ToArray();
        var perm = new int[nClasses];
        for (int r = 0; r < nClasses; r++) perm[byAppearance[r]] = r;
        var encoded = inverse.Select(c => perm[c]).ToArray();
        var counts = new int[nClasses];
        foreach (var c in encoded) counts[c]++;
        if (counts.All(c => nSplits > c))
            throw new InputValidationException($"n_splits={nSplits} cannot be greater than the number of members in each class.", "n_splits");
        if (nSplits > counts.Min())
            MLWarnings.Warn(WarningCategory.User, $"The least populated class in y has only {counts.Min()} members, which is less than n_splits={nSplits}.");
        var order = encoded.Order().ToArray();
        var allocation = new int[nSplits, nClasses];
        for (int f = 0; f < nSplits; f++)
            for (int i = f; i < n; i += nSplits) allocation[f, order[i]]++;
        var testFolds = new int[n];
        for (int c = 0; c < nClasses; c++)
        {
            var foldsForClass = new List<long>();
            for (int f = 0; f < nSplits; f++)
                for (int r = 0; r < allocation[f, c]; r++) foldsForClass.Add(f);
            var arr = foldsForClass.ToArray();
            rng?.Shuffle<long>(arr);
            int k = 0;
            for (int i = 0; i < n; i++)
                if (encoded[i] == c) testFolds[i] = (int)arr[k++];
        }
        var result = new List<(int[], int[])>();
        for (int f = 0; f < nSplits; f++) result.Add(MaskToSplit(testFolds.Select(v => v == f).ToArray()));
        return result;
    }

    private static (int[] Train, int[] Test) MaskToSplit(bool[] testMask)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < testMask.Length; i++) (testMask[i] ? test : train).Add(i);
        return (train.ToArray(), test.ToArray());
    }

    private static void CheckSplits(int nSplits, int nSamples, bool shuffle, int? randomState)
    {
        if (nSplits < 2)
            throw new InvalidParameterException("KFold", "n_splits", "an int in the range [2, inf)", nSplits);
        if (!shuffle && randomState is not null)
            throw new InputValidationException("Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.", "random_state");
        if (nSplits > nSamples)
            throw new InputValidationException($"Cannot have number of splits n_splits={nSplits} greater than the number of samples: n_samples={nSamples}.", "n_splits");
    }
}
