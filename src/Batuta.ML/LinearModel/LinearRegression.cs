using Batuta.ML.Internal;
using Batuta.Tensors;

namespace Batuta.ML.LinearModel;

/// <summary>
/// <c>sklearn.linear_model.LinearRegression(fit_intercept=True, copy_X=True, n_jobs=None, positive=False)</c>:
/// ordinary least squares on centred data with LAPACK gelsd's semantics (minimum-norm solution when X is
/// rank deficient, <c>rank_</c>, <c>singular_</c>), computed by a parallel tall-skinny QR.
/// </summary>
public sealed class LinearRegression(bool fitIntercept = true, bool copyX = true, int? nJobs = null, bool positive = false) : LinearRegressorBase
{
    private int _rank;
    private double[] _singular = [];

    [Hyperparameter("fit_intercept")] public bool FitIntercept { get; set; } = fitIntercept;

    [Hyperparameter("copy_X")] public bool CopyX { get; set; } = copyX;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    [Hyperparameter("positive")] public bool Positive { get; set; } = positive;

    /// <summary><c>rank_</c>: the rank of the (centred) X.</summary>
    public int Rank
    {
        get
        {
            CheckFitted();
            return _rank;
        }
    }

    /// <summary><c>singular_</c>: the singular values of the (centred) X, descending.</summary>
    public Tensor<double> Singular
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_singular.Clone(), _singular.Length);
        }
    }

    public override LinearRegression Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        if (Positive) throw new NotSupportedException("LinearRegression(positive=True) (non-negative least squares) is not implemented in Batuta.ML yet.");
        var (m, yv, k, xOff, yOff, w) = Prepare(X, y, sampleWeight, FitIntercept);
        var scale = w?.Select(Math.Sqrt).ToArray();
        var factor = LeastSquares.Decompose(m.Data, m.Rows, m.Cols, yv, k, FitIntercept ? xOff : null, FitIntercept ? yOff : null, scale);
        var (coef, rank, singular) = LeastSquares.MinimumNorm(factor);
        _rank = rank;
        _singular = singular;
        SetCoefficients(coef, m.Cols, k, xOff, yOff);
        return this;
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        WriteLinear(w);
        w.Write("rank_", (long)_rank);
        w.Write("singular_", _singular);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _rank = r.ReadInt("rank_");
        _singular = r.ReadDoubles("singular_");
        ReadLinear(r);
    }
}
