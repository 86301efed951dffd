using System.Numerics;
using Batuta.Tensors;

namespace Batuta.ML;

/// <summary>Metric inputs: 1-D label vectors of equal length, checked the way scikit-learn's _check_targets does.</summary>
internal static class MetricInputs
{
    public static double[] Vector<T>(Tensor<T> t, string name) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(t, name);
        if (t.Rank == 2 && t.Shape[1] == 1) { }
        else if (t.Rank != 1) throw new InputValidationException($"{name} should be a 1d array, got an array of shape {t.Shape} instead.", name);
        var a = new double[t.Length];
        var src = t.ToArray();
        for (int i = 0; i < a.Length; i++) a[i] = double.CreateTruncating(src[i]);
        return a;
    }

    public static void SameLength(int a, int b, int? c = null)
    {
        if (a != b || (c is int cc && cc != a))
            throw new InputValidationException($"Found input variables with inconsistent numbers of samples: [{a}, {b}{(c is int x ? ", " + x : "")}]");
    }

    public static double[]? Weights(Tensor<double>? w, int n)
    {
        if (w is null) return null;
        var a = w.ToArray();
        SameLength(n, n, a.Length);
        return a;
    }

    /// <summary>'binary' or 'multiclass' for a pair of label vectors; continuous targets are refused.</summary>
    public static string ClassificationType(double[] yTrue, double[] yPred)
    {
        string t1 = TypeOf(yTrue), t2 = TypeOf(yPred);
        if (t1 == "continuous" && t2 == "continuous")
            throw new InputValidationException("continuous is not supported: classification metrics need discrete labels (use a regression metric such as r2_score).");
        if (t1 == "continuous" || t2 == "continuous")
            throw new InputValidationException($"Classification metrics can't handle a mix of {t1} and {t2} targets");
        if (t1 == "multiclass" || t2 == "multiclass") return "multiclass";
        return yTrue.Concat(yPred).Distinct().Count() > 2 ? "multiclass" : "binary";
    }

    private static string TypeOf(double[] y)
    {
        foreach (var v in y)
            if (v != Math.Floor(v) || !double.IsFinite(v)) return "continuous";
        return y.Distinct().Count() <= 2 ? "binary" : "multiclass";
    }
}
