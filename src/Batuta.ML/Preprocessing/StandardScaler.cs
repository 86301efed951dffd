using Batuta.Tensors;

namespace Batuta.ML.Preprocessing;

/// <summary>
/// <c>sklearn.preprocessing.StandardScaler(copy=True, with_mean=True, with_std=True)</c>: removes the mean
/// and scales to unit variance, with scikit-learn's two-pass corrected variance, its near-constant
/// feature rule (scale 1) and NaN ignored in fit and kept in transform.
/// </summary>
public sealed class StandardScaler(bool copy = true, bool withMean = true, bool withStd = true) : TransformerBase
{
    private double[] _mean = [], _var = [], _scale = [];
    private long[] _seen = [];

    [Hyperparameter("copy")] public bool Copy { get; set; } = copy;

    [Hyperparameter("with_mean")] public bool WithMean { get; set; } = withMean;

    [Hyperparameter("with_std")] public bool WithStd { get; set; } = withStd;

    /// <summary><c>mean_</c> (null when with_mean=False and with_std=False, as scikit-learn).</summary>
    public Tensor<double>? Mean => Fitted(WithMean || WithStd ? _mean : null);

    /// <summary><c>var_</c> (null when with_std=False).</summary>
    public Tensor<double>? Var => Fitted(WithStd ? _var : null);

    /// <summary><c>scale_</c> (null when with_std=False).</summary>
    public Tensor<double>? Scale => Fitted(WithStd ? _scale : null);

    /// <summary><c>n_samples_seen_</c>: the number of non-NaN samples (the same for every feature without NaN).</summary>
    public long NSamplesSeen
    {
        get
        {
            CheckFitted();
            return _seen.Length == 0 ? 0 : _seen.Max();
        }
    }

    private Tensor<double>? Fitted(double[]? v)
    {
        CheckFitted();
        return v is null ? null : Tensor.FromArray((double[])v.Clone(), v.Length);
    }

    public override StandardScaler Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        var m = Validation.Check.Matrix(X, Name, allowNaN: true);
        var w = Validation.Check.SampleWeight(sampleWeight, m.Rows, Name);
        int n = m.Rows, p = m.Cols;
        var data = m.Data;
        var sum = new double[p];
        var count = new double[p];
        // Column sums row by row: the order numpy's X.sum(axis=0) adds in.
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1.0;
            for (int j = 0; j < p; j++)
            {
                double v = data[i * p + j];
                if (double.IsNaN(v)) continue;
                sum[j] += w is null ? v : wi * v;
                count[j] += wi;
            }
        }
        var mean = new double[p];
        for (int j = 0; j < p; j++) mean[j] = sum[j] / count[j];
        var variance = new double[p];
        if (WithStd)
        {
            var t = new double[p];
            for (int j = 0; j < p; j++) t[j] = sum[j] / count[j];
            var correction = new double[p];
            var sq = new double[p];
            for (int i = 0; i < n; i++)
            {
                double wi = w?[i] ?? 1.0;
                for (int j = 0; j < p; j++)
                {
                    double v = data[i * p + j];
                    if (double.IsNaN(v)) continue;
                    double d = v - t[j];
                    correction[j] += w is null ? d : wi * d;
                    sq[j] += w is null ? d * d : wi * (d * d);
                }
            }
            for (int j = 0; j < p; j++) variance[j] = (sq[j] - correction[j] * correction[j] / count[j]) / count[j];
        }
        var scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            double eps = 2.220446049250313e-16;
            double bound = count[j] * eps * variance[j] + (count[j] * mean[j] * eps) * (count[j] * mean[j] * eps);
            bool constant = variance[j] <= bound;
            scale[j] = constant ? 1.0 : Math.Sqrt(variance[j]);
        }
        _mean = mean;
        _var = variance;
        _scale = scale;
        _seen = count.Select(c => (long)c).ToArray();
        SetFitted(p);
        return this;
    }

    public override Tensor<double> Transform(Tensor<double> X)
    {
        var m = CheckPredictInput(X, allowNaN: true);
        var d = m.Data;
        int p = m.Cols;
        for (int i = 0; i < m.Rows; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double v = d[i * p + j];
                if (WithMean) v -= _mean[j];
                if (WithStd) v /= _scale[j];
                d[i * p + j] = v;
            }
        }
        return Tensor.FromArray(d, m.Rows, p);
    }

    /// <summary><c>inverse_transform(X)</c>: back to the original units.</summary>
    public Tensor<double> InverseTransform(Tensor<double> X)
    {
        var m = CheckPredictInput(X, allowNaN: true);
        var d = m.Data;
        int p = m.Cols;
        for (int i = 0; i < m.Rows; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double v = d[i * p + j];
                if (WithStd) v *= _scale[j];
                if (WithMean) v += _mean[j];
                d[i * p + j] = v;
            }
        }
        return Tensor.FromArray(d, m.Rows, p);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("mean_", _mean);
        w.Write("var_", _var);
        w.Write("scale_", _scale);
        w.Write("n_samples_seen_", _seen);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _mean = r.ReadDoubles("mean_");
        _var = r.ReadDoubles("var_");
        _scale = r.ReadDoubles("scale_");
        _seen = r.ReadLongs("n_samples_seen_");
        SetFitted(_mean.Length);
    }
}
