using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Batuta.ML.Tree;

/// <summary>
/// A split criterion as scikit-learn's Cython <c>Criterion</c> defines it: node statistics over
/// samples[start:end], moved incrementally to a split position (from whichever end is nearer), with
/// scikit-learn's impurity, proxy-improvement and improvement formulas. Implemented as structs so the
/// splitter's inner loops are specialised per criterion.
/// </summary>
internal interface ICriterion
{
    void Setup(double[] y, double[]? sampleWeight, double weightedNSamples, int[] samples, int classes);

    void Init(int start, int end);

    void Reset();

    void ReverseReset();

    void Update(int newPos);

    double NodeImpurity();

    void ChildrenImpurity(out double left, out double right);

    double ProxyImpurityImprovement();

    double ImpurityImprovement(double parent, double left, double right);

    void NodeValue(Span<double> dest);

    double WeightedNLeft { get; }

    double WeightedNRight { get; }

    double WeightedNNodeSamples { get; }
}

/// <summary>Class-count statistics shared by Gini and entropy.</summary>
internal struct ClassCounts
{
    public double[] Y;
    public double[]? Sw;
    public int[] Samples;
    public int K, Start, End, Pos;
    public double WeightedNSamples, WeightedNNodeSamples, WeightedNLeft, WeightedNRight;
    public double[] SumTotal, SumLeft, SumRight;

    public void Setup(double[] y, double[]? sw, double weightedNSamples, int[] samples, int classes)
    {
        Y = y;
        Sw = sw;
        Samples = samples;
        K = classes;
        WeightedNSamples = weightedNSamples;
        SumTotal = new double[classes];
        SumLeft = new double[classes];
        SumRight = new double[classes];
    }

    public void Init(int start, int end)
    {
        Start = start;
        End = end;
        WeightedNNodeSamples = 0;
        Array.Clear(SumTotal);
        double w = 1.0;
        for (int p = start; p < end; p++)
        {
            int i = Samples[p];
            if (Sw is not null) w = Sw[i];
            SumTotal[(int)Y[i]] += w;
            WeightedNNodeSamples += w;
        }
        Reset();
    }

    public void Reset()
    {
        Pos = Start;
        WeightedNLeft = 0;
        WeightedNRight = WeightedNNodeSamples;
        Array.Clear(SumLeft);
        Array.Copy(SumTotal, SumRight, K);
    }

    public void ReverseReset()
    {
        Pos = End;
        WeightedNLeft = WeightedNNodeSamples;
        WeightedNRight = 0;
        Array.Clear(SumRight);
        Array.Copy(SumTotal, SumLeft, K);
    }

    public void Update(int newPos)
    {
        ref double y = ref MemoryMarshal.GetArrayDataReference(Y);
        ref int samples = ref MemoryMarshal.GetArrayDataReference(Samples);
        ref double left = ref MemoryMarshal.GetArrayDataReference(SumLeft);
        var sw = Sw;
        double wl = WeightedNLeft;
        if (newPos - Pos <= End - newPos)
        {
            for (int p = Pos; p < newPos; p++)
            {
                int i = Unsafe.Add(ref samples, p);
                double w = sw is null ? 1.0 : sw[i];
                Unsafe.Add(ref left, (int)Unsafe.Add(ref y, i)) += w;
                wl += w;
            }
        }
        else
        {
            ReverseReset();
            wl = WeightedNLeft;
            for (int p = End - 1; p >= newPos; p--)
            {
                int i = Unsafe.Add(ref samples, p);
                double w = sw is null ? 1.0 : sw[i];
                Unsafe.Add(ref left, (int)Unsafe.Add(ref y, i)) -= w;
                wl -= w;
            }
        }
        WeightedNLeft = wl;
        WeightedNRight = WeightedNNodeSamples - WeightedNLeft;
        for (int c = 0; c < K; c++) SumRight[c] = SumTotal[c] - SumLeft[c];
        Pos = newPos;
    }

    public readonly double Improvement(double parent, double left, double right) =>
        (WeightedNNodeSamples / WeightedNSamples) * (parent - (WeightedNRight / WeightedNNodeSamples * right) - (WeightedNLeft / WeightedNNodeSamples * left));
}

internal struct GiniCriterion : ICriterion
{
    private ClassCounts _c;

    public void Setup(double[] y, double[]? sw, double weightedNSamples, int[] samples, int classes) => _c.Setup(y, sw, weightedNSamples, samples, classes);

    public void Init(int start, int end) => _c.Init(start, end);

    public void Reset() => _c.Reset();

    public void ReverseReset() => _c.ReverseReset();

    public void Update(int newPos) => _c.Update(newPos);

    public readonly double NodeImpurity()
    {
        double sq = 0;
        for (int k = 0; k < _c.K; k++) sq += _c.SumTotal[k] * _c.SumTotal[k];
        return 1.0 - sq / (_c.WeightedNNodeSamples * _c.WeightedNNodeSamples);
    }

    public readonly void ChildrenImpurity(out double left, out double right)
    {
        double sl = 0, sr = 0;
        for (int k = 0; k < _c.K; k++)
        {
            sl += _c.SumLeft[k] * _c.SumLeft[k];
            sr += _c.SumRight[k] * _c.SumRight[k];
        }
        left = 1.0 - sl / (_c.WeightedNLeft * _c.WeightedNLeft);
        right = 1.0 - sr / (_c.WeightedNRight * _c.WeightedNRight);
    }

    public readonly double ProxyImpurityImprovement()
    {
        ChildrenImpurity(out double l, out double r);
        return -_c.WeightedNRight * r - _c.WeightedNLeft * l;
    }

    public readonly double ImpurityImprovement(double parent, double left, double right) => _c.Improvement(parent, left, right);

    public readonly void NodeValue(Span<double> dest) => _c.SumTotal.CopyTo(dest);

    public readonly double WeightedNLeft => _c.WeightedNLeft;

    public readonly double WeightedNRight => _c.WeightedNRight;

    public readonly double WeightedNNodeSamples => _c.WeightedNNodeSamples;
}

internal struct EntropyCriterion : ICriterion
{
    private static readonly double Ln2 = Math.Log(2.0);
    private ClassCounts _c;

    public void Setup(double[] y, double[]? sw, double weightedNSamples, int[] samples, int classes) => _c.Setup(y, sw, weightedNSamples, samples, classes);

    public void Init(int start, int end) => _c.Init(start, end);

    public void Reset() => _c.Reset();

    public void ReverseReset() => _c.ReverseReset();

    public void Update(int newPos) => _c.Update(newPos);

    private static double Entropy(double[] counts, int k, double total)
    {
        double e = 0;
        for (int c = 0; c < k; c++)
        {
            double v = counts[c];
            if (v > 0.0)
            {
                v /= total;
                e -= v * (Math.Log(v) / Ln2);
            }
        }
        return e;
    }

    public readonly double NodeImpurity() => Entropy(_c.SumTotal, _c.K, _c.WeightedNNodeSamples);

    public readonly void ChildrenImpurity(out double left, out double right)
    {
        left = Entropy(_c.SumLeft, _c.K, _c.WeightedNLeft);
        right = Entropy(_c.SumRight, _c.K, _c.WeightedNRight);
    }

    public readonly double ProxyImpurityImprovement()
    {
        ChildrenImpurity(out double l, out double r);
        return -_c.WeightedNRight * r - _c.WeightedNLeft * l;
    }

    public readonly double ImpurityImprovement(double parent, double left, double right) => _c.Improvement(parent, left, right);

    public readonly void NodeValue(Span<double> dest) => _c.SumTotal.CopyTo(dest);

    public readonly double WeightedNLeft => _c.WeightedNLeft;

    public readonly double WeightedNRight => _c.WeightedNRight;

    public readonly double WeightedNNodeSamples => _c.WeightedNNodeSamples;
}

/// <summary>Squared-error statistics (sums of w·y and w·y²) shared by MSE and Friedman's MSE.</summary>
internal struct RegressionSums
{
    public double[] Y;
    public double[]? Sw;
    public int[] Samples;
    public int Start, End, Pos;
    public double WeightedNSamples, WeightedNNodeSamples, WeightedNLeft, WeightedNRight;
    public double SqSumTotal, SumTotal, SumLeft, SumRight;

    public void Setup(double[] y, double[]? sw, double weightedNSamples, int[] samples)
    {
        Y = y;
        Sw = sw;
        Samples = samples;
        WeightedNSamples = weightedNSamples;
    }

    public void Init(int start, int end)
    {
        Start = start;
        End = end;
        SqSumTotal = 0;
        SumTotal = 0;
        WeightedNNodeSamples = 0;
        double w = 1.0;
        for (int p = start; p < end; p++)
        {
            int i = Samples[p];
            if (Sw is not null) w = Sw[i];
            double yi = Y[i];
            double wy = w * yi;
            SumTotal += wy;
            SqSumTotal += wy * yi;
            WeightedNNodeSamples += w;
        }
        Reset();
    }

    public void Reset()
    {
        Pos = Start;
        WeightedNLeft = 0;
        WeightedNRight = WeightedNNodeSamples;
        SumLeft = 0;
        SumRight = SumTotal;
    }

    public void ReverseReset()
    {
        Pos = End;
        WeightedNLeft = WeightedNNodeSamples;
        WeightedNRight = 0;
        SumRight = 0;
        SumLeft = SumTotal;
    }

    public void Update(int newPos)
    {
        ref double y = ref MemoryMarshal.GetArrayDataReference(Y);
        ref int samples = ref MemoryMarshal.GetArrayDataReference(Samples);
        var sw = Sw;
        double sl = SumLeft, wl = WeightedNLeft;
        if (newPos - Pos <= End - newPos)
        {
            for (int p = Pos; p < newPos; p++)
            {
                int i = Unsafe.Add(ref samples, p);
                double w = sw is null ? 1.0 : sw[i];
                sl += w * Unsafe.Add(ref y, i);
                wl += w;
            }
        }
        else
        {
            ReverseReset();
            sl = SumLeft;
            wl = WeightedNLeft;
            for (int p = End - 1; p >= newPos; p--)
            {
                int i = Unsafe.Add(ref samples, p);
                double w = sw is null ? 1.0 : sw[i];
                sl -= w * Unsafe.Add(ref y, i);
                wl -= w;
            }
        }
        SumLeft = sl;
        WeightedNLeft = wl;
        WeightedNRight = WeightedNNodeSamples - WeightedNLeft;
        SumRight = SumTotal - SumLeft;
        Pos = newPos;
    }

    public readonly double NodeImpurity()
    {
        double impurity = SqSumTotal / WeightedNNodeSamples;
        double mean = SumTotal / WeightedNNodeSamples;
        return impurity - mean * mean;
    }

    public readonly void ChildrenImpurity(out double left, out double right)
    {
        double sqLeft = 0, w = 1.0;
        for (int p = Start; p < Pos; p++)
        {
            int i = Samples[p];
            if (Sw is not null) w = Sw[i];
            double yi = Y[i];
            sqLeft += w * yi * yi;
        }
        double sqRight = SqSumTotal - sqLeft;
        left = sqLeft / WeightedNLeft;
        right = sqRight / WeightedNRight;
        double ml = SumLeft / WeightedNLeft, mr = SumRight / WeightedNRight;
        left -= ml * ml;
        right -= mr * mr;
    }
}

internal struct MseCriterion : ICriterion
{
    private RegressionSums _s;

    public void Setup(double[] y, double[]? sw, double weightedNSamples, int[] samples, int classes) => _s.Setup(y, sw, weightedNSamples, samples);

    public void Init(int start, int end) => _s.Init(start, end);

    public void Reset() => _s.Reset();

    public void ReverseReset() => _s.ReverseReset();

    public void Update(int newPos) => _s.Update(newPos);

    public readonly double NodeImpurity() => _s.NodeImpurity();

    public readonly void ChildrenImpurity(out double left, out double right) => _s.ChildrenImpurity(out left, out right);

    public readonly double ProxyImpurityImprovement() =>
        _s.SumLeft * _s.SumLeft / _s.WeightedNLeft + _s.SumRight * _s.SumRight / _s.WeightedNRight;

    public readonly double ImpurityImprovement(double parent, double left, double right) =>
        (_s.WeightedNNodeSamples / _s.WeightedNSamples) * (parent - (_s.WeightedNRight / _s.WeightedNNodeSamples * right) - (_s.WeightedNLeft / _s.WeightedNNodeSamples * left));

    public readonly void NodeValue(Span<double> dest) => dest[0] = _s.SumTotal / _s.WeightedNNodeSamples;

    public readonly double WeightedNLeft => _s.WeightedNLeft;

    public readonly double WeightedNRight => _s.WeightedNRight;

    public readonly double WeightedNNodeSamples => _s.WeightedNNodeSamples;
}

/// <summary>Friedman's improvement score for boosting: (n_r·Σ_l - n_l·Σ_r)² / (n_l·n_r) as the proxy.</summary>
internal struct FriedmanMseCriterion : ICriterion
{
    private RegressionSums _s;

    public void Setup(double[] y, double[]? sw, double weightedNSamples, int[] samples, int classes) => _s.Setup(y, sw, weightedNSamples, samples);

    public void Init(int start, int end) => _s.Init(start, end);

    public void Reset() => _s.Reset();

    public void ReverseReset() => _s.ReverseReset();

    public void Update(int newPos) => _s.Update(newPos);

    public readonly double NodeImpurity() => _s.NodeImpurity();

    public readonly void ChildrenImpurity(out double left, out double right) => _s.ChildrenImpurity(out left, out right);

    public readonly double ProxyImpurityImprovement()
    {
        double diff = _s.WeightedNRight * _s.SumLeft - _s.WeightedNLeft * _s.SumRight;
        return diff * diff / (_s.WeightedNLeft * _s.WeightedNRight);
    }

    public readonly double ImpurityImprovement(double parent, double left, double right)
    {
        double diff = (_s.WeightedNRight * _s.SumLeft - _s.WeightedNLeft * _s.SumRight) / 1.0;
        return diff * diff / (_s.WeightedNLeft * _s.WeightedNRight * _s.WeightedNNodeSamples);
    }

    public readonly void NodeValue(Span<double> dest) => dest[0] = _s.SumTotal / _s.WeightedNNodeSamples;

    public readonly double WeightedNLeft => _s.WeightedNLeft;

    public readonly double WeightedNRight => _s.WeightedNRight;

    public readonly double WeightedNNodeSamples => _s.WeightedNNodeSamples;
}
