using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.LinearModel;

/// <summary>
/// <c>sklearn.linear_model.ElasticNet(alpha=1.0, l1_ratio=0.5, fit_intercept=True, precompute=False,
/// max_iter=1000, copy_X=True, tol=1e-4, warm_start=False, positive=False, random_state=None,
/// selection="cyclic")</c>: minimises 1/(2n)‖y - Xw‖² + α·ρ‖w‖₁ + α(1-ρ)/2‖w‖² by scikit-learn's
/// coordinate descent (<c>cd_fast.enet_coordinate_descent</c>): the same coordinate order (or the same
/// xorshift draws for selection="random"), the same max-update test and the same duality-gap stop.
/// </summary>
public class ElasticNet(double alpha = 1.0, double l1Ratio = 0.5, bool fitIntercept = true, bool precompute = false, int maxIter = 1000,
    bool copyX = true, double tol = 1e-4, bool warmStart = false, bool positive = false, int? randomState = null, string selection = "cyclic") : LinearRegressorBase
{
    private int[] _nIter = [];
    private double[] _dualGap = [];

    [Hyperparameter("alpha")] public double Alpha { get; set; } = alpha;

    [Hyperparameter("l1_ratio")] public double L1Ratio { get; set; } = l1Ratio;

    [Hyperparameter("fit_intercept")] public bool FitIntercept { get; set; } = fitIntercept;

    [Hyperparameter("precompute")] public bool Precompute { get; set; } = precompute;

    [Hyperparameter("max_iter")] public int MaxIter { get; set; } = maxIter;

    [Hyperparameter("copy_X")] public bool CopyX { get; set; } = copyX;

    [Hyperparameter("tol")] public double Tol { get; set; } = tol;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    [Hyperparameter("positive")] public bool Positive { get; set; } = positive;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("selection")] public string Selection { get; set; } = selection;

    /// <summary><c>n_iter_</c> (the first target's for a 2-D y).</summary>
    public int NIter
    {
        get
        {
            CheckFitted();
            return _nIter[0];
        }
    }

    /// <summary><c>dual_gap_</c> (divided by n_samples, as scikit-learn reports it).</summary>
    public double DualGap
    {
        get
        {
            CheckFitted();
            return _dualGap[0];
        }
    }

    /// <summary><c>sparse_coef_</c> is not provided; <see cref="LinearRegressorBase.Coef"/> is dense.</summary>
    public override ElasticNet Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.Positive(Name, "alpha", Alpha, allowZero: true);
        Params.Range(Name, "l1_ratio", L1Ratio, 0, 1);
        Params.AtLeast(Name, "max_iter", MaxIter, 1);
        Params.Positive(Name, "tol", Tol, allowZero: true);
        Params.OneOf(Name, "selection", Selection, "cyclic", "random");
        if (Alpha == 0)
            MLWarnings.Warn(WarningCategory.User, "With alpha=0, this algorithm does not converge well. You are advised to use the LinearRegression estimator");
        var m0 = Check.Matrix(X, Name);
        Tensor<double>? rescaled = null;
        if (sampleWeight is not null)
        {
            // scikit-learn rescales the weights to sum to n_samples.
            var w0 = Check.SampleWeight(sampleWeight, m0.Rows, Name).OrThrow();
            double s = NumpySum.Sum(w0);
            rescaled = Tensor.FromArray(w0.Select(v => v * (m0.Rows / s)).ToArray(), m0.Rows);
        }
        var (m, yv, k, xOff, yOff, w) = Prepare(X, y, rescaled, FitIntercept);
        rescaled?.Dispose();
        int n = m.Rows, p = m.Cols;
        // Centred, weighted, Fortran-ordered X: columns are contiguous, as coordinate descent reads them.
        var xf = new double[n * p];
        var xs = m.Data.Span;
        for (int i = 0; i < n; i++)
        {
            double s = w is null ? 1 : Math.Sqrt(w[i]);
            for (int j = 0; j < p; j++) xf[j * n + i] = (xs[i * p + j] - (FitIntercept ? xOff[j] : 0)) * s;
        }
        var coef = new double[p * k];
        _nIter = new int[k];
        _dualGap = new double[k];
        var rng = RandomState is int seed ? new RandomState(seed) : new Tensors.RandomState();
        for (int t = 0; t < k; t++)
        {
            var yt = new double[n];
            for (int i = 0; i < n; i++) yt[i] = (yv[i * k + t] - (FitIntercept ? yOff[t] : 0)) * (w is null ? 1 : Math.Sqrt(w[i]));
            var wt = new double[p];
            if (WarmStart && IsFitted && CoefValues.Length == p * k) Array.Copy(CoefValues, t * p, wt, 0, p);
            double l1 = Alpha * L1Ratio * n, l2 = Alpha * (1.0 - L1Ratio) * n;
            var (gap, iters) = CoordinateDescent.Run(wt, l1, l2, xf, n, p, yt, MaxIter, Tol, rng, Selection == "random", Positive);
            _dualGap[t] = gap / n;
            _nIter[t] = iters;
            for (int j = 0; j < p; j++) coef[j * k + t] = wt[j];
        }
        SetCoefficients(coef, p, k, xOff, yOff);
        if (CoefValues.Any(v => !double.IsFinite(v)) || InterceptValues.Any(v => !double.IsFinite(v)))
            throw new InputValidationException("Coordinate descent iterations resulted in non-finite parameter values. The input data may contain large values and need to be preprocessed.");
        return this;
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        WriteLinear(w);
        w.Write("n_iter_", _nIter);
        w.Write("dual_gap_", _dualGap);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _nIter = r.ReadInts("n_iter_");
        _dualGap = r.ReadDoubles("dual_gap_");
        ReadLinear(r);
    }
}

/// <summary>
/// <c>sklearn.linear_model.Lasso(alpha=1.0, fit_intercept=True, precompute=False, copy_X=True, max_iter=1000,
/// tol=1e-4, warm_start=False, positive=False, random_state=None, selection="cyclic")</c>: ElasticNet with l1_ratio=1.
/// </summary>
public sealed class Lasso(double alpha = 1.0, bool fitIntercept = true, bool precompute = false, bool copyX = true, int maxIter = 1000,
    double tol = 1e-4, bool warmStart = false, bool positive = false, int? randomState = null, string selection = "cyclic")
    : ElasticNet(alpha, 1.0, fitIntercept, precompute, maxIter, copyX, tol, warmStart, positive, randomState, selection)
{
    public override Lasso Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        L1Ratio = 1.0;
        base.Fit(X, y, sampleWeight);
        return this;
    }
}
