using System.Globalization;
using Batuta.Tensors;

namespace Batuta.ML.Validation;

/// <summary>
/// scikit-learn's <c>check_array</c>/<c>check_X_y</c>: rank, emptiness, NaN/infinity and length checks
/// with scikit-learn's messages, plus where the bad value is and how to fix it.
/// </summary>
internal static class Check
{
    public static DenseMatrix Matrix(Tensor<double> X, string estimator, bool allowNaN = false, string name = "X", int minSamples = 1)
    {
        ArgumentNullException.ThrowIfNull(X, name);
        if (X.Rank != 2)
        {
            if (X.Rank == 1)
                throw new InputValidationException(
                    $"Expected 2D array, got 1D array instead:\narray={X}.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.", name);
            throw new InputValidationException($"Found array with dim {X.Rank}. {estimator} expected <= 2.", name);
        }
        int rows = X.Shape[0], cols = X.Shape[1];
        if (rows < minSamples)
            throw new InputValidationException($"Found array with {rows} sample(s) (shape={X.Shape}) while a minimum of {minSamples} is required by {estimator}.", name);
        if (cols < 1)
            throw new InputValidationException($"Found array with 0 feature(s) (shape={X.Shape}) while a minimum of 1 is required by {estimator}.", name);
        // An uninitialised array: the copy overwrites every element, so zeroing it first would be wasted work.
        var data = GC.AllocateUninitializedArray<double>(X.Length);
        X.CopyTo(data);
        Finite(data, cols, estimator, name, allowNaN);
        return new DenseMatrix(data, rows, cols);
    }

    /// <summary>
    /// A contiguous 2-D input for a small, sequential pass: validated in place and returned as a span over the
    /// tensor's own memory (no copy). Callers that need an array, or threads, use <see cref="Matrix"/>.
    /// </summary>
    public static ReadOnlySpan<double> MatrixSpan(Tensor<double> X, string estimator, int expectedCols, out int rows)
    {
        ArgumentNullException.ThrowIfNull(X, nameof(X));
        if (X.Rank != 2 || !X.IsContiguous || X.Shape[0] < 1 || X.Shape[1] < 1)
        {
            var m = Matrix(X, estimator);
            FeatureCount(m.Cols, expectedCols, estimator);
            rows = m.Rows;
            return m.Data;
        }
        rows = X.Shape[0];
        FeatureCount(X.Shape[1], expectedCols, estimator);
        var span = X.AsReadOnlySpan();
        if (!AllFinite(span))
        {
            var copy = span.ToArray();
            Finite(copy, X.Shape[1], estimator, "X", allowNaN: false);
        }
        return span;
    }

    public static double[] Vector(Tensor<double> y, string estimator, int expectedLength, string name = "y", int nX = -1)
    {
        ArgumentNullException.ThrowIfNull(y, name);
        if (y.Rank == 2 && y.Shape[1] == 1)
        {
            MLWarnings.Warn(WarningCategory.DataConversion, "A column-vector y was passed when a 1d array was expected. Please change the shape of y to (n_samples, ), for example using ravel().");
        }
        else if (y.Rank != 1)
        {
            throw new InputValidationException($"y should be a 1d array, got an array of shape {y.Shape} instead.", name);
        }
        var data = y.ToArray();
        if (data.Length != expectedLength)
            throw new InputValidationException($"Found input variables with inconsistent numbers of samples: [{expectedLength}, {data.Length}]", name);
        Finite(data, 1, estimator, name, allowNaN: false);
        return data;
    }

    public static double[]? SampleWeight(Tensor<double>? sampleWeight, int n, string estimator)
    {
        if (sampleWeight is null) return null;
        if (sampleWeight.Rank != 1)
            throw new InputValidationException("Sample weights must be 1D array or scalar", "sample_weight");
        var w = sampleWeight.ToArray();
        if (w.Length != n)
            throw new InputValidationException($"sample_weight.shape == ({w.Length},), expected ({n},)!", "sample_weight");
        Finite(w, 1, estimator, "sample_weight", allowNaN: false);
        return w;
    }

    public static void FeatureCount(int got, int expected, string estimator)
    {
        if (got != expected)
            throw new InputValidationException($"X has {got} features, but {estimator} is expecting {expected} features as input.", "X");
    }

    private static void Finite(double[] data, int cols, string estimator, string name, bool allowNaN)
    {
        if (AllFinite(data)) return;
        for (int i = 0; i < data.Length; i++)
        {
            double v = data[i];
            if (double.IsFinite(v)) continue;
            string where = cols == 1 ? $"(at index {i})" : $"(row {i / cols}, column {i % cols})";
            if (double.IsNaN(v))
            {
                if (allowNaN) continue;
                throw new InputValidationException(
                    $"Input {name} contains NaN {where}.\n{estimator} does not accept missing values encoded as NaN natively. " +
                    "Impute them first (for instance with a SimpleImputer step in the pipeline) or drop the samples with missing values.", name);
            }
            throw new InputValidationException(
                $"Input {name} contains infinity or a value too large for dtype('float64') {where}. Clip or drop it before fitting.", name);
        }
    }

    /// <summary>Vectorised fast path: x·0 is 0 for every finite x and NaN for NaN and ±∞.</summary>
    /// <summary>
    /// x·0 is 0 for finite x and NaN for NaN or ±∞, so one sum answers for the whole span. Four independent
    /// accumulators, because one would be bound by the add latency rather than by memory.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool AllFinite(ReadOnlySpan<double> span)
    {
        int i = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var a0 = System.Runtime.Intrinsics.Vector256<double>.Zero;
            var a1 = a0;
            var a2 = a0;
            var a3 = a0;
            ref double r = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span);
            for (; i <= span.Length - 16; i += 16)
            {
                a0 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)i) * 0.0;
                a1 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)(i + 4)) * 0.0;
                a2 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)(i + 8)) * 0.0;
                a3 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)(i + 12)) * 0.0;
            }
            for (; i <= span.Length - 4; i += 4) a0 += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref r, (nuint)i) * 0.0;
            if (!double.IsFinite(System.Runtime.Intrinsics.Vector256.Sum((a0 + a1) + (a2 + a3)))) return false;
        }
        double tail = 0;
        for (; i < span.Length; i++) tail += span[i] * 0.0;
        return double.IsFinite(tail);
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
