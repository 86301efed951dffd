using System.Collections;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// <c>np.random.RandomState(seed)</c> and the <c>np.random.*</c> module functions (which share one global
/// instance): numpy's legacy MT19937 stream, bit for bit (<see cref="RandomState"/> in Batuta.Tensor, the
/// same generator scikit-learn's <c>random_state</c> uses in Batuta.ML).
/// </summary>
public sealed class NpRandomState : IPyObject, IPyTyped
{
    private RandomState _rng;

    public NpRandomState(object? seed = null) => _rng = Create(seed);

    public string PyTypeName => "RandomState";

    private static RandomState Create(object? seed) => seed switch
    {
        null => new RandomState(),
        PyInt or long or int => Np.ToLong(seed) is var s && (s < 0 || s > uint.MaxValue)
            ? throw new ValueError("Seed must be between 0 and 2**32 - 1")
            : new RandomState(s),
        NdArray or (IEnumerable and not string) => new RandomState(Np.AsArray(seed).ToLongs()),
        _ => throw new TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'"),
    };

    /// <summary><c>rs.seed(seed)</c> / <c>np.random.seed(seed)</c></summary>
    public void Seed(object? seed = null) => _rng = Create(seed);

    private static int[]? Size(object? size) => size is null ? null : Np.ShapeOf(size);

    private static int Count(int[] shape) => shape.Aggregate(1, (a, b) => a * b);

    /// <summary><c>rand(d0, d1, ...)</c>: a float without arguments, an array otherwise.</summary>
    public object Rand(params long[] dims)
    {
        if (dims.Length == 0) return _rng.NextDouble();
        var shape = dims.Select(d => (int)d).ToArray();
        return NdArray.FromDoubles(_rng.RandomSample(Count(shape)), shape);
    }

    public NdArray RandA(params long[] dims) => (NdArray)Rand(dims);

    /// <summary><c>randn(d0, d1, ...)</c></summary>
    public object Randn(params long[] dims)
    {
        if (dims.Length == 0) return _rng.StandardNormal();
        var shape = dims.Select(d => (int)d).ToArray();
        var v = new double[Count(shape)];
        for (int i = 0; i < v.Length; i++) v[i] = _rng.StandardNormal();
        return NdArray.FromDoubles(v, shape);
    }

    public NdArray RandnA(params long[] dims) => (NdArray)Randn(dims);

    /// <summary><c>random_sample(size=None)</c> / <c>random(size=None)</c></summary>
    public object Random(object? size = null)
    {
        var shape = Size(size);
        if (shape is null) return _rng.NextDouble();
        return NdArray.FromDoubles(_rng.RandomSample(Count(shape)), shape);
    }

    /// <summary><c>randint(low, high=None, size=None)</c>: an int without size, an int64 array with it.</summary>
    public object RandInt(object? low, object? high = null, object? size = null, object? dtype = null)
    {
        long lo = Np.ToLong(low);
        long? hi = high is null ? null : Np.ToLong(high);
        var shape = Size(size);
        if (shape is null)
        {
            try { return new PyInt(_rng.RandInt(lo, hi)); }
            catch (ArgumentException) { throw new ValueError("high <= 0"); }
        }
        (long a, long b) = hi is null ? (0, lo) : (lo, hi.Value);
        if (a >= b) throw new ValueError("low >= high");
        var r = NdArray.FromLongs(_rng.RandInt(a, b, Count(shape)), shape);
        return dtype is null ? r : r.AsType(NpDType.From(dtype));
    }

    /// <summary><c>standard_normal(size=None)</c></summary>
    public object StandardNormal(object? size = null) => Normal(0.0, 1.0, size);

    /// <summary><c>normal(loc=0.0, scale=1.0, size=None)</c></summary>
    public object Normal(object? loc = null, object? scale = null, object? size = null)
    {
        if (IsArrayParameter(loc) || IsArrayParameter(scale))
            return Broadcast(loc ?? 0.0, scale ?? 1.0, size, (m, s) => m + s * _rng.StandardNormal());
        double m = loc is null ? 0.0 : Np.ToDouble(loc), s = scale is null ? 1.0 : Np.ToDouble(scale);
        if (s < 0) throw new ValueError("scale < 0");
        var shape = Size(size);
        if (shape is null) return m + s * _rng.StandardNormal();
        return NdArray.FromDoubles(_rng.Normal(m, s, Count(shape)), shape);
    }

    /// <summary><c>uniform(low=0.0, high=1.0, size=None)</c></summary>
    public object Uniform(object? low = null, object? high = null, object? size = null)
    {
        if (IsArrayParameter(low) || IsArrayParameter(high))
            return Broadcast(low ?? 0.0, high ?? 1.0, size, (a, b) => a + (b - a) * _rng.NextDouble());
        double a = low is null ? 0.0 : Np.ToDouble(low), b = high is null ? 1.0 : Np.ToDouble(high);
        var shape = Size(size);
        if (shape is null) return a + (b - a) * _rng.NextDouble();
        return NdArray.FromDoubles(_rng.Uniform(a, b, Count(shape)), shape);
    }

    private static bool IsArrayParameter(object? x) => x is NdArray or System.Runtime.CompilerServices.ITuple or (IEnumerable and not string);

    /// <summary>
    /// A distribution with array parameters (<c>normal(loc=(0, 5), ...)</c>): the parameters broadcast to the
    /// output, and numpy draws one value per output element in C order.
    /// </summary>
    private static NdArray Broadcast(object a, object b, object? size, Func<double, double, double> draw)
    {
        var pa = Np.AsArray(a);
        var pb = Np.AsArray(b);
        var shape = size is null ? NdArray.BroadcastShape(pa.Dims, pb.Dims, "shape mismatch: objects cannot be broadcast to a single shape") : Size(size).OrThrow();
        var xa = pa.BroadcastTo(shape).ToDoubles();
        var xb = pb.BroadcastTo(shape).ToDoubles();
        var r = new double[xa.Length];
        for (int i = 0; i < r.Length; i++) r[i] = draw(xa[i], xb[i]);
        return NdArray.FromDoubles(r, shape);
    }

    /// <summary><c>exponential(scale=1.0, size=None)</c>: numpy's legacy -log(1 - U).</summary>
    public object Exponential(object? scale = null, object? size = null)
    {
        double s = scale is null ? 1.0 : Np.ToDouble(scale);
        var shape = Size(size);
        if (shape is null) return s * -Math.Log(1.0 - _rng.NextDouble());
        var v = new double[Count(shape)];
        for (int i = 0; i < v.Length; i++) v[i] = s * -Math.Log(1.0 - _rng.NextDouble());
        return NdArray.FromDoubles(v, shape);
    }

    /// <summary><c>choice(a, size=None, replace=True, p=None)</c>: numpy's legacy algorithms.</summary>
    public object Choice(object? a, object? size = null, bool replace = true, object? p = null)
    {
        NdArray? pool = a is PyInt or long or int ? null : Np.AsArray(a);
        int n = pool is null ? (int)Np.ToLong(a) : pool.Size;
        var shape = Size(size);
        var probs = p is null ? default : Np.AsArray(p).ToDoubles().AsSpan();
        long[] idx;
        try { idx = _rng.Choice(n, shape is null ? 1 : Count(shape), replace, probs); }
        catch (ArgumentException e) { throw new ValueError(e.Message.Split(" (Parameter")[0]); }
        if (shape is null)
        {
            return pool is null ? new PyInt(idx[0]) : pool.Ravel().FlatScalar((int)idx[0]).OrThrow();
        }
        var picks = NdArray.FromLongs(idx, shape);
        return pool is null ? picks : pool.Ravel().GetItem(NpIndex.Of(picks)).OrThrow();
    }

    /// <summary><c>shuffle(x)</c>: in place, along the first axis.</summary>
    public void Shuffle(object? x)
    {
        switch (x)
        {
            case NdArray arr:
                switch (arr.Storage)
                {
                    case Tensor<double> t: _rng.Shuffle(t); break;
                    case Tensor<float> t: _rng.Shuffle(t); break;
                    case Tensor<long> t: _rng.Shuffle(t); break;
                    case Tensor<int> t: _rng.Shuffle(t); break;
                }
                break;
            case IList list:
            {
                var items = new object?[list.Count];
                list.CopyTo(items, 0);
                _rng.Shuffle<object?>(items);
                for (int i = 0; i < items.Length; i++) list[i] = items[i];
                break;
            }
            default:
                throw new TypeError("shuffle: x must be an array or a list");
        }
    }

    /// <summary><c>permutation(x)</c>: a shuffled arange(x) for an int, a shuffled copy of an array.</summary>
    public NdArray Permutation(object? x)
    {
        if (x is PyInt or long or int) return NdArray.FromLongs(_rng.Permutation((int)Np.ToLong(x)), [(int)Np.ToLong(x)]);
        var copy = Np.Array(x);
        Shuffle(copy);
        return copy;
    }

    /// <summary><c>binomial</c>, <c>poisson</c> and the other legacy distributions are not migrated yet.</summary>
    public string PyRepr() => "RandomState(MT19937)";

    public string PyStr() => PyRepr();
}

/// <summary>The <c>np.random</c> module functions: one process-wide legacy RandomState, seeded from entropy until <c>np.random.seed</c>.</summary>
public static class NpRandom
{
    public static NpRandomState Global { get; } = new();

    public static void Seed(object? seed = null) => Global.Seed(seed);
    public static object Rand(params long[] dims) => Global.Rand(dims);
    public static NdArray RandA(params long[] dims) => Global.RandA(dims);
    public static object Randn(params long[] dims) => Global.Randn(dims);
    public static NdArray RandnA(params long[] dims) => Global.RandnA(dims);
    public static object Random(object? size = null) => Global.Random(size);
    public static object RandInt(object? low, object? high = null, object? size = null, object? dtype = null) => Global.RandInt(low, high, size, dtype);
    public static object StandardNormal(object? size = null) => Global.StandardNormal(size);
    public static object Normal(object? loc = null, object? scale = null, object? size = null) => Global.Normal(loc, scale, size);
    public static object Uniform(object? low = null, object? high = null, object? size = null) => Global.Uniform(low, high, size);
    public static object Exponential(object? scale = null, object? size = null) => Global.Exponential(scale, size);
    public static object Choice(object? a, object? size = null, bool replace = true, object? p = null) => Global.Choice(a, size, replace, p);
    public static void Shuffle(object? x) => Global.Shuffle(x);
    public static NdArray Permutation(object? x) => Global.Permutation(x);
}
