using Batuta.ML.Internal;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.LinearModel;

/// <summary>
/// What the linear regressors share: scikit-learn's <c>_preprocess_data</c> centring, <c>coef_</c> and
/// <c>intercept_</c> in scikit-learn's shapes (1-D for a 1-D y), and predict = X·coefᵀ + intercept.
/// </summary>
public abstract class LinearRegressorBase : RegressorBase
{
    private protected double[] CoefValues = [];      // (targets × features), row-major
    private protected double[] InterceptValues = []; // (targets)
    private protected bool MultiOutput;

    /// <summary><c>coef_</c>: (n_features,) for a 1-D y, (n_targets, n_features) for a 2-D y.</summary>
    public Tensor<double> Coef
    {
        get
        {
            CheckFitted();
            var c = (double[])CoefValues.Clone();
            return MultiOutput ? Tensor.FromArray(c, InterceptValues.Length, c.Length / InterceptValues.Length) : Tensor.FromArray(c, c.Length);
        }
    }

    /// <summary><c>intercept_</c> for a 1-D y (a float, as in scikit-learn).</summary>
    public double Intercept
    {
        get
        {
            CheckFitted();
            if (MultiOutput) throw new InvalidOperationException("intercept_ is an array for a 2-D y: use InterceptVector.");
            return InterceptValues[0];
        }
    }

    /// <summary><c>intercept_</c> as an array (n_targets,), for either shape of y.</summary>
    public Tensor<double> InterceptVector
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])InterceptValues.Clone(), InterceptValues.Length);
        }
    }

    /// <summary>Validated X and y (as n × k) with scikit-learn's offsets (column means, weighted when weights are given).</summary>
    private protected (FitMatrix X, double[] Y, int K, double[] XOffset, double[] YOffset, double[]? Weights) Prepare(Tensor<double> X, Tensor<double>? y, Tensor<double>? sampleWeight, bool fitIntercept)
    {
        var (data, rowCount, colCount) = TensorView.Matrix(X, Name);
        var m = new FitMatrix(data, rowCount, colCount);
        var target = RequireY(y);
        double[] yv;
        int k;
        if (target.Rank == 2 && target.Shape[1] > 1)
        {
            if (target.Shape[0] != m.Rows) throw new InputValidationException($"Found input variables with inconsistent numbers of samples: [{m.Rows}, {target.Shape[0]}]", "y");
            k = target.Shape[1];
            yv = target.ToArray();
            foreach (var v in yv) if (!double.IsFinite(v)) throw new InputValidationException("Input y contains NaN or infinity.", "y");
            MultiOutput = true;
        }
        else
        {
            yv = Check.Vector(target, Name, m.Rows);
            k = 1;
            MultiOutput = false;
        }
        var w = Check.SampleWeight(sampleWeight, m.Rows, Name);
        var xOff = new double[m.Cols];
        var yOff = new double[k];
        if (fitIntercept)
        {
            if (w is null)
            {
                var sums = NumpySum.ColumnSums(m.Data.Span, m.Rows, m.Cols);
                for (int j = 0; j < m.Cols; j++) xOff[j] = sums[j] / m.Rows;
                if (k == 1) yOff[0] = NumpySum.Mean(yv);
                else
                {
                    var ys = NumpySum.ColumnSums(yv, m.Rows, k);
                    for (int t = 0; t < k; t++) yOff[t] = ys[t] / m.Rows;
                }
            }
            else
            {
                double wsum = NumpySum.Sum(w);
                var xs = m.Data.Span;
                for (int i = 0; i < m.Rows; i++)
                {
                    for (int j = 0; j < m.Cols; j++) xOff[j] += xs[i * m.Cols + j] * w[i];
                    for (int t = 0; t < k; t++) yOff[t] += yv[i * k + t] * w[i];
                }
                for (int j = 0; j < m.Cols; j++) xOff[j] /= wsum;
                for (int t = 0; t < k; t++) yOff[t] /= wsum;
            }
        }
        return (m, yv, k, xOff, yOff, w);
    }

    /// <summary>The training matrix as a fit reads it: the tensor's own memory when contiguous.</summary>
    private protected readonly record struct FitMatrix(ReadOnlyMemory<double> Data, int Rows, int Cols);

    /// <summary><c>_set_intercept</c>: intercept = y_offset - X_offset·coef.</summary>
    private protected void SetCoefficients(double[] coefFeaturesByTargets, int p, int k, double[] xOff, double[] yOff)
    {
        CoefValues = new double[k * p];
        InterceptValues = new double[k];
        for (int t = 0; t < k; t++)
        {
            double dot = 0;
            for (int j = 0; j < p; j++)
            {
                CoefValues[t * p + j] = coefFeaturesByTargets[j * k + t];
                dot += xOff[j] * CoefValues[t * p + j];
            }
            InterceptValues[t] = yOff[t] - dot;
        }
        SetFitted(p);
    }

    // Predictions are often a handful of calls: compiled fully optimised at once rather than after tiering.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override Tensor<double> Predict(Tensor<double> X)
    {
        CheckFitted();
        if (X.Rank == 2 && (long)X.Shape[0] * X.Shape[1] * InterceptValues.Length < 2_000_000)
        {
            // Small batches: one pass over the tensor's own memory, no copy, no threads.
            var span = Check.MatrixSpan(X, Name, NFeaturesIn, out int rows);
            int kk = InterceptValues.Length, pp = NFeaturesIn;
            var res = new double[rows * kk];
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < kk; t++) res[i * kk + t] = Blas.Dot(span.Slice(i * pp, pp), new ReadOnlySpan<double>(CoefValues, t * pp, pp)) + InterceptValues[t];
            return MultiOutput ? Tensor.FromArray(res, rows, kk) : Tensor.FromArray(res, rows);
        }
        var m = CheckPredictInput(X);
        int k = InterceptValues.Length, p = m.Cols;
        var result = new double[m.Rows * k];
        RowBlocks.Run(m.Rows, (long)p * k, (_, start, end) =>
        {
            for (int i = start; i < end; i++)
                for (int t = 0; t < k; t++) result[i * k + t] = Blas.Dot(m.Row(i), new ReadOnlySpan<double>(CoefValues, t * p, p)) + InterceptValues[t];
        });
        return MultiOutput ? Tensor.FromArray(result, m.Rows, k) : Tensor.FromArray(result, m.Rows);
    }

    private protected void WriteLinear(Persistence.ModelWriter w)
    {
        w.Write("coef_", CoefValues, InterceptValues.Length, CoefValues.Length / Math.Max(1, InterceptValues.Length));
        w.Write("intercept_", InterceptValues);
        w.Write("multi_output", MultiOutput);
    }

    private protected void ReadLinear(Persistence.ModelReader r)
    {
        CoefValues = r.ReadDoubles("coef_");
        InterceptValues = r.ReadDoubles("intercept_");
        MultiOutput = r.ReadBool("multi_output");
        int p = r.NFeaturesIn;
        if (InterceptValues.Length == 0 || CoefValues.Length != InterceptValues.Length * p) throw new InvalidOperationException("coef_ and intercept_ disagree");
        RestoreFitted(p);
    }
}
