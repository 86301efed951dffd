using Batuta.ML.Internal;
using Batuta.ML.Randomness;
using Batuta.ML.Validation;
using Batuta.Tensors;

namespace Batuta.ML.Cluster;

/// <summary>
/// <c>sklearn.cluster.KMeans(n_clusters=8, init="k-means++", n_init="warn", max_iter=300, tol=1e-4,
/// verbose=0, random_state=None, copy_x=True, algorithm="lloyd")</c>: k-means++ seeding and Lloyd
/// iterations on mean-centred data, n_init runs drawn from one RandomState, the best kept by inertia (a
/// run only wins if it clusters differently), as scikit-learn does. <c>nInit: null</c> is scikit-learn 1.2's
/// "warn" (10 runs and a FutureWarning); "elkan" runs Lloyd, which reaches the same fixed point.
/// </summary>
public sealed class KMeans(int nClusters = 8, string init = "k-means++", int? nInit = null, int maxIter = 300, double tol = 1e-4, int verbose = 0,
    int? randomState = null, bool copyX = true, string algorithm = "lloyd") : TransformerBase, IPredictor
{
    private double[] _centers = [];
    private int[] _labels = [];
    private double _inertia;
    private int _nIter;

    [Hyperparameter("n_clusters")] public int NClusters { get; set; } = nClusters;

    /// <summary><c>init</c>: "k-means++" or "random"; for explicit centers set <see cref="InitCenters"/>.</summary>
    [Hyperparameter("init")] public string Init { get; set; } = init;

    /// <summary><c>init=array</c>: explicit initial centers (n_clusters, n_features).</summary>
    public Tensor<double>? InitCenters { get; set; }

    [Hyperparameter("n_init")] public int? NInit { get; set; } = nInit;

    [Hyperparameter("max_iter")] public int MaxIter { get; set; } = maxIter;

    [Hyperparameter("tol")] public double Tol { get; set; } = tol;

    [Hyperparameter("verbose")] public int Verbose { get; set; } = verbose;

    [Hyperparameter("random_state")] public int? RandomState { get; set; } = randomState;

    [Hyperparameter("copy_x")] public bool CopyX { get; set; } = copyX;

    [Hyperparameter("algorithm")] public string Algorithm { get; set; } = algorithm;

    /// <summary><c>cluster_centers_</c>.</summary>
    public Tensor<double> ClusterCenters
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((double[])_centers.Clone(), NClusters, NFeaturesIn);
        }
    }

    /// <summary><c>labels_</c> (int32, as scikit-learn).</summary>
    public Tensor<int> Labels
    {
        get
        {
            CheckFitted();
            return Tensor.FromArray((int[])_labels.Clone(), _labels.Length);
        }
    }

    /// <summary><c>inertia_</c>: sum of squared distances to the closest center.</summary>
    public double Inertia
    {
        get
        {
            CheckFitted();
            return _inertia;
        }
    }

    /// <summary><c>n_iter_</c> of the best run.</summary>
    public int NIter
    {
        get
        {
            CheckFitted();
            return _nIter;
        }
    }

    public override KMeans Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        Params.AtLeast(Name, "n_clusters", NClusters, 1);
        Params.AtLeast(Name, "max_iter", MaxIter, 1);
        Params.Positive(Name, "tol", Tol, allowZero: true);
        Params.OneOf(Name, "algorithm", Algorithm, "lloyd", "elkan", "auto", "full");
        if (InitCenters is null) Params.OneOf(Name, "init", Init, "k-means++", "random");
        var m = Check.Matrix(X, Name);
        int n = m.Rows, p = m.Cols, k = NClusters;
        if (n < k) throw new InputValidationException($"n_samples={n} should be >= n_clusters={k}.", "X");
        var w = Check.SampleWeight(sampleWeight, n, Name) ?? Enumerable.Repeat(1.0, n).ToArray();
        int nInit = NInit ?? 10;
        if (NInit is null)
            MLWarnings.Warn(WarningCategory.User, "The default value of `n_init` will change from 10 to 'auto' in 1.4. Set the value of `n_init` explicitly to suppress the warning");
        if (nInit < 1) throw new InvalidParameterException(Name, "n_init", "an int in the range [1, inf)", nInit);
        double[]? explicitInit = null;
        if (InitCenters is not null)
        {
            if (InitCenters.Rank != 2 || InitCenters.Shape[0] != k || InitCenters.Shape[1] != p)
                throw new InputValidationException($"The shape of the initial centers {InitCenters.Shape} does not match the number of clusters {k} and features {p}.", "init");
            explicitInit = InitCenters.ToArray();
            if (nInit != 1)
            {
                MLWarnings.Warn(WarningCategory.User, $"Explicit initial center position passed: performing only one init in KMeans instead of n_init={nInit}.");
                nInit = 1;
            }
        }

        // Centre the data (scikit-learn does, for more accurate distances), then undo on the centers.
        var mean = NumpySum.ColumnSums(m.Data, n, p);
        for (int f = 0; f < p; f++) mean[f] /= n;
        // Check.Matrix returned a private copy: centre it in place rather than copying the data again.
        var x = m.Data;
        for (int i = 0; i < n; i++)
            for (int f = 0; f < p; f++) x[i * p + f] -= mean[f];
        var norms = new double[n];
        for (int i = 0; i < n; i++) norms[i] = Blas.Dot(x.AsSpan(i * p, p), x.AsSpan(i * p, p));
        double tol = Tolerance(x, n, p) * Tol;
        var panels = RowPanels.Pack(x, n, p);
        var paddedNorms = panels.Padded(norms, 0);
        var rng = RandomState is int s ? new RandomState(s) : new Tensors.RandomState();

        Lloyd.Result? best = null;
        for (int run = 0; run < nInit; run++)
        {
            double[] start;
            if (explicitInit is not null)
            {
                start = (double[])explicitInit.Clone();
                for (int j = 0; j < k; j++)
                    for (int f = 0; f < p; f++) start[j * p + f] -= mean[f];
            }
            else if (Init == "random")
            {
                var seeds = rng.Permutation(n)[..k];
                start = new double[k * p];
                for (int j = 0; j < k; j++) Array.Copy(x, (int)seeds[j] * p, start, j * p, p);
            }
            else
            {
                start = KMeansPlusPlus.Init(panels, x, paddedNorms, k, rng).Centers;
            }
            var result = Lloyd.Run(panels, x, w, start, k, MaxIter, tol);
            if (best is null || (result.Inertia < best.Inertia && !SameClustering(result.Labels, best.Labels, k))) best = result;
        }
        var centers = best.OrThrow().Centers;
        for (int j = 0; j < k; j++)
            for (int f = 0; f < p; f++) centers[j * p + f] += mean[f];
        int distinct = best.Labels.Distinct().Count();
        if (distinct < k)
            MLWarnings.Warn(WarningCategory.Convergence, $"Number of distinct clusters ({distinct}) found smaller than n_clusters ({k}). Possibly due to duplicate points in X.");
        _centers = centers;
        _labels = best.Labels;
        _inertia = best.Inertia;
        _nIter = best.Iterations;
        SetFitted(p);
        return this;
    }

    private static double Tolerance(double[] x, int n, int p)
    {
        var colMean = NumpySum.ColumnSums(x, n, p);
        for (int f = 0; f < p; f++) colMean[f] /= n;
        var sq = new double[p];
        for (int i = 0; i < n; i++)
            for (int f = 0; f < p; f++)
            {
                double d = x[i * p + f] - colMean[f];
                sq[f] += d * d;
            }
        for (int f = 0; f < p; f++) sq[f] /= n;
        return NumpySum.Mean(sq);
    }

    private static bool SameClustering(int[] a, int[] b, int k)
    {
        var mapping = new int[k];
        Array.Fill(mapping, -1);
        for (int i = 0; i < a.Length; i++)
        {
            if (mapping[a[i]] == -1) mapping[a[i]] = b[i];
            else if (mapping[a[i]] != b[i]) return false;
        }
        return true;
    }

    /// <summary><c>predict(X)</c>: the closest center per sample.</summary>
    public Tensor<int> Predict(Tensor<double> X)
    {
        CheckFitted();
        // Validated in place and packed straight from the tensor's memory into pooled storage: one pass, no
        // intermediate copy, and no large-object allocation per call (those bring gen2 collections).
        var span = Check.MatrixSpan(X, Name, NFeaturesIn, out int rows);
        var storage = System.Buffers.ArrayPool<double>.Shared.Rent(RowPanels.Length(rows, NFeaturesIn));
        try
        {
            var labels = new int[rows];
            Lloyd.Iterate(RowPanels.Pack(span, rows, NFeaturesIn, storage), [], [], _centers, _centers, new double[NClusters], labels, new double[NClusters], NClusters, updateCenters: false);
            return Tensor.FromArray(labels, rows);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(storage);
        }
    }

    Tensor<double> IPredictor.Predict(Tensor<double> X)
    {
        using var labels = Predict(X);
        return labels.Cast<double>();
    }

    /// <summary><c>fit_predict(X)</c>: <c>labels_</c> after fitting.</summary>
    public Tensor<int> FitPredict(Tensor<double> X, Tensor<double>? sampleWeight = null) => Fit(X, null, sampleWeight).Labels;

    /// <summary><c>transform(X)</c>: Euclidean distance to every center.</summary>
    public override Tensor<double> Transform(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        int k = NClusters, p = m.Cols;
        var d = new double[m.Rows * k];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < k; j++) d[i * k + j] = Math.Sqrt(Lloyd.SquaredDistance(m.Row(i), _centers.AsSpan(j * p, p)));
        return Tensor.FromArray(d, m.Rows, k);
    }

    /// <summary><c>score(X)</c>: minus the inertia of X on the fitted centers.</summary>
    public double Score(Tensor<double> X)
    {
        var m = CheckPredictInput(X);
        using var labels = Predict(X);
        return -Lloyd.Inertia(m.Data, m.Rows, m.Cols, Enumerable.Repeat(1.0, m.Rows).ToArray(), _centers, labels.ToArray());
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("cluster_centers_", _centers, NClusters, _centers.Length / Math.Max(1, NClusters));
        w.Write("labels_", _labels);
        w.Write("inertia_", _inertia);
        w.Write("n_iter_", (long)_nIter);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _centers = r.ReadDoubles("cluster_centers_");
        _labels = r.ReadInts("labels_");
        _inertia = r.ReadDouble("inertia_");
        _nIter = r.ReadInt("n_iter_");
        if (NClusters < 1 || _centers.Length != NClusters * r.NFeaturesIn || _labels.Any(l => l < 0 || l >= NClusters)) throw new InvalidOperationException("cluster_centers_ and labels_ disagree with n_clusters");
        RestoreFitted(r.NFeaturesIn);
    }
}
