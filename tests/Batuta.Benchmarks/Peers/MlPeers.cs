using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Batuta.Benchmarks.Harness;
using Batuta.ML;
using Batuta.ML.Cluster;
using Batuta.ML.Ensemble;
using Batuta.ML.LinearModel;
using Batuta.ML.Randomness;
using Batuta.Tensors;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers ml</c>: Batuta.ML against scikit-learn 1.2.1 (Debian's /usr/bin/python3, OpenBLAS) on identical
/// data: both sides draw it from numpy's MT19937 RandomState with the same seed, so no data files are
/// needed. Fit and predict are timed at 10K, 100K and (LinearRegression, LogisticRegression, KMeans) 1M
/// rows; every row also prints the quality each side reached (R², accuracy, inertia). Both sides use every
/// core (scikit-learn's KMeans and BLAS through OpenMP). RandomForest is reported against scikit-learn's
/// default n_jobs=None (one core) and against n_jobs=-1.
/// </summary>
/// <remarks>
/// Times are the median of several runs (three at 10K/100K, one at 1M) after a warm-up: one run for
/// scikit-learn (compiled code), at least three runs and half a second for Batuta (tiered JIT).
/// Options: <c>--quick</c> (10K and 100K only, fewer repetitions), <c>--no-1m</c>, <c>--only NAME</c>
/// (linreg, logreg, kmeans, forest).
/// </remarks>
public sealed class MlPeers : IPeerArea
{
    public string Name => "ml";

    public string Description => "Batuta.ML vs scikit-learn 1.2.1: fit/predict of LinearRegression, LogisticRegression, KMeans, RandomForest at 10K/100K/1M rows";

    private const int Features = 20, TestRows = 10_000;

    private sealed record Case(string Key, string Title, int[] Sizes);

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        bool quick = context.Quick;
        bool big = !quick && !context.HasFlag("--no-1m");
        string? only = context.Option("--only");
        var cases = new List<Case>
        {
            new("linreg", "LinearRegression()", big ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]),
            new("logreg", "LogisticRegression(max_iter=200)", big ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]),
            new("kmeans", "KMeans(n_clusters=8, n_init=3, random_state=0)", big ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]),
            new("forest", "RandomForestClassifier(n_estimators=20, max_depth=14, random_state=0)", [10_000, 100_000]),
        };
        if (only is not null) cases = cases.Where(c => c.Key == only).ToList();
        int repeats = quick ? 1 : 3;

        context.Log.WriteLine("  running scikit-learn (one process for every case)...");
        var peer = RunPython(cases, repeats);
        foreach (var c in cases)
        {
            var rows = new List<PeerRow>();
            foreach (int n in c.Sizes)
            {
                int reps = n >= 1_000_000 ? 1 : repeats;
                var (fit, predict, quality) = RunBatuta(c.Key, n, reps);
                var p = peer[$"{c.Key}/{n}"];
                string label = n >= 1_000_000 ? $"{n / 1_000_000}M" : $"{n / 1000}K";
                string q = $"{QualityName(c.Key)} {Fmt(quality)} vs {Fmt(p.GetProperty("quality").GetDouble())}";
                rows.Add(new PeerRow($"{label} rows × {Features}, fit", fit, Seconds(p, "fit"), q));
                if (c.Key == "forest")
                    rows.Add(new PeerRow($"{label} rows × {Features}, fit (scikit-learn n_jobs=-1)", fit, Seconds(p, "fit_parallel"), "same quality (same trees)"));
                rows.Add(new PeerRow($"{label} rows × {Features}, predict {TestRows / 1000}K", predict, Seconds(p, "predict"), null));
                context.Log.WriteLine($"  {c.Key} {label}: fit {PeerTable.Format(fit)} vs {PeerTable.Format(Seconds(p, "fit"))}, {q}");
            }
            yield return new PeerTable(c.Title, "scikit-learn 1.2.1", rows);
        }
    }

    private static string QualityName(string key) => key switch
    {
        "linreg" => "R²",
        "kmeans" => "inertia",
        _ => "accuracy",
    };

    private static string Fmt(double v) => Math.Abs(v) >= 1e5 ? v.ToString("0.00000e+0", CultureInfo.InvariantCulture) : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(JsonElement e, string key) => TimeSpan.FromSeconds(e.GetProperty(key).GetDouble());

    /// <summary>The benchmark data, drawn exactly as the Python side draws it.</summary>
    private static (Tensor<double> X, Tensor<double> Y, Tensor<double> XTest, Tensor<double> YTest) Data(string key, int n)
    {
        var rng = new RandomState(12345);
        int total = n + TestRows;
        if (key == "kmeans")
        {
            var centers = rng.Randn(8, Features);
            var cs = centers.ToArray();
            var labels = rng.RandInt(0, 8, total);
            var noise = rng.Randn(total, Features);
            var x = noise.ToArray();
            for (int i = 0; i < total; i++)
                for (int j = 0; j < Features; j++) x[i * Features + j] += 5 * cs[labels[i] * Features + j];
            return Split(x, new double[total], n);
        }
        var xr = rng.Randn(total, Features).ToArray();
        var w = rng.Randn(Features).ToArray();
        var eps = rng.Randn(total).ToArray();
        var y = new double[total];
        for (int i = 0; i < total; i++)
        {
            double s = 0;
            for (int j = 0; j < Features; j++) s += xr[i * Features + j] * w[j];
            y[i] = key == "linreg" ? s + 0.5 * eps[i] : (s + eps[i] > 0 ? 1 : 0);
        }
        return Split(xr, y, n);
    }

    private static (Tensor<double>, Tensor<double>, Tensor<double>, Tensor<double>) Split(double[] x, double[] y, int n) =>
        (Tensor.FromArray(x[..(n * Features)], n, Features), Tensor.FromArray(y[..n], n),
         Tensor.FromArray(x[(n * Features)..], TestRows, Features), Tensor.FromArray(y[n..], TestRows));

    private static (TimeSpan Fit, TimeSpan Predict, double Quality) RunBatuta(string key, int n, int reps)
    {
        var (X, y, xTest, yTest) = Data(key, n);
        using (MLWarnings.Capture())
        {
            Estimator Make() => key switch
            {
                "linreg" => new LinearRegression(),
                "logreg" => new LogisticRegression(maxIter: 200),
                "kmeans" => new KMeans(nClusters: 8, nInit: 3, randomState: 0),
                _ => new RandomForestClassifier(nEstimators: 20, maxDepth: 14, randomState: 0),
            };
            // Warm-up until tiered JIT has promoted the hot loops: at least three fits and half a second.
            Estimator model = Make().Fit(X, y);
            var warm = Stopwatch.StartNew();
            for (int calls = 1; calls < 3 || (warm.ElapsedMilliseconds < 500 && calls < 10); calls++) model = Make().Fit(X, y);
            var fit = Measure.MedianOfRuns(() =>
            {
                var sw = Stopwatch.StartNew();
                model = Make().Fit(X, y);
                return sw.Elapsed;
            }, reps);
            Action predict = model switch
            {
                LogisticRegression lr => () => lr.PredictProba(xTest).Dispose(),
                RandomForestClassifier rf => () => rf.PredictProba(xTest).Dispose(),
                KMeans km => () => km.Predict(xTest).Dispose(),
                IPredictor p => () => p.Predict(xTest).Dispose(),
                _ => throw new InvalidOperationException(),
            };
            predict();
            var pred = Measure.MedianOfRuns(() =>
            {
                var sw = Stopwatch.StartNew();
                predict();
                return sw.Elapsed;
            }, 5);
            double quality = model switch
            {
                LinearRegression lr => lr.Score(xTest, yTest),
                KMeans km => km.Inertia,
                IClassifier c => c.Score(xTest, yTest),
                _ => double.NaN,
            };
            return (fit, pred, quality);
        }
    }

    private static Dictionary<string, JsonElement> RunPython(IEnumerable<Case> cases, int repeats)
    {
        var spec = string.Join(";", cases.Select(c => c.Key + ":" + string.Join(",", c.Sizes)));
        var output = PythonPeer.Run(Script, [spec, repeats.ToString(CultureInfo.InvariantCulture), Features.ToString(CultureInfo.InvariantCulture), TestRows.ToString(CultureInfo.InvariantCulture)]);
        var result = new Dictionary<string, JsonElement>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var doc = JsonDocument.Parse(line).RootElement;
            result[doc.GetProperty("case").GetString()!] = doc.Clone();
        }
        return result;
    }

    private const string Script = """
import json, sys, time, warnings
import numpy as np
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression
warnings.filterwarnings("ignore")
spec, repeats, P, T = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def data(key, n):
    rng = np.random.RandomState(12345)
    total = n + T
    if key == "kmeans":
        centers = rng.randn(8, P)
        labels = rng.randint(0, 8, total)
        X = rng.randn(total, P) + 5 * centers[labels]
        return X[:n], None, X[n:], None
    X = rng.randn(total, P)
    w = rng.randn(P)
    eps = rng.randn(total)
    s = X @ w
    y = s + 0.5 * eps if key == "linreg" else (s + eps > 0).astype(float)
    return X[:n], y[:n], X[n:], y[n:]

def make(key, jobs=None):
    if key == "linreg": return LinearRegression()
    if key == "logreg": return LogisticRegression(max_iter=200)
    if key == "kmeans": return KMeans(n_clusters=8, n_init=3, random_state=0)
    return RandomForestClassifier(n_estimators=20, max_depth=14, random_state=0, n_jobs=jobs)

def timed(f, reps):
    f()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return sorted(ts)[len(ts) // 2]

for item in spec.split(";"):
    key, sizes = item.split(":")
    for n in map(int, sizes.split(",")):
        X, y, Xt, yt = data(key, n)
        reps = 1 if n >= 1_000_000 else repeats
        holder = {}
        def fit(jobs=None):
            holder["m"] = make(key, jobs).fit(X, y)
        fit_time = timed(fit, reps)
        m = holder["m"]
        if key == "logreg" or key == "forest": pred = lambda: m.predict_proba(Xt)
        else: pred = lambda: m.predict(Xt)
        predict_time = timed(pred, 5)
        quality = m.inertia_ if key == "kmeans" else m.score(Xt, yt)
        out = {"case": f"{key}/{n}", "fit": fit_time, "predict": predict_time, "quality": float(quality)}
        if key == "forest":
            out["fit_parallel"] = timed(lambda: fit(-1), reps)
        print(json.dumps(out), flush=True)
""";
}
