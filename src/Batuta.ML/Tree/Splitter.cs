using Batuta.ML.Randomness;

namespace Batuta.ML.Tree;

/// <summary>The best split found at a node (scikit-learn's <c>SplitRecord</c>).</summary>
internal struct SplitRecord
{
    public int Feature, Pos;
    public double Threshold, Improvement, ImpurityLeft, ImpurityRight;

    public static SplitRecord Init(int startPos) => new()
    {
        ImpurityLeft = double.PositiveInfinity,
        ImpurityRight = double.PositiveInfinity,
        Pos = startPos,
        Feature = 0,
        Threshold = 0,
        Improvement = double.NegativeInfinity,
    };
}

/// <summary>
/// scikit-learn's dense <c>BestSplitter</c> and <c>RandomSplitter</c>: features drawn by Fisher-Yates with
/// the xorshift generator (skipping features known to be constant), values gathered, sorted with
/// scikit-learn's introsort (best) or a random threshold drawn between min and max (random), and the
/// split with the largest proxy improvement kept. Features are float32, as scikit-learn converts them.
/// </summary>
internal sealed class Splitter<TCrit> where TCrit : struct, ICriterion
{
    private const float FeatureThreshold = 1e-7f;
    private readonly float[] _xT;
    private readonly int _nRows;
    private readonly int[] _features;
    private readonly int[] _constantFeatures;
    private readonly float[] _xf;
    private readonly int _maxFeatures, _minSamplesLeaf;
    private readonly double _minWeightLeaf;
    private readonly bool _random;
    private uint _seed;
    private TCrit _crit;

    public Splitter(float[] xT, int nRows, int nFeatures, double[] y, double[]? sampleWeight, int classes, uint seed,
        int maxFeatures, int minSamplesLeaf, double minWeightLeaf, bool random)
    {
        _xT = xT;
        _nRows = nRows;
        _seed = seed;
        _maxFeatures = maxFeatures;
        _minSamplesLeaf = minSamplesLeaf;
        _minWeightLeaf = minWeightLeaf;
        _random = random;
        var samples = new List<int>(nRows);
        double weighted = 0;
        for (int i = 0; i < nRows; i++)
        {
            if (sampleWeight is null || sampleWeight[i] != 0.0) samples.Add(i);
            weighted += sampleWeight?[i] ?? 1.0;
        }
        Samples = [.. samples];
        WeightedNSamples = weighted;
        _features = new int[nFeatures];
        for (int f = 0; f < nFeatures; f++) _features[f] = f;
        _constantFeatures = new int[nFeatures];
        _xf = new float[nRows];
        _crit = default;
        _crit.Setup(y, sampleWeight, weighted, Samples, classes);
    }

    public int[] Samples { get; }

    public int NSamples => Samples.Length;

    public double WeightedNSamples { get; }

    public void NodeReset(int start, int end, out double weightedNNodeSamples)
    {
        _crit.Init(start, end);
        weightedNNodeSamples = _crit.WeightedNNodeSamples;
    }

    public double NodeImpurity() => _crit.NodeImpurity();

    public void NodeValue(Span<double> dest) => _crit.NodeValue(dest);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Gather(float[] xT, int colOffset, int[] samples, float[] xf, int start, int end)
    {
        ref float col = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(xT);
        ref int s = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(samples);
        ref float dst = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(xf);
        for (int p = start; p < end; p++)
            System.Runtime.CompilerServices.Unsafe.Add(ref dst, p) = System.Runtime.CompilerServices.Unsafe.Add(ref col, colOffset + System.Runtime.CompilerServices.Unsafe.Add(ref s, p));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public SplitRecord NodeSplit(int start, int end, double impurity, ref int nConstantFeatures)
    {
        var samples = Samples;
        var features = _features;
        var xf = _xf;
        var best = SplitRecord.Init(end);
        SplitRecord current = default;
        double bestProxy = double.NegativeInfinity;
        int fi = features.Length;
        int nVisited = 0, nFoundConstants = 0, nDrawnConstants = 0;
        int nKnownConstants = nConstantFeatures;
        int nTotalConstants = nKnownConstants;

        while (fi > nTotalConstants && (nVisited < _maxFeatures || nVisited <= nFoundConstants + nDrawnConstants))
        {
            nVisited++;
            int fj = SklearnRandom.RandInt(nDrawnConstants, fi - nFoundConstants, ref _seed);
            if (fj < nKnownConstants)
            {
                (features[nDrawnConstants], features[fj]) = (features[fj], features[nDrawnConstants]);
                nDrawnConstants++;
                continue;
            }
            fj += nFoundConstants;
            current.Feature = features[fj];
            int colOffset = current.Feature * _nRows;

            if (!_random)
            {
                Gather(_xT, colOffset, samples, xf, start, end);
                IntroSort.Sort(xf.AsSpan(start, end - start), samples.AsSpan(start, end - start));
                if (xf[end - 1] <= xf[start] + FeatureThreshold)
                {
                    (features[fj], features[nTotalConstants]) = (features[nTotalConstants], features[fj]);
                    nFoundConstants++;
                    nTotalConstants++;
                    continue;
                }
                fi--;
                (features[fi], features[fj]) = (features[fj], features[fi]);
                _crit.Reset();
                int pos = start;
                while (pos < end)
                {
                    while (pos + 1 < end && xf[pos + 1] <= xf[pos] + FeatureThreshold) pos++;
                    pos++;
                    if (pos >= end) continue;
                    current.Pos = pos;
                    if (pos - start < _minSamplesLeaf || end - pos < _minSamplesLeaf) continue;
                    _crit.Update(pos);
                    if (_crit.WeightedNLeft < _minWeightLeaf || _crit.WeightedNRight < _minWeightLeaf) continue;
                    double proxy = _crit.ProxyImpurityImprovement();
                    if (proxy > bestProxy)
                    {
                        bestProxy = proxy;
                        current.Threshold = xf[pos - 1] / 2.0 + xf[pos] / 2.0;
                        if (FloatExact.AreEqual(current.Threshold, xf[pos]) || double.IsInfinity(current.Threshold)) current.Threshold = xf[pos - 1];
                        best = current;
                    }
                }
            }
            else
            {
                float min = _xT[colOffset + samples[start]], max = min;
                xf[start] = min;
                for (int p = start + 1; p < end; p++)
                {
                    float v = _xT[colOffset + samples[p]];
                    xf[p] = v;
                    if (v < min) min = v;
                    else if (v > max) max = v;
                }
                if (max <= min + FeatureThreshold)
                {
                    (features[fj], features[nTotalConstants]) = (features[nTotalConstants], current.Feature);
                    nFoundConstants++;
                    nTotalConstants++;
                    continue;
                }
                fi--;
                (features[fi], features[fj]) = (features[fj], features[fi]);
                current.Threshold = SklearnRandom.RandUniform(min, max, ref _seed);
                if (FloatExact.AreEqual(current.Threshold, max)) current.Threshold = min;
                int p2 = start, partitionEnd = end;
                while (p2 < partitionEnd)
                {
                    if (xf[p2] <= current.Threshold)
                    {
                        p2++;
                    }
                    else
                    {
                        partitionEnd--;
                        (xf[p2], xf[partitionEnd]) = (xf[partitionEnd], xf[p2]);
                        (samples[p2], samples[partitionEnd]) = (samples[partitionEnd], samples[p2]);
                    }
                }
                current.Pos = partitionEnd;
                if (current.Pos - start < _minSamplesLeaf || end - current.Pos < _minSamplesLeaf) continue;
                _crit.Reset();
                _crit.Update(current.Pos);
                if (_crit.WeightedNLeft < _minWeightLeaf || _crit.WeightedNRight < _minWeightLeaf) continue;
                double proxy = _crit.ProxyImpurityImprovement();
                if (proxy > bestProxy)
                {
                    bestProxy = proxy;
                    best = current;
                }
            }
        }

        if (best.Pos < end)
        {
            if (!_random || current.Feature != best.Feature)
            {
                int colOffset = best.Feature * _nRows;
                int p = start, partitionEnd = end;
                while (p < partitionEnd)
                {
                    if (_xT[colOffset + samples[p]] <= best.Threshold) p++;
                    else
                    {
                        partitionEnd--;
                        (samples[p], samples[partitionEnd]) = (samples[partitionEnd], samples[p]);
                    }
                }
            }
            _crit.Reset();
            _crit.Update(best.Pos);
            _crit.ChildrenImpurity(out best.ImpurityLeft, out best.ImpurityRight);
            best.Improvement = _crit.ImpurityImprovement(impurity, best.ImpurityLeft, best.ImpurityRight);
        }

        // Constant features: keep the known ones in their original order for the children, then the new ones.
        Array.Copy(_constantFeatures, 0, features, 0, nKnownConstants);
        Array.Copy(features, nKnownConstants, _constantFeatures, nKnownConstants, nFoundConstants);
        nConstantFeatures = nTotalConstants;
        return best;
    }
}
