using Batuta.Tensors;

namespace Batuta.ML.Preprocessing;

/// <summary>
/// <c>sklearn.preprocessing.MinMaxScaler(feature_range=(0, 1), copy=True, clip=False)</c>:
/// X * scale_ + min_, with scale_ = (max - min of the range) / data_range_ (constant features keep scale 1).
/// </summary>
public sealed class MinMaxScaler(double featureRangeMin = 0, double featureRangeMax = 1, bool copy = true, bool clip = false) : TransformerBase
{
    private double[] _scale = [], _min = [], _dataMin = [], _dataMax = [];

    /// <summary><c>feature_range</c> as (min, max).</summary>
    [Hyperparameter("feature_range")]
    public (double Min, double Max) FeatureRange { get; set; } = (featureRangeMin, featureRangeMax);

    [Hyperparameter("copy")] public bool Copy { get; set; } = copy;

    [Hyperparameter("clip")] public bool Clip { get; set; } = clip;

    public Tensor<double> Scale => Get(_scale);

    /// <summary><c>min_</c>: the per-feature offset.</summary>
    public Tensor<double> Min => Get(_min);

    public Tensor<double> DataMin => Get(_dataMin);

    public Tensor<double> DataMax => Get(_dataMax);

    public Tensor<double> DataRange => Get(_dataMax.Zip(_dataMin, (a, b) => a - b).ToArray());

    private Tensor<double> Get(double[] v)
    {
        CheckFitted();
        return Tensor.FromArray((double[])v.Clone(), v.Length);
    }

    public override MinMaxScaler Fit(Tensor<double> X, Tensor<double>? y = null, Tensor<double>? sampleWeight = null)
    {
        if (sampleWeight is not null) throw new InputValidationException("MinMaxScaler.fit() does not take sample_weight.", nameof(sampleWeight));
        var (lo, hi) = FeatureRange;
        if (lo >= hi)
            throw new InputValidationException($"Minimum of desired feature range must be smaller than maximum. Got ({PyRepr.Float(lo)}, {PyRepr.Float(hi)}).", "feature_range");
        var m = Validation.Check.Matrix(X, Name, allowNaN: true);
        int p = m.Cols;
        var min = Enumerable.Repeat(double.NaN, p).ToArray();
        var max = Enumerable.Repeat(double.NaN, p).ToArray();
        for (int i = 0; i < m.Rows; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double v = m.Data[i * p + j];
                if (double.IsNaN(v)) continue;
                if (double.IsNaN(min[j]) || v < min[j]) min[j] = v;
                if (double.IsNaN(max[j]) || v > max[j]) max[j] = v;
            }
        }
        _scale = new double[p];
        _min = new double[p];
        for (int j = 0; j < p; j++)
        {
            double range = max[j] - min[j];
            if (range < 10 * 2.220446049250313e-16) range = 1.0;
            _scale[j] = (hi - lo) / range;
            _min[j] = lo - min[j] * _scale[j];
        }
        _dataMin = min;
        _dataMax = max;
        SetFitted(p);
        return this;
    }

    public override Tensor<double> Transform(Tensor<double> X)
    {
        var m = CheckPredictInput(X, allowNaN: true);
        var d = m.Data;
        int p = m.Cols;
        var (lo, hi) = FeatureRange;
        for (int i = 0; i < d.Length; i++)
        {
            int j = i % p;
            double v = d[i] * _scale[j];
            v += _min[j];
            if (Clip) v = Math.Clamp(v, lo, hi);
            d[i] = v;
        }
        return Tensor.FromArray(d, m.Rows, p);
    }

    /// <summary><c>inverse_transform(X)</c>.</summary>
    public Tensor<double> InverseTransform(Tensor<double> X)
    {
        var m = CheckPredictInput(X, allowNaN: true);
        var d = m.Data;
        int p = m.Cols;
        for (int i = 0; i < d.Length; i++)
        {
            int j = i % p;
            d[i] = (d[i] - _min[j]) / _scale[j];
        }
        return Tensor.FromArray(d, m.Rows, p);
    }

    internal override void WriteState(Persistence.ModelWriter w)
    {
        w.Write("scale_", _scale);
        w.Write("min_", _min);
        w.Write("data_min_", _dataMin);
        w.Write("data_max_", _dataMax);
    }

    internal override void ReadState(Persistence.ModelReader r)
    {
        _scale = r.ReadDoubles("scale_");
        _min = r.ReadDoubles("min_");
        _dataMin = r.ReadDoubles("data_min_");
        _dataMax = r.ReadDoubles("data_max_");
        SetFitted(_scale.Length);
    }
}
