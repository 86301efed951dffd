using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>Joining, splitting, sorting and rearranging arrays.</summary>
public static partial class Np
{
    /// <summary>The arrays of a sequence argument (a list or tuple of arrays, lists or scalars).</summary>
    internal static List<NdArray> Sequence(object? arrays) => arrays switch
    {
        NdArray a => a.Rows().ToList(),
        ITuple t => Enumerable.Range(0, t.Length).Select(i => AsArray(t[i])).ToList(),
        IEnumerable e => e.Cast<object?>().Select(x => AsArray(x)).ToList(),
        _ => throw new TypeError("expected a sequence of arrays"),
    };

    private static NpKind Common(IReadOnlyList<NdArray> arrays) => arrays.Skip(1).Aggregate(arrays[0].Kind, (k, a) => NpDType.Promote(k, a.Kind));

    private static NdArray Join(List<NdArray> arrays, int axis, string name)
    {
        if (arrays.Count == 0) throw new ValueError("need at least one array to concatenate");
        var kind = Common(arrays);
        int nd = arrays[0].Ndim;
        if (nd == 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
        int ax = axis < 0 ? axis + nd : axis;
        if (ax < 0 || ax >= nd) throw new AxisError($"axis {axis} is out of bounds for array of dimension {nd}");
        for (int i = 1; i < arrays.Count; i++)
        {
            var a = arrays[i];
            if (a.Ndim != nd)
                throw new ValueError($"all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has {nd} dimension(s) and the array at index {i} has {a.Ndim} dimension(s)".Replace("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has", "all the input arrays must have same number of dimensions, but the array at index 0 has", StringComparison.Ordinal));
            for (int d = 0; d < nd; d++)
                if (d != ax && a.Dims[d] != arrays[0].Dims[d])
                    throw new ValueError($"all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {arrays[0].Dims[d]} and the array at index {i} has size {a.Dims[d]}");
        }
        _ = name;
        if (kind == NpKind.Str) arrays = arrays.Select(a => a.Kind == NpKind.Str ? a : a.AsType(NpDType.Str(0))).ToList();
        return kind switch
        {
            NpKind.Float64 => new NdArray(Tensor.Concatenate(arrays.Select(a => a.StorageAs<double>()).ToList(), ax), kind),
            NpKind.Float32 => new NdArray(Tensor.Concatenate(arrays.Select(a => a.StorageAs<float>()).ToList(), ax), kind),
            NpKind.Int32 => new NdArray(Tensor.Concatenate(arrays.Select(a => a.StorageAs<int>()).ToList(), ax), kind),
            _ => new NdArray(Tensor.Concatenate(arrays.Select(a => a.StorageAs<long>()).ToList(), ax), kind).WithStrWidth(arrays.Max(a => a.StrWidth)),
        };
    }

    /// <summary><c>np.concatenate(arrays, axis=0)</c>; <c>axis=None</c> flattens first.</summary>
    public static NdArray Concatenate(object? arrays, object? axis = null, bool axisNone = false)
    {
        var list = Sequence(arrays);
        if (axisNone) return Join(list.Select(a => a.Ravel()).ToList(), 0, "concatenate");
        return Join(list, axis is null ? 0 : (int)ToLong(axis), "concatenate");
    }

    /// <summary><c>np.stack(arrays, axis=0)</c></summary>
    public static NdArray Stack(object? arrays, long axis = 0)
    {
        var list = Sequence(arrays);
        if (list.Count == 0) throw new ValueError("need at least one array to stack");
        var shape = list[0].Dims;
        if (list.Any(a => !a.Dims.AsSpan().SequenceEqual(shape))) throw new ValueError("all input arrays must have the same shape");
        int nd = shape.Length + 1;
        long ax = axis < 0 ? axis + nd : axis;
        if (ax < 0 || ax >= nd) throw new AxisError($"axis {axis} is out of bounds for array of dimension {nd}");
        return Join(list.Select(a => a.ExpandDims(ax)).ToList(), (int)ax, "stack");
    }

    /// <summary><c>np.vstack</c> / <c>np.row_stack</c>: 1-D inputs become rows.</summary>
    public static NdArray VStack(object? arrays) => Join(Sequence(arrays).Select(a => a.Ndim == 0 ? a.Reshape(1, 1) : a.Ndim == 1 ? a.Reshape(1, a.Size) : a).ToList(), 0, "vstack");

    /// <summary><c>np.hstack</c>: along axis 1, or axis 0 for 1-D inputs.</summary>
    public static NdArray HStack(object? arrays)
    {
        var list = Sequence(arrays).Select(a => a.Ndim == 0 ? a.Reshape(1) : a).ToList();
        return Join(list, list.Count > 0 && list[0].Ndim == 1 ? 0 : 1, "hstack");
    }

    /// <summary><c>np.column_stack</c>: 1-D inputs become columns.</summary>
    public static NdArray ColumnStack(object? arrays) => Join(Sequence(arrays).Select(a => a.Ndim < 2 ? a.Reshape(a.Size, 1) : a).ToList(), 1, "column_stack");

    /// <summary><c>np.r_[a, b, 0:3, 7]</c>: 1-D pieces (slices become aranges, numbers length-1 arrays) joined along axis 0.</summary>
    public static NdArray RConcat(params object?[] items) =>
        Join(items.Select(x => AsArray(x)).Select(a => a.Ndim == 0 ? a.Reshape(1) : a).ToList(), 0, "r_");

    /// <summary><c>np.c_[a, b]</c>: 1-D pieces become columns (numbers 1×1), joined along the last axis.</summary>
    public static NdArray CConcat(params object?[] items) =>
        Join(items.Select(x => AsArray(x)).Select(a => a.Ndim == 0 ? a.Reshape(1, 1) : a.Ndim == 1 ? a.Reshape(a.Size, 1) : a).ToList(), -1, "c_");

    /// <summary><c>np.dstack</c></summary>
    public static NdArray DStack(object? arrays) => Join(Sequence(arrays).Select(a => a.Ndim == 1 ? a.Reshape(1, a.Size, 1) : a.Ndim == 2 ? a.Reshape(a.Dims[0], a.Dims[1], 1) : a).ToList(), 2, "dstack");

    /// <summary><c>np.array_split(a, sections)</c>: the first (n % k) parts get one extra element.</summary>
    public static PyList<NdArray> ArraySplit(NdArray a, object? indicesOrSections, long axis = 0)
    {
        int ax = a.NormalizeAxis(axis);
        int n = a.Dims[ax];
        var bounds = new List<int> { 0 };
        if (indicesOrSections is PyInt or long or int)
        {
            long k = ToLong(indicesOrSections);
            if (k <= 0) throw new ValueError("number sections must be larger than 0.");
            long each = n / k, extras = n % k;
            long acc = 0;
            for (long i = 0; i < k; i++)
            {
                acc += each + (i < extras ? 1 : 0);
                bounds.Add((int)acc);
            }
        }
        else
        {
            foreach (var i in ShapeOf(indicesOrSections)) bounds.Add(Math.Clamp(i < 0 ? i + n : i, 0, n));
            bounds.Add(n);
        }
        var result = new PyList<NdArray>();
        for (int i = 0; i + 1 < bounds.Count; i++)
        {
            int lo = bounds[i], hi = Math.Max(bounds[i + 1], lo);
            var index = new NpIndex[ax + 1];
            for (int d = 0; d < ax; d++) index[d] = NpIndex.All;
            index[ax] = NpIndex.Slice(lo, hi);
            result.Append(a.BasicView(index));
        }
        return result;
    }

    /// <summary><c>np.split(a, sections)</c>: like array_split, but the sections must divide the axis.</summary>
    public static PyList<NdArray> Split(NdArray a, object? indicesOrSections, long axis = 0)
    {
        if (indicesOrSections is PyInt or long or int && a.Dims[a.NormalizeAxis(axis)] % ToLong(indicesOrSections) != 0)
            throw new ValueError("array split does not result in an equal division");
        return ArraySplit(a, indicesOrSections, axis);
    }

    // ---- sorting ----

    /// <summary><c>np.sort(a, axis=-1)</c>; <c>axis=None</c> sorts the flattened array.</summary>
    public static NdArray Sort(NdArray a, long axis = -1, bool axisNone = false)
    {
        var src = axisNone ? a.Ravel() : a;
        var order = ArgSort(src, axis, axisNone: false, stable: true);
        return TakeAlong(src, order, axisNone ? 0 : src.NormalizeAxis(axis));
    }

    /// <summary>
    /// <c>np.argsort(a, axis=-1, kind=None)</c>: numpy's default introsort (median-of-3 quicksort, insertion sort
    /// below 16 elements), so ties come out in numpy's order; <c>kind='stable'</c>/<c>'mergesort'</c> is stable.
    /// </summary>
    public static NdArray ArgSort(NdArray a, long axis = -1, bool axisNone = false, bool stable = false)
    {
        var src = axisNone ? a.Ravel() : a;
        if (src.Ndim == 0) return NdArray.FromLongs([0], []);
        int ax = src.NormalizeAxis(axis);
        var dims = src.Dims;
        if (src.Kind == NpKind.Str) return StrArgSort(src, ax, stable);
        var data = src.ToDoubles();
        bool isInt = src.Kind is not (NpKind.Float32 or NpKind.Float64);
        var longs = isInt ? src.ToLongs() : null;
        int outer = 1, inner = 1, n = dims[ax];
        for (int d = 0; d < ax; d++) outer *= dims[d];
        for (int d = ax + 1; d < dims.Length; d++) inner *= dims[d];
        var result = new long[data.Length];
        var v = new double[n];
        var lv = new long[n];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                for (int k = 0; k < n; k++)
                {
                    int p = (o * n + k) * inner + i;
                    v[k] = data[p];
                    if (longs is not null) lv[k] = longs[p];
                }
                long[] idx = longs is not null ? NpSort.ArgSort(lv, stable) : NpSort.ArgSort(v, stable);
                for (int k = 0; k < n; k++) result[(o * n + k) * inner + i] = idx[k];
            }
        return NdArray.FromLongs(result, dims);
    }

    /// <summary>argsort of strings by code point: numpy's introsort over unicode, or a stable sort.</summary>
    private static NdArray StrArgSort(NdArray src, int ax, bool stable)
    {
        var dims = src.Dims;
        var strs = src.ToStrings();
        int outer = 1, inner = 1, n = dims[ax];
        for (int d = 0; d < ax; d++) outer *= dims[d];
        for (int d = ax + 1; d < dims.Length; d++) inner *= dims[d];
        var result = new long[strs.Length];
        var lane = new string[n];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                for (int k = 0; k < n; k++) lane[k] = strs[(o * n + k) * inner + i];
                var idx = NpSort.ArgSort(lane, stable);
                for (int k = 0; k < n; k++) result[(o * n + k) * inner + i] = idx[k];
            }
        return NdArray.FromLongs(result, dims);
    }

    private static NdArray TakeAlong(NdArray a, NdArray order, int axis)
    {
        var dims = a.Dims;
        var idx = order.ToLongs();
        int outer = 1, inner = 1, n = dims[axis];
        for (int d = 0; d < axis; d++) outer *= dims[d];
        for (int d = axis + 1; d < dims.Length; d++) inner *= dims[d];
        if (a.Kind is NpKind.Float32 or NpKind.Float64)
        {
            var src = a.ToDoubles();
            var r = new double[src.Length];
            for (int o = 0; o < outer; o++)
                for (int k = 0; k < n; k++)
                    for (int i = 0; i < inner; i++)
                    {
                        int p = (o * n + k) * inner + i;
                        r[p] = src[(o * n + (int)idx[p]) * inner + i];
                    }
            return NdArray.FromDoubles(r, dims, a.Kind);
        }
        var sl = a.Kind == NpKind.Str ? a.Codes() : a.ToLongs();
        var rl = new long[sl.Length];
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < n; k++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * n + k) * inner + i;
                    rl[p] = sl[(o * n + (int)idx[p]) * inner + i];
                }
        return NdArray.FromLongs(rl, dims, a.Kind).WithStrWidth(a.StrWidth);
    }

    /// <summary><c>np.take_along_axis(a, indices, axis)</c>: the result has the shape of the indices.</summary>
    public static NdArray TakeAlongAxis(NdArray a, NdArray indices, long axis)
    {
        int ax = a.NormalizeAxis(axis);
        var dims = a.Dims;
        var idims = indices.Dims;
        if (idims.Length != dims.Length) throw new ValueError("`indices` and `arr` must have the same number of dimensions");
        var idx = indices.ToLongs();
        int outer = 1, inner = 1, n = dims[ax], m = idims[ax];
        for (int d = 0; d < ax; d++) outer *= idims[d];
        for (int d = ax + 1; d < dims.Length; d++) inner *= idims[d];
        var src = a.ToDoubles();
        var r = new double[idx.Length];
        for (int o = 0; o < outer; o++)
            for (int k = 0; k < m; k++)
                for (int i = 0; i < inner; i++)
                {
                    int p = (o * m + k) * inner + i;
                    long j = idx[p] < 0 ? idx[p] + n : idx[p];
                    if (j < 0 || j >= n) throw new IndexError($"index {idx[p]} is out of bounds for axis {ax} with size {n}");
                    r[p] = src[(o * n + (int)j) * inner + i];
                }
        var result = NdArray.FromDoubles(r, idims);
        return a.Kind is NpKind.Float32 or NpKind.Float64 ? result.AsType(a.DType) : result.AsType(a.DType);
    }

    /// <summary><c>np.unique(a)</c>: sorted distinct values of the flattened array.</summary>
    public static NdArray Unique(object? a) => UniqueCore(AsArray(a), false, false, false).Values;

    /// <summary><c>np.unique(a, return_index=..., return_inverse=..., return_counts=...)</c> as (values, extras...).</summary>
    public static (NdArray Values, NdArray? Index, NdArray? Inverse, NdArray? Counts) UniqueCore(NdArray a, bool returnIndex, bool returnInverse, bool returnCounts)
    {
        var flat = a.Ravel();
        var order = ArgSort(flat, 0, false, stable: true).ToLongs();
        var isFloat = a.Kind is NpKind.Float32 or NpKind.Float64;
        var l = isFloat ? null : a.Kind == NpKind.Str ? flat.Codes() : flat.ToLongs();
        var d = isFloat ? flat.ToDoubles() : new double[l.OrThrow().Length];
        var keepIdx = new List<long>();
        var counts = new List<long>();
        var inverse = new long[d.Length];
        for (int k = 0; k < order.Length; k++)
        {
            long p = order[k];
            bool same = k > 0 && (isFloat ? FloatExact.AreEqual(d[p], d[order[k - 1]]) || double.IsNaN(d[p]) && double.IsNaN(d[order[k - 1]]) && false : l.OrThrow()[p] == l[order[k - 1]]);
            if (!same)
            {
                keepIdx.Add(p);
                counts.Add(0);
            }
            counts[^1]++;
            inverse[p] = keepIdx.Count - 1;
        }
        NdArray values = isFloat
            ? NdArray.FromDoubles(keepIdx.Select(p => d[p]).ToArray(), [keepIdx.Count], a.Kind)
            : NdArray.FromLongs(keepIdx.Select(p => l.OrThrow()[p]).ToArray(), [keepIdx.Count], a.Kind).WithStrWidth(a.StrWidth);
        return (values,
            returnIndex ? NdArray.FromLongs(keepIdx.ToArray(), [keepIdx.Count]) : null,
            returnInverse ? NdArray.FromLongs(inverse, [inverse.Length]) : null,
            returnCounts ? NdArray.FromLongs(counts.ToArray(), [counts.Count]) : null);
    }

    /// <summary><c>np.unique(a, return_counts=True)</c></summary>
    public static (NdArray, NdArray) UniqueCounts(object? a)
    {
        var r = UniqueCore(AsArray(a), false, false, true);
        return (r.Values, r.Counts.OrThrow());
    }

    public static (NdArray, NdArray) UniqueInverse(object? a)
    {
        var r = UniqueCore(AsArray(a), false, true, false);
        return (r.Values, r.Inverse.OrThrow());
    }

    public static (NdArray, NdArray) UniqueIndex(object? a)
    {
        var r = UniqueCore(AsArray(a), true, false, false);
        return (r.Values, r.Index.OrThrow());
    }

    public static (NdArray, NdArray, NdArray) UniqueInverseCounts(object? a)
    {
        var r = UniqueCore(AsArray(a), false, true, true);
        return (r.Values, r.Inverse.OrThrow(), r.Counts.OrThrow());
    }

    public static (NdArray, NdArray, NdArray) UniqueIndexCounts(object? a)
    {
        var r = UniqueCore(AsArray(a), true, false, true);
        return (r.Values, r.Index.OrThrow(), r.Counts.OrThrow());
    }

    public static (NdArray, NdArray, NdArray) UniqueIndexInverse(object? a)
    {
        var r = UniqueCore(AsArray(a), true, true, false);
        return (r.Values, r.Index.OrThrow(), r.Inverse.OrThrow());
    }

    public static (NdArray, NdArray, NdArray, NdArray) UniqueAll(object? a)
    {
        var r = UniqueCore(AsArray(a), true, true, true);
        return (r.Values, r.Index.OrThrow(), r.Inverse.OrThrow(), r.Counts.OrThrow());
    }

    /// <summary>
    /// <c>np.lexsort(keys)</c>: indices that sort by the last key, then the one before, ...; stable (ties keep
    /// their order). Keys are 1-D arrays of numbers (NaN last) or strings (code-point order).
    /// </summary>
    public static NdArray LexSort(object? keys)
    {
        List<NdArray> list = keys switch
        {
            NdArray a when a.Ndim == 2 => Enumerable.Range(0, a.Dims[0]).Select(i => (NdArray)a.GetItem(NpIndex.At(i)).OrThrow()).ToList(),
            NdArray a => [a],
            ITuple t => Enumerable.Range(0, t.Length).Select(i => AsArray(t[i])).ToList(),
            System.Collections.IEnumerable e => e.Cast<object?>().Select(x => AsArray(x)).ToList(),
            _ => throw new TypeError("need sequence of keys with len > 0 in lexsort"),
        };
        if (list.Count == 0) throw new TypeError("need sequence of keys with len > 0 in lexsort");
        int n = list[0].Size;
        if (list.Any(k => k.Size != n || k.Ndim != list[0].Ndim)) throw new ValueError("all keys need to be the same shape");
        var compares = list.Select<NdArray, Comparison<int>>(k =>
        {
            if (k.Kind == NpKind.Str) { var v = k.Ravel().ToStrings(); return (x, y) => string.CompareOrdinal(v[x], v[y]); }
            if (k.Kind is NpKind.Float32 or NpKind.Float64)
            {
                var v = k.Ravel().ToDoubles();
                return (x, y) => double.IsNaN(v[x]) ? (double.IsNaN(v[y]) ? 0 : 1) : double.IsNaN(v[y]) ? -1 : v[x].CompareTo(v[y]);
            }
            var l = k.Ravel().ToLongs();
            return (x, y) => l[x].CompareTo(l[y]);
        }).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        System.Array.Sort(order, (x, y) =>
        {
            for (int k = compares.Length - 1; k >= 0; k--)
            {
                int c = compares[k](x, y);
                if (c != 0) return c;
            }
            return x.CompareTo(y);
        });
        return NdArray.FromLongs(order.Select(i => (long)i).ToArray(), [n]);
    }

    // ---- set operations ----

    /// <summary>Membership of each element of <paramref name="a"/> among <paramref name="test"/>'s values (NaN is never a member).</summary>
    private static bool[] Members(NdArray a, NdArray test)
    {
        if (a.Kind == NpKind.Str || test.Kind == NpKind.Str)
        {
            if (a.Kind != test.Kind) return new bool[a.Size];
            var codes = test.Ravel().Codes().ToHashSet();
            return a.Ravel().Codes().Select(codes.Contains).ToArray();
        }
        var values = test.ToDoubles().Where(v => !double.IsNaN(v)).ToHashSet();
        return a.ToDoubles().Select(v => !double.IsNaN(v) && values.Contains(v == 0 ? 0.0 : v)).ToArray();
    }

    /// <summary><c>np.isin(element, test_elements, invert=False)</c>: a bool array shaped like element.</summary>
    public static NdArray IsIn(object? element, object? testElements, bool invert = false)
    {
        var a = AsArray(element);
        var m = Members(a, AsArray(testElements));
        if (invert) for (int i = 0; i < m.Length; i++) m[i] = !m[i];
        return NdArray.FromBools(m, a.Dims);
    }

    /// <summary><c>np.in1d(ar1, ar2, invert=False)</c>: as isin, flattened.</summary>
    public static NdArray In1d(object? ar1, object? ar2, bool invert = false) => IsIn(AsArray(ar1).Ravel(), ar2, invert);

    /// <summary><c>np.intersect1d(ar1, ar2)</c>: sorted distinct values in both.</summary>
    public static NdArray Intersect1d(object? ar1, object? ar2)
    {
        var u = Unique(ar1);
        return (NdArray)u.GetItem(NpIndex.Of(IsIn(u, Unique(ar2)))).OrThrow();
    }

    /// <summary><c>np.setdiff1d(ar1, ar2)</c>: sorted distinct values of ar1 not in ar2.</summary>
    public static NdArray Setdiff1d(object? ar1, object? ar2)
    {
        var u = Unique(ar1);
        return (NdArray)u.GetItem(NpIndex.Of(IsIn(u, ar2, invert: true))).OrThrow();
    }

    /// <summary><c>np.union1d(ar1, ar2)</c>: sorted distinct values of either.</summary>
    public static NdArray Union1d(object? ar1, object? ar2) => Unique(Join([AsArray(ar1).Ravel(), AsArray(ar2).Ravel()], 0, "union1d"));

    // ---- rearranging ----

    /// <summary><c>np.flip(a, axis=None)</c>: a view with reversed axes.</summary>
    public static NdArray Flip(NdArray a, object? axis = null)
    {
        var index = new NpIndex[a.Ndim];
        for (int d = 0; d < index.Length; d++) index[d] = axis is null || a.NormalizeAxis(ToLong(axis)) == d ? NpIndex.Slice(null, null, -1) : NpIndex.All;
        return a.BasicView(index);
    }

    public static NdArray Fliplr(NdArray a) => Flip(a, new PyInt(1));

    public static NdArray Flipud(NdArray a) => Flip(a, new PyInt(0));

    /// <summary><c>np.roll(a, shift, axis=None)</c></summary>
    public static NdArray Roll(NdArray a, long shift, object? axis = null)
    {
        if (axis is null)
        {
            var flat = a.Ravel();
            int n = flat.Size;
            if (n == 0) return a.Copy();
            long s = ((shift % n) + n) % n;
            var idx = Enumerable.Range(0, n).Select(i => (long)((i - s + n) % n)).ToArray();
            return ((NdArray)flat.GetItem(NpIndex.Of(NdArray.FromLongs(idx, [n]))).OrThrow()).Reshape(a.Dims);
        }
        int ax = a.NormalizeAxis(ToLong(axis));
        int m = a.Dims[ax];
        if (m == 0) return a.Copy();
        long sh = ((shift % m) + m) % m;
        var order = Enumerable.Range(0, m).Select(i => (long)((i - sh + m) % m)).ToArray();
        var index = new NpIndex[ax + 1];
        for (int d = 0; d < ax; d++) index[d] = NpIndex.All;
        index[ax] = NpIndex.Of(NdArray.FromLongs(order, [m]));
        return (NdArray)a.GetItem(index).OrThrow();
    }

    /// <summary><c>np.nonzero(a)</c>: one index array per dimension.</summary>
    public static PyTuple Nonzero(object? a)
    {
        var arr = AsArray(a);
        var t = arr.Truths();
        var dims = arr.Ndim == 0 ? new[] { 1 } : arr.Dims;
        var coords = Enumerable.Range(0, dims.Length).Select(_ => new List<long>()).ToArray();
        for (int flat = 0; flat < t.Length; flat++)
        {
            if (!t[flat]) continue;
            var c = NdArray.Unravel(flat, dims);
            for (int d = 0; d < dims.Length; d++) coords[d].Add(c[d]);
        }
        return new PyTuple(coords.Select(c => (object?)NdArray.FromLongs(c.ToArray(), [c.Count])).ToArray());
    }

    /// <summary><c>np.nonzero</c> of a 1-D array, as the one-element tuple numpy returns.</summary>
    public static ValueTuple<NdArray> Nonzero1(object? a) => new((NdArray)Nonzero(a)[0].OrThrow());

    /// <summary><c>np.nonzero</c> of a matrix: (rows, cols).</summary>
    public static (NdArray, NdArray) Nonzero2(object? a)
    {
        var t = Nonzero(a);
        return ((NdArray)t[0].OrThrow(), (NdArray)t[1].OrThrow());
    }

    /// <summary><c>np.where(cond)</c> with one argument: <c>np.nonzero</c>.</summary>
    public static PyTuple Where(object? condition) => Nonzero(condition);

    /// <summary><c>np.flatnonzero(a)</c></summary>
    public static NdArray FlatNonzero(object? a) => (NdArray)Nonzero(AsArray(a).Ravel())[0].OrThrow();

    /// <summary><c>np.argwhere(a)</c>: (count, ndim) coordinates.</summary>
    public static NdArray ArgWhere(object? a)
    {
        var arr = AsArray(a);
        var nz = Nonzero(arr);
        int count = ((NdArray)nz[0].OrThrow()).Size;
        int nd = nz.Count;
        var r = new long[count * nd];
        for (int d = 0; d < nd; d++)
        {
            var c = ((NdArray)nz[d].OrThrow()).ToLongs();
            for (int i = 0; i < count; i++) r[i * nd + d] = c[i];
        }
        return NdArray.FromLongs(r, [count, nd]);
    }

    /// <summary><c>np.take(a, indices, axis=None)</c></summary>
    public static NdArray Take(NdArray a, object? indices, object? axis = null)
    {
        var idx = NpIndex.Of(AsArray(indices));
        if (axis is null) return (NdArray)a.Ravel().GetItem(idx).OrThrow();
        int ax = a.NormalizeAxis(ToLong(axis));
        var index = new NpIndex[ax + 1];
        for (int d = 0; d < ax; d++) index[d] = NpIndex.All;
        index[ax] = idx;
        return (NdArray)a.GetItem(index).OrThrow();
    }

    /// <summary><c>np.append(a, values, axis=None)</c></summary>
    public static NdArray Append(object? a, object? values, object? axis = null)
    {
        var x = AsArray(a);
        var y = AsArray(values);
        if (axis is null) return Join([x.Ravel(), y.Ravel()], 0, "append");
        return Join([x, y], (int)ToLong(axis), "append");
    }

    /// <summary><c>np.tile(a, reps)</c></summary>
    public static NdArray Tile(object? a, object? reps)
    {
        var arr = AsArray(a);
        var r = ShapeOf(reps);
        int nd = Math.Max(arr.Ndim, r.Length);
        var dims = Enumerable.Repeat(1, nd - arr.Ndim).Concat(arr.Dims).ToArray();
        var reps2 = Enumerable.Repeat(1, nd - r.Length).Concat(r).ToArray();
        var cur = arr.Reshape(dims);
        for (int d = nd - 1; d >= 0; d--)
        {
            if (reps2[d] == 1) continue;
            cur = Join(Enumerable.Repeat(cur, reps2[d]).ToList(), d, "tile");
        }
        return ReferenceEquals(cur, arr) ? arr.Copy() : cur;
    }

    /// <summary><c>np.repeat(a, repeats, axis=None)</c></summary>
    public static NdArray Repeat(object? a, object? repeats, object? axis = null)
    {
        var arr = AsArray(a);
        var src = axis is null ? arr.Ravel() : arr;
        int ax = axis is null ? 0 : src.NormalizeAxis(ToLong(axis));
        int n = src.Dims[ax];
        var counts = repeats is PyInt or long or int ? Enumerable.Repeat(ToLong(repeats), n).ToArray() : AsArray(repeats).ToLongs();
        if (counts.Length != n) throw new ValueError($"operands could not be broadcast together with shape ({n},) ({counts.Length},)");
        var order = new List<long>();
        for (int i = 0; i < n; i++) for (long k = 0; k < counts[i]; k++) order.Add(i);
        var index = new NpIndex[ax + 1];
        for (int d = 0; d < ax; d++) index[d] = NpIndex.All;
        index[ax] = NpIndex.Of(NdArray.FromLongs(order.ToArray(), [order.Count]));
        return (NdArray)src.GetItem(index).OrThrow();
    }

    /// <summary><c>np.diff(a, n=1, axis=-1)</c></summary>
    public static NdArray Diff(NdArray a, long n = 1, long axis = -1)
    {
        var cur = a;
        for (long k = 0; k < n; k++)
        {
            int ax = cur.NormalizeAxis(axis);
            int len = cur.Dims[ax];
            var hi = new NpIndex[ax + 1];
            var lo = new NpIndex[ax + 1];
            for (int d = 0; d < ax; d++) { hi[d] = NpIndex.All; lo[d] = NpIndex.All; }
            hi[ax] = NpIndex.Slice(1, null);
            lo[ax] = NpIndex.Slice(null, Math.Max(len - 1, 0));
            cur = cur.Kind == NpKind.Bool ? NdArray.Binary(NpBinary.BitXor, cur.BasicView(hi), cur.BasicView(lo)) : NdArray.Binary(NpBinary.Subtract, cur.BasicView(hi), cur.BasicView(lo));
        }
        return cur;
    }

    /// <summary><c>np.searchsorted(a, v, side='left')</c></summary>
    public static object SearchSorted(NdArray a, object? v, string side = "left")
    {
        var sorted = a.ToDoubles();
        long Find(double x)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                bool goRight = side == "left" ? sorted[mid] < x : sorted[mid] <= x;
                if (goRight) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
        if (v is NdArray or (IEnumerable and not string))
        {
            var arr = AsArray(v);
            return NdArray.FromLongs(arr.ToDoubles().Select(Find).ToArray(), arr.Dims);
        }
        return new PyInt(Find(ToDouble(v)));
    }

    /// <summary><c>np.digitize(x, bins, right=False)</c> for increasing bins.</summary>
    public static NdArray Digitize(object? x, NdArray bins, bool right = false) =>
        (NdArray)SearchSorted(bins, AsArray(x), right ? "left" : "right");

    // ---- module-level forms of array methods ----

    public static NdArray Reshape(NdArray a, object? shape) => a.ReshapeTo(shape);

    public static NdArray Transpose(NdArray a, object? axes = null) => axes is null ? a.T : a.Transpose(ShapeOf(axes));

    public static NdArray Ravel(NdArray a) => a.Ravel();

    public static NdArray Squeeze(NdArray a, object? axis = null) => a.Squeeze(axis);

    public static NdArray ExpandDims(NdArray a, long axis) => a.ExpandDims(axis);

    public static NdArray SwapAxes(NdArray a, long x, long y) => a.SwapAxes(x, y);

    public static NdArray BroadcastTo(NdArray a, object? shape) => a.BroadcastTo(ShapeOf(shape));

    /// <summary><c>np.meshgrid(x, y)</c> (indexing='xy')</summary>
    public static PyList<NdArray> Meshgrid(NdArray x, NdArray y)
    {
        int nx = x.Size, ny = y.Size;
        var xs = x.Ravel().Reshape(1, nx).BroadcastTo([ny, nx]).Copy();
        var ys = y.Ravel().Reshape(ny, 1).BroadcastTo([ny, nx]).Copy();
        return new PyList<NdArray> { xs, ys };
    }

    /// <summary><c>np.fill_diagonal(a, val)</c>: in place; val a number or a sequence used cyclically (2-D a, wrap=False).</summary>
    public static void FillDiagonal(NdArray a, object? val)
    {
        if (a.Ndim < 2) throw new ValueError("array must be at least 2-d");
        var dims = a.Dims;
        if (a.Ndim > 2 && System.Array.Exists(dims, d => d != dims[0])) throw new ValueError("All dimensions of input must be of equal length");
        int n = dims.Min();
        var values = val is NdArray or System.Collections.IEnumerable and not string ? AsArray(val).Ravel() : null;
        if (values is not null && values.Size == 0) return;
        for (int k = 0; k < n; k++)
        {
            var index = new NpIndex[a.Ndim];
            for (int d = 0; d < index.Length; d++) index[d] = k;
            a.SetItem(values is null ? val : values.GetItem(k % values.Size), index);
        }
    }

    /// <summary><c>np.triu(m, k=0)</c> / <c>np.tril</c></summary>
    public static NdArray Triu(NdArray m, long k = 0) => Triangle(m, k, upper: true);

    public static NdArray Tril(NdArray m, long k = 0) => Triangle(m, k, upper: false);

    private static NdArray Triangle(NdArray m, long k, bool upper)
    {
        var dims = m.Dims;
        int rows = dims[^2], cols = dims[^1];
        var mask = new bool[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                mask[i * cols + j] = upper ? j - i >= k : j - i <= k;
        var keep = NdArray.FromBools(mask, [rows, cols]);
        return Where(keep, m, Zeros(m.Dims, m.DType));
    }

    internal static T[] Gather<T>(T[] src, long[] idx) where T : INumber<T>
    {
        var r = new T[idx.Length];
        for (int i = 0; i < r.Length; i++) r[i] = src[idx[i]];
        return r;
    }
}

/// <summary>numpy's argsort algorithms: the default introsort (aquicksort) and a stable sort.</summary>
internal static class NpSort
{
    private const int SmallQuicksort = 15;

    private static bool Less(double a, double b) => a < b || (double.IsNaN(b) && !double.IsNaN(a));

    private static bool Less(long a, long b) => a < b;

    public static long[] ArgSort(double[] v, bool stable)
    {
        var t = new long[v.Length];
        for (int i = 0; i < t.Length; i++) t[i] = i;
        if (stable)
        {
            var keys = t.OrderBy(i => v[i], Comparer<double>.Create((a, b) => Less(a, b) ? -1 : Less(b, a) ? 1 : 0)).ToArray();
            return keys;
        }
        AQuickSort(v, t, Less);
        return t;
    }

    public static long[] ArgSort(string[] v, bool stable)
    {
        var t = new long[v.Length];
        for (int i = 0; i < t.Length; i++) t[i] = i;
        if (stable) return t.OrderBy(i => v[i], StringComparer.Ordinal).ToArray();
        AQuickSort(v, t, (a, b) => string.CompareOrdinal(a, b) < 0);
        return t;
    }

    public static long[] ArgSort(long[] v, bool stable)
    {
        var t = new long[v.Length];
        for (int i = 0; i < t.Length; i++) t[i] = i;
        if (stable) return t.OrderBy(i => v[i]).ToArray();
        AQuickSort(v, t, Less);
        return t;
    }

    /// <summary>numpy's <c>aquicksort_</c> (npysort/quicksort.cpp), index for index.</summary>
    private static void AQuickSort<T>(T[] v, long[] tosort, Func<T, T, bool> less)
    {
        int num = tosort.Length;
        if (num <= 1) return;
        int pl = 0, pr = num - 1;
        var stack = new Stack<(int, int, int)>();
        int cdepth = (31 - BitOperations.LeadingZeroCount((uint)num)) * 2;
        while (true)
        {
            if (cdepth < 0)
            {
                AHeapSort(v, tosort, pl, pr - pl + 1, less);
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    int pm = pl + ((pr - pl) >> 1);
                    if (less(v[tosort[pm]], v[tosort[pl]])) Swap(tosort, pm, pl);
                    if (less(v[tosort[pr]], v[tosort[pm]])) Swap(tosort, pr, pm);
                    if (less(v[tosort[pm]], v[tosort[pl]])) Swap(tosort, pm, pl);
                    T vp = v[tosort[pm]];
                    int pi = pl, pj = pr - 1;
                    Swap(tosort, pm, pj);
                    while (true)
                    {
                        do { ++pi; } while (less(v[tosort[pi]], vp));
                        do { --pj; } while (less(vp, v[tosort[pj]]));
                        if (pi >= pj) break;
                        Swap(tosort, pi, pj);
                    }
                    int pk = pr - 1;
                    Swap(tosort, pi, pk);
                    cdepth--;
                    if (pi - pl < pr - pi)
                    {
                        stack.Push((pi + 1, pr, cdepth));
                        pr = pi - 1;
                    }
                    else
                    {
                        stack.Push((pl, pi - 1, cdepth));
                        pl = pi + 1;
                    }
                }
                for (int pi = pl + 1; pi <= pr; ++pi)
                {
                    long vi = tosort[pi];
                    T vv = v[vi];
                    int pj = pi, pk = pi - 1;
                    while (pj > pl && less(vv, v[tosort[pk]]))
                    {
                        tosort[pj--] = tosort[pk--];
                    }
                    tosort[pj] = vi;
                }
            }
            if (stack.Count == 0) break;
            (pl, pr, cdepth) = stack.Pop();
        }
    }

    private static void AHeapSort<T>(T[] v, long[] t, int lo, int n, Func<T, T, bool> less)
    {
        // 1-based heap over t[lo .. lo + n - 1]
        long A(int k) => t[lo + k - 1];
        void Set(int k, long val) => t[lo + k - 1] = val;
        int i, j, l;
        long tmp;
        for (l = n >> 1; l > 0; --l)
        {
            tmp = A(l);
            for (i = l, j = l << 1; j <= n;)
            {
                if (j < n && less(v[A(j)], v[A(j + 1)])) j += 1;
                if (less(v[tmp], v[A(j)])) { Set(i, A(j)); i = j; j += j; }
                else break;
            }
            Set(i, tmp);
        }
        for (; n > 1;)
        {
            tmp = A(n);
            Set(n, A(1));
            n -= 1;
            for (i = 1, j = 2; j <= n;)
            {
                if (j < n && less(v[A(j)], v[A(j + 1)])) j++;
                if (less(v[tmp], v[A(j)])) { Set(i, A(j)); i = j; j += j; }
                else break;
            }
            Set(i, tmp);
        }
    }

    private static void Swap(long[] t, int a, int b) => (t[a], t[b]) = (t[b], t[a]);
}
