namespace Batuta.ML.Validation;

/// <summary>np.unique + LabelEncoder for class labels, with scikit-learn's check that the target is discrete.</summary>
internal static class Labels
{
    /// <summary>The sorted distinct labels and each sample's index into them.</summary>
    public static (double[] Classes, int[] Encoded) Encode(double[] y, string estimator)
    {
        foreach (var v in y)
        {
            if (v != Math.Floor(v))
                throw new InputValidationException(
                    $"Unknown label type: 'continuous'. {estimator} is a classifier and expects discrete class labels; " +
                    "the target has non-integer values (use a regressor, or bin the target into classes).", "y");
        }
        // Few classes is the common case: find them with a short list instead of hashing every label.
        var few = new List<double>(8);
        foreach (var v in y)
        {
            if (few.Contains(v)) continue;
            few.Add(v);
            if (few.Count > 32) break;
        }
        var classes = few.Count <= 32 ? few.Order().ToArray() : y.Distinct().Order().ToArray();
        var encoded = new int[y.Length];
        if (classes.Length == 2)
        {
            double second = classes[1];
            for (int i = 0; i < y.Length; i++) encoded[i] = FloatExact.AreEqual(y[i], second) ? 1 : 0;
        }
        else
        {
            for (int i = 0; i < y.Length; i++) encoded[i] = Array.BinarySearch(classes, y[i]);
        }
        return (classes, encoded);
    }

    /// <summary>np.unique for any labels (metrics accept continuous-looking labels in some checks, so no discreteness check).</summary>
    public static double[] Unique(IEnumerable<double> values) => values.Distinct().Order().ToArray();
}
