using Batuta.ML.Internal;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.LinearModel;

/// <summary>
/// <c>sklearn.linear_model.LogisticRegression(penalty="l2", dual=False, tol=1e-4, C=1.0, fit_intercept=True,
/// intercept_scaling=1, class_weight=None, random_state=None, solver="lbfgs", max_iter=100,
/// multi_class="auto", verbose=0, warm_start=False, n_jobs=None, l1_ratio=None)</c>.
/// </summary>
/// <remarks>
/// lbfgs replays SciPy's L-BFGS-B on scikit-learn's objective (Σ sᵢ·logloss + ½‖w‖²/C), so iterations,
/// stopping point and <c>n_iter_</c> follow scikit-learn's. newton-cg, newton-cholesky, sag and saga
/// minimise the same objective; liblinear the one with a penalised intercept (× intercept_scaling); both are
/// solved here by L-BFGS to a tight tolerance, so coefficients agree to scikit-learn's tolerance but
/// <c>n_iter_</c> does not. The l1 and elasticnet penalties are not implemented (NotSupportedException).
/// </remarks>
public sealed class LogisticRegression(
    string? penalty = "l2", bool dual = false, double tol = 1e-4, double c = 1.0, bool fitIntercept = true, double interceptScaling = 1,
    object? classWeight = null, int? randomState = null, string solver = "lbfgs", int maxIter = 100, string multiClass = "auto",
    int verbose = 0, bool warmStart = false, int? nJobs = null, double? l1Ratio = null) : ClassifierBase
{
    private double[] _coef = [];
    private double[] _intercept = [];
    private int[] _nIter = [];
    private int _rows;

    [Hyperparameter("penalty")] public string? Penalty { get; set; } = penalty;

    [Hyperparameter("dual")] public bool Dual { get; set; } = dual;

    [Hyperparameter("tol")] public double Tol { get; set; } = tol;

    [Hyperparameter("C")] public double C { get; set; } = c;

    [Hyperparameter("fit_intercept")] public bool FitIntercept { get; set; } = fitIntercept;

    [Hyperparameter("intercept_scaling")] public double InterceptScaling { get; set; } = interceptScaling;

    /// <summary><c>class_weight</c>: null, "balanced", or an <c>IReadOnlyDictionary&lt;double, double&gt;</c> label → weight.</summary>
    [Hyperparameter("class_weight")] public object? ClassWeight { get; set; } = classWeight;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("solver")] public string Solver { get; set; } = solver;

    [Hyperparameter("max_iter")] public int MaxIter { get; set; } = maxIter;

    [Hyperparameter("multi_class")] public string MultiClass { get; set; } = multiClass;

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("warm_start")] public bool WarmStart { get; set; } = warmStart;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    [Hyperparameter("l1_ratio")] public double? L1Ratio { get; set; } = l1Ratio;

    /// <summary><c>coef_</c>: (1, n_features) for two classes, (n_classes, n_features) otherwise.</summary>
    public Tensor<double> Coef
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_coef.Clone(), _intercept.Length, _coef.Length / _intercept.Length);
        }
    }

    /// <summary><c>intercept_</c>: (1,) or (n_classes,).</summary>
    public Tensor<double> Intercept
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_intercept.Clone(), _intercept.Length);
        }
    }

    /// <summary><c>n_iter_</c>: (1,) for binary and multinomial fits, (n_classes,) for one-vs-rest.</summary>
    public Tensor<int> NIter
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((int[])_nIter.Clone(), _nIter.Length);
        }
    }

    private void CheckParams()
    {
        Params.Positive(Name, "C", C);
        Params.Positive(Name, "tol", Tol, allowZero: true);
        Params.AtLeast(Name, "max_iter", MaxIter, 0);
        Params.OneOf(Name, "penalty", Penalty, "l1", "l2", "elasticnet", "none", null);
        Params.OneOf(Name, "solver", Solver, "lbfgs", "liblinear", "newton-cg", "newton-cholesky", "sag", "saga");
        Params.OneOf(Name, "multi_class", MultiClass, "auto", "ovr", "multinomial");
        if (ClassWeight is not (null or "balanced" or IReadOnlyDictionary<double, double>))
            throw new InvalidParameterException(Name, "class_weight", "a dict, a str among {'balanced'} or None", ClassWeight);
        if (Penalty is "l1" or "elasticnet")
        {
            if (Solver is not ("liblinear" or "saga") && !(Penalty == "l1" && Solver == "liblinear"))
                throw new InputValidationException($"Solver {Solver} supports only 'l2' or 'none' penalties, got {Penalty} penalty.", "penalty");
            throw new NotSupportedException($"penalty='{Penalty}' is not implemented in Batuta.ML yet (it needs a proximal solver); use penalty='l2', or Lasso/ElasticNet for L1-regularised regression.");
        }
        if (Solver == "liblinear" && Penalty is null or "none")
            throw new InputValidationException("penalty='none' is not supported for the liblinear solver", "penalty");
        if (Dual && Solver != "liblinear")
            throw new InputValidationException($"Solver {Solver} supports only dual=False, got dual=True", "dual");
    }

    public override LogisticRegression Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        CheckParams();
        var (data, rows, cols) = TensorView.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, rows);
        var sw = Check.SampleWeight(sampleWeight, rows, Name) ?? Enumerable.Repeat(1.0, rows).ToArray();
        var (classes, encoded) = Labels.Encode(yv, Name);
        if (classes.Length < 2)
            throw new InputValidationException($"This solver needs samples of at least 2 classes in the data, but the data contains only one class: {PyRepr.Float(classes[0]).Replace(".0", "", StringComparison.Ordinal)}", "y");
        string multi = MultiClass == "auto" ? (classes.Length > 2 && Solver != "liblinear" ? "multinomial" : "ovr") : MultiClass;
        if (multi == "multinomial" && Solver == "liblinear")
            throw new InputValidationException("Solver liblinear does not support a multinomial backend.", "multi_class");
        double l2 = Penalty is null or "none" ? 0.0 : 1.0 / C;
        if (Penalty is null or "none" && !FloatExact.AreEqual(C, 1.0))
            MLWarnings.Warn(WarningCategory.User, "Setting penalty='none' will ignore the C and l1_ratio parameters");
        int p = cols;
        var cw = ClassWeights(classes, encoded);

        if (multi == "multinomial")
        {
            var w = (double[])sw.Clone();
            if (cw is not null) for (int i = 0; i < w.Length; i++) w[i] *= cw[encoded[i]];
            var target = encoded.Select(e => (double)e).ToArray();
            var loss = new LogisticLoss(data, rows, p, target, w, classes.Length, FitIntercept, l2);
            var x0 = new double[loss.Dimension];
            if (WarmStart && IsFitted && _intercept.Length == classes.Length && _coef.Length == classes.Length * p)
            {
                for (int c = 0; c < classes.Length; c++)
                {
                    for (int j = 0; j < p; j++) x0[j * classes.Length + c] = _coef[c * p + j];
                    if (FitIntercept) x0[p * classes.Length + c] = _intercept[c];
                }
            }
            var res = Solve(loss, x0);
            int k = classes.Length;
            var coef = new double[k * p];
            var intercept = new double[k];
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < p; j++) coef[c * p + j] = res.X[j * k + c];
                if (FitIntercept) intercept[c] = res.X[p * k + c];
            }
            if (k == 2)
            {
                // scikit-learn keeps both rows for multinomial on two classes.
            }
            _coef = coef;
            _intercept = intercept;
            _nIter = [Math.Min(res.Iterations, MaxIter)];
        }
        else
        {
            // One-vs-rest: one binary problem per class (only the positive class when there are two).
            var positives = classes.Length == 2 ? new[] { 1 } : Enumerable.Range(0, classes.Length).ToArray();
            var coef = new double[positives.Length * p];
            var intercept = new double[positives.Length];
            var iters = new int[positives.Length];
            for (int r = 0; r < positives.Length; r++)
            {
                int pos = positives[r];
                var target = encoded.Select(e => e == pos ? 1.0 : 0.0).ToArray();
                var w = (double[])sw.Clone();
                if (ClassWeight is IReadOnlyDictionary<double, double> && cw is not null)
                    for (int i = 0; i < w.Length; i++) w[i] *= cw[encoded[i]];
                else if (ClassWeight is "balanced")
                {
                    double n1 = target.Sum(), n0 = target.Length - n1;
                    for (int i = 0; i < w.Length; i++) w[i] *= target.Length / (2.0 * (FloatExact.AreEqual(target[i], 1) ? n1 : n0));
                }
                bool liblinear = Solver == "liblinear";
                var loss = new LogisticLoss(data, rows, p, target, w, 1, FitIntercept, liblinear ? 1.0 : l2, liblinear ? InterceptScaling : 0);
                var x0 = new double[loss.Dimension];
                if (WarmStart && IsFitted && _coef.Length == coef.Length)
                {
                    Array.Copy(_coef, r * p, x0, 0, p);
                    if (FitIntercept) x0[p] = _intercept[r];
                }
                var res = liblinear ? SolveLiblinear(loss, x0) : Solve(loss, x0);
                Array.Copy(res.X, 0, coef, r * p, p);
                intercept[r] = FitIntercept ? res.X[p] * (liblinear ? InterceptScaling : 1) : 0;
                iters[r] = Math.Min(res.Iterations, MaxIter);
            }
            _coef = coef;
            _intercept = intercept;
            _nIter = iters;
        }
        ClassValues = classes;
        _rows = rows;
        SetFitted(p);
        return this;
    }

    private LbfgsResult Solve(LogisticLoss loss, double[] x0)
    {
        LbfgsResult res;
        if (Solver == "lbfgs")
        {
            res = Lbfgs.Minimize(loss.Evaluate, x0, MaxIter, gtol: Tol);
        }
        else
        {
            // Same objective as scikit-learn's other L2 solvers; solved well past their tolerance.
            res = Lbfgs.Minimize(loss.Evaluate, x0, Math.Max(MaxIter, 1000) * 10, gtol: Tol * 1e-4, ftol: 1e-15);
        }
        if (res.Status != 0)
        {
            MLWarnings.Warn(WarningCategory.Convergence,
                $"lbfgs failed to converge (status={res.Status}):\n{res.Message}.\n\nIncrease the number of iterations (max_iter) or scale the data as shown in:\n    https://scikit-learn.org/stable/modules/preprocessing.html\nPlease also refer to the documentation for alternative solver options:\n    https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression");
        }
        return res;
    }

    private LbfgsResult SolveLiblinear(LogisticLoss loss, double[] x0)
    {
        // liblinear minimises C·Σ logloss + ½(‖w‖² + b²); dividing by C gives l2 = 1/C on all weights.
        var scaled = new LogisticLossScaled(loss, C);
        return Lbfgs.Minimize(scaled.Evaluate, x0, Math.Max(MaxIter, 1000) * 10, gtol: Tol * 1e-4, ftol: 1e-15);
    }

    private sealed class LogisticLossScaled(LogisticLoss inner, double c)
    {
        public double Evaluate(double[] w, double[] g)
        {
            // inner was built with l2 = 1: f = Σ loss + ½‖w‖²; liblinear's is C·Σ loss + ½‖w‖².
            double f = inner.Evaluate(w, g);
            double norm = 0;
            for (int i = 0; i < w.Length; i++) norm += w[i] * w[i];
            double data = f - 0.5 * norm;
            for (int i = 0; i < w.Length; i++) g[i] = c * (g[i] - w[i]) + w[i];
            return c * data + 0.5 * norm;
        }
    }

    private double[]? ClassWeights(double[] classes, int[] encoded)
    {
        switch (ClassWeight)
        {
            case null:
                return null;
            case "balanced":
            {
                var counts = new double[classes.Length];
                foreach (var e in encoded) counts[e]++;
                return counts.Select(c => encoded.Length / (classes.Length * c)).ToArray();
            }
            case IReadOnlyDictionary<double, double> dict:
            {
                foreach (var key in dict.Keys)
                    if (Array.IndexOf(classes, key) < 0) throw new InputValidationException($"The classes, [{PyRepr.Float(key)}], are not in class_weight", "class_weight");
                return classes.Select(c => dict.TryGetValue(c, out var v) ? v : 1.0).ToArray();
            }
            default:
                return null;
        }
    }

    /// <summary><c>decision_function(X)</c>: (n_samples,) for two classes, (n_samples, n_classes) otherwise.</summary>
    public Tensor<double> DecisionFunction(Tensor<double> X)
    {
        var scores = Scores(X, out int rows);
        int k = _intercept.Length;
        return k == 1 ? Tensor.FromArray(scores, rows) : Tensor.FromArray(scores, rows, k);
    }

    // Predictions are often a handful of calls: compiled fully optimised at once rather than after tiering.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double[] Scores(Tensor<double> X, out int rows)
    {
        CheckFitted();
        int k = _intercept.Length, p = NFeaturesIn;
        if (X.Rank == 2 && (long)X.Shape[0] * p * k < 2_000_000)
        {
            var span = Check.MatrixSpan(X, Name, p, out rows);
            var s = new double[rows * k];
            for (int i = 0; i < rows; i++)
                for (int c = 0; c < k; c++) s[i * k + c] = Blas.Dot(span.Slice(i * p, p), new ReadOnlySpan<double>(_coef, c * p, p)) + _intercept[c];
            return s;
        }
        var m = CheckPredictInput(X);
        rows = m.Rows;
        return Scores(m);
    }

    private double[] Scores(DenseMatrix m)
    {
        int k = _intercept.Length, p = m.Cols;
        var scores = new double[m.Rows * k];
        RowBlocks.Run(m.Rows, (long)k * p, (_, start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                var row = m.Row(i);
                for (int c = 0; c < k; c++) scores[i * k + c] = Blas.Dot(row, new ReadOnlySpan<double>(_coef, c * p, p)) + _intercept[c];
            }
        });
        return scores;
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var scores = Scores(X, out int rows);
        int k = _intercept.Length;
        var result = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            if (k == 1)
            {
                result[i] = ClassValues[scores[i] > 0 ? 1 : 0];
                continue;
            }
            int best = 0;
            for (int c = 1; c < k; c++)
                if (scores[i * k + c] > scores[i * k + best]) best = c;
            result[i] = ClassValues[best];
        }
        return Tensor.FromArray(result, rows);
    }

    // Predictions are often a handful of calls: compiled fully optimised at once rather than after tiering.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override Tensor<double> PredictProba(Tensor<double> X)
    {
        var scores = Scores(X, out int rows);
        int k = _intercept.Length, nc = ClassValues.Length;
        var proba = new double[rows * nc];
        bool ovr = MultiClass == "ovr" || (MultiClass == "auto" && (nc <= 2 || Solver is "liblinear" or "newton-cholesky"));
        for (int i = 0; i < rows; i++)
        {
            if (k == 1)
            {
                double d = scores[i];
                if (ovr)
                {
                    double pr = Expit(d);
                    proba[i * 2] = 1 - pr;
                    proba[i * 2 + 1] = pr;
                }
                else
                {
                    Softmax([-d, d], proba.AsSpan(i * 2, 2));
                }
                continue;
            }
            var row = scores.AsSpan(i * k, k);
            var dest = proba.AsSpan(i * nc, nc);
            if (ovr)
            {
                double sum = 0;
                for (int c = 0; c < k; c++) { dest[c] = Expit(row[c]); sum += dest[c]; }
                for (int c = 0; c < k; c++) dest[c] /= sum;
            }
            else
            {
                Softmax(row, dest);
            }
        }
        return Tensor.FromArray(proba, rows, nc);
    }

    internal static double Expit(double x) => 1.0 / (1.0 + Math.Exp(-x));

    private static void Softmax(ReadOnlySpan<double> x, Span<double> dest)
    {
        double max = double.NegativeInfinity;
        foreach (var v in x) max = Math.Max(max, v);
        double sum = 0;
        for (int i = 0; i < x.Length; i++) { dest[i] = Math.Exp(x[i] - max); sum += dest[i]; }
        for (int i = 0; i < x.Length; i++) dest[i] /= sum;
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("classes_", ClassValues);
        w.Write("coef_", _coef, _intercept.Length, _coef.Length / Math.Max(1, _intercept.Length));
        w.Write("intercept_", _intercept);
        w.Write("n_iter_", _nIter);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        ClassValues = r.ReadDoubles("classes_");
        _coef = r.ReadDoubles("coef_");
        _intercept = r.ReadDoubles("intercept_");
        _nIter = r.ReadInts("n_iter_");
        int p = r.NFeaturesIn;
        if (_intercept.Length == 0 || _coef.Length != _intercept.Length * p || ClassValues.Length < 2) throw new InvalidOperationException("coef_, intercept_ and classes_ disagree");
        RestoreFitted(p);
    }
}
