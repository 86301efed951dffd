using Batuta.ML.Internal;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.LinearModel;

/// <summary>
/// <c>sklearn.linear_model.Ridge(alpha=1.0, fit_intercept=True, copy_X=True, max_iter=None, tol=1e-4,
/// solver="auto", positive=False, random_state=None)</c>: argmin ‖y - Xw‖² + α‖w‖² on centred data (the
/// intercept is not penalised). Every solver name is accepted and gives the exact minimiser, computed
/// by a QR of [X; √α·I] (scikit-learn's "auto" picks a Cholesky solve of XᵀX + αI: the same minimiser,
/// rounded differently), so <c>n_iter_</c> is None as for scikit-learn's direct solvers.
/// </summary>
public sealed class Ridge(double alpha = 1.0, bool fitIntercept = true, bool copyX = true, int? maxIter = null, double tol = 1e-4, string solver = "auto", bool positive = false, int? randomState = null) : LinearRegressorBase
{
    [Hyperparameter("alpha")] public double Alpha { get; set; } = alpha;

    [Hyperparameter("fit_intercept")] public bool FitIntercept { get; set; } = fitIntercept;

    [Hyperparameter("copy_X")] public bool CopyX { get; set; } = copyX;

    [Hyperparameter("max_iter")] public int? MaxIter { get; set; } = maxIter;

    [Hyperparameter("tol")] public double Tol { get; set; } = tol;

    [Hyperparameter("solver")] public string Solver { get; set; } = solver;

    [Hyperparameter("positive")] public bool Positive { get; set; } = positive;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    /// <summary><c>solver_</c>: the solver scikit-learn's "auto" resolves to for dense input ("cholesky").</summary>
    public string SolverUsed => Solver == "auto" ? "cholesky" : Solver;

    public override Ridge Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.Positive(Name, "alpha", Alpha, allowZero: true);
        Params.OneOf(Name, "solver", Solver, "auto", "svd", "cholesky", "lsqr", "sparse_cg", "sag", "saga", "lbfgs");
        if (Positive) throw new NotSupportedException("Ridge(positive=True) is not implemented in Batuta.ML yet.");
        var (m, yv, k, xOff, yOff, w) = Prepare(X, y, sampleWeight, FitIntercept);
        var scale = w?.Select(Math.Sqrt).ToArray();
        var factor = LeastSquares.Decompose(m.Data, m.Rows, m.Cols, yv, k, FitIntercept ? xOff : null, FitIntercept ? yOff : null, scale);
        var coef = Alpha == 0 ? LeastSquares.MinimumNorm(factor).Coef : LeastSquares.Ridge(factor, Alpha);
        SetCoefficients(coef, m.Cols, k, xOff, yOff);
        return this;
    }

    internal override void WriteState(Persistence.ModelWriter w) => WriteLinear(w);

    internal override void ReadState(Persistence.ModelReader r) => ReadLinear(r);
}
