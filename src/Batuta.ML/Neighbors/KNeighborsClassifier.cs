using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Neighbors;

/// <summary>
/// <c>sklearn.neighbors.KNeighborsClassifier(n_neighbors=5, weights="uniform", algorithm="auto", leaf_size=30,
/// p=2, metric="minkowski", metric_params=None, n_jobs=None)</c>: votes of the k nearest training samples
/// (k-d tree), uniform or 1/distance weighted; ties go to the smallest label, as scikit-learn's mode does.
/// Equidistant neighbours are ordered by training index.
/// </summary>
public sealed class KNeighborsClassifier(int nNeighbors = 5, string weights = "uniform", string algorithm = "auto", int leafSize = 30, double p = 2, string metric = "minkowski", int? nJobs = null) : ClassifierBase
{
    private NeighborIndex? _index;
    private int[] _y = [];

    [Hyperparameter("n_neighbors")] public int NNeighbors { get; set; } = nNeighbors;

    [Hyperparameter("weights")] public string Weights { get; set; } = weights;

    [Hyperparameter("algorithm")] public string Algorithm { get; set; } = algorithm;

    [Hyperparameter("leaf_size")] public int LeafSize { get; set; } = leafSize;

    [Hyperparameter("p")] public double P { get; set; } = p;

    [Hyperparameter("metric")] public string Metric { get; set; } = metric;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    public override KNeighborsClassifier Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        if (sampleWeight is not null) throw new InputValidationException("KNeighborsClassifier.fit() does not take sample_weight.", "sample_weight");
        Params.AtLeast(Name, "n_neighbors", NNeighbors, 1);
        Params.OneOf(Name, "weights", Weights, "uniform", "distance");
        Params.OneOf(Name, "algorithm", Algorithm, "auto", "ball_tree", "kd_tree", "brute");
        double power = NeighborIndex.Power(Metric, P, Name);
        var m = Check.Matrix(X, Name);
        var yv = Check.Vector(RequireY(y), Name, m.Rows);
        var (classes, encoded) = Labels.Encode(yv, Name);
        _index = new NeighborIndex(m, power, LeafSize);
        _y = encoded;
        ClassValues = classes;
        SetFitted(m.Cols);
        return this;
    }

    /// <summary><c>kneighbors(X, n_neighbors=None)</c>: (distances, indices), nearest first.</summary>
    public (Tensor<double> Distances, Tensor<long> Indices) KNeighbors(Tensor<double> X, int? nNeighbors = null)
    {
        var q = CheckPredictInput(X);
        int k = nNeighbors ?? NNeighbors;
        if (k > _index.OrThrow().X.Rows) throw new InputValidationException($"Expected n_neighbors <= n_samples,  but n_samples = {_index.X.Rows}, n_neighbors = {k}", "n_neighbors");
        var (d, idx) = _index.Query(q, k);
        return (Tensor.FromArray(d, q.Rows, k), Tensor.FromArray(idx.Select(v => (long)v).ToArray(), q.Rows, k));
    }

    public override Tensor<double> PredictProba(Tensor<double> X)
    {
        var q = CheckPredictInput(X);
        int k = NNeighbors, nc = ClassValues.Length;
        if (k > _index.OrThrow().X.Rows) throw new InputValidationException($"Expected n_neighbors <= n_samples,  but n_samples = {_index.X.Rows}, n_neighbors = {k}", "n_neighbors");
        var (d, idx) = _index.Query(q, k);
        var w = NeighborIndex.Weights(Weights, d, q.Rows, k);
        var proba = new double[q.Rows * nc];
        for (int i = 0; i < q.Rows; i++)
        {
            for (int j = 0; j < k; j++) proba[i * nc + _y[idx[i * k + j]]] += w?[i * k + j] ?? 1.0;
            double norm = 0;
            for (int c = 0; c < nc; c++) norm += proba[i * nc + c];
            if (norm == 0) norm = 1;
            for (int c = 0; c < nc; c++) proba[i * nc + c] /= norm;
        }
        return Tensor.FromArray(proba, q.Rows, nc);
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var q = CheckPredictInput(X);
        int k = NNeighbors, nc = ClassValues.Length;
        if (k > _index.OrThrow().X.Rows) throw new InputValidationException($"Expected n_neighbors <= n_samples,  but n_samples = {_index.X.Rows}, n_neighbors = {k}", "n_neighbors");
        var (d, idx) = _index.Query(q, k);
        var w = NeighborIndex.Weights(Weights, d, q.Rows, k);
        var result = new double[q.Rows];
        var votes = new double[nc];
        for (int i = 0; i < q.Rows; i++)
        {
            Array.Clear(votes);
            for (int j = 0; j < k; j++) votes[_y[idx[i * k + j]]] += w?[i * k + j] ?? 1.0;
            int best = 0;
            for (int c = 1; c < nc; c++)
                if (votes[c] > votes[best]) best = c;
            result[i] = ClassValues[best];
        }
        return Tensor.FromArray(result, q.Rows);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("classes_", ClassValues);
        w.Write("_fit_X", _index.OrThrow().X.Data, _index.X.Rows, _index.X.Cols);
        w.Write("_y", _y);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        ClassValues = r.ReadDoubles("classes_");
        var x = r.ReadDoubles("_fit_X");
        _y = r.ReadInts("_y");
        int p = r.NFeaturesIn;
        if (p == 0 || x.Length != _y.Length * p || _y.Any(v => v < 0 || v >= ClassValues.Length)) throw new InvalidOperationException("_fit_X, _y and classes_ disagree");
        _index = new NeighborIndex(new DenseMatrix(x, _y.Length, p), NeighborIndex.Power(Metric, P, Name), LeafSize);
        RestoreFitted(p);
    }
}

/// <summary>
/// <c>sklearn.neighbors.KNeighborsRegressor(n_neighbors=5, weights="uniform", algorithm="auto", leaf_size=30,
/// p=2, metric="minkowski", metric_params=None, n_jobs=None)</c>: the mean (or 1/distance-weighted mean) of
/// the k nearest targets.
/// </summary>
public sealed class KNeighborsRegressor(int nNeighbors = 5, string weights = "uniform", string algorithm = "auto", int leafSize = 30, double p = 2, string metric = "minkowski", int? nJobs = null) : RegressorBase
{
    private NeighborIndex? _index;
    private double[] _y = [];

    [Hyperparameter("n_neighbors")] public int NNeighbors { get; set; } = nNeighbors;

    [Hyperparameter("weights")] public string Weights { get; set; } = weights;

    [Hyperparameter("algorithm")] public string Algorithm { get; set; } = algorithm;

    [Hyperparameter("leaf_size")] public int LeafSize { get; set; } = leafSize;

    [Hyperparameter("p")] public double P { get; set; } = p;

    [Hyperparameter("metric")] public string Metric { get; set; } = metric;

    [Hyperparameter("n_jobs")] public int? NJobs { get; set; } = nJobs;

    public override KNeighborsRegressor Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        if (sampleWeight is not null) throw new InputValidationException("KNeighborsRegressor.fit() does not take sample_weight.", "sample_weight");
        Params.AtLeast(Name, "n_neighbors", NNeighbors, 1);
        Params.OneOf(Name, "weights", Weights, "uniform", "distance");
        double power = NeighborIndex.Power(Metric, P, Name);
        var m = Check.Matrix(X, Name);
        _y = Check.Vector(RequireY(y), Name, m.Rows);
        _index = new NeighborIndex(m, power, LeafSize);
        SetFitted(m.Cols);
        return this;
    }

    public override Tensor<double> Predict(Tensor<double> X)
    {
        var q = CheckPredictInput(X);
        int k = NNeighbors;
        if (k > _index.OrThrow().X.Rows) throw new InputValidationException($"Expected n_neighbors <= n_samples,  but n_samples = {_index.X.Rows}, n_neighbors = {k}", "n_neighbors");
        var (d, idx) = _index.Query(q, k);
        var w = NeighborIndex.Weights(Weights, d, q.Rows, k);
        var result = new double[q.Rows];
        for (int i = 0; i < q.Rows; i++)
        {
            if (w is null)
            {
                double s = 0;
                for (int j = 0; j < k; j++) s += _y[idx[i * k + j]];
                result[i] = s / k;
            }
            else
            {
                double num = 0, den = 0;
                for (int j = 0; j < k; j++)
                {
                    num += _y[idx[i * k + j]] * w[i * k + j];
                    den += w[i * k + j];
                }
                result[i] = num / den;
            }
        }
        return Tensor.FromArray(result, q.Rows);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("_fit_X", _index.OrThrow().X.Data, _index.X.Rows, _index.X.Cols);
        w.Write("_y", _y);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        var x = r.ReadDoubles("_fit_X");
        _y = r.ReadDoubles("_y");
        int p = r.NFeaturesIn;
        if (p == 0 || x.Length != _y.Length * p) throw new InvalidOperationException("_fit_X and _y disagree");
        _index = new NeighborIndex(new DenseMatrix(x, _y.Length, p), NeighborIndex.Power(Metric, P, Name), LeafSize);
        RestoreFitted(p);
    }
}
