using System.Numerics;
using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

public sealed partial class NdArray
{
    /// <summary><c>a[index]</c>: a view for basic indexing, a copy for index arrays and masks, a Python scalar when every axis is picked by an integer.</summary>
    public object? GetItem(params NpIndex[] index)
    {
        if (Array.TrueForAll(index, ix => ix.Kind == NpIndex.IndexKind.Int) && index.Length == Ndim)
            return ElementAt(index);
        if (Array.Exists(index, ix => ix.Kind == NpIndex.IndexKind.Array))
            return Advanced(index, null);
        var view = BasicView(index);
        return view;
    }

    /// <summary><c>a[index]</c> where the result is known to be an array.</summary>
    public NdArray GetArray(params NpIndex[] index) => GetItem(index) switch
    {
        NdArray a => a,
        var scalar => Np.Array(scalar),
    };

    /// <summary><c>a[i, j, ...]</c> of a float array, every axis picked.</summary>
    public double GetFloat(params NpIndex[] index) => GetItem(index) switch
    {
        double d => d,
        PyInt i => i.ToDouble(),
        bool b => b ? 1 : 0,
        var other => Dyn.Cast<double>(other),
    };

    public PyInt GetInt(params NpIndex[] index) => GetItem(index) switch
    {
        PyInt i => i,
        bool b => new PyInt(b ? 1 : 0),
        var other => Dyn.Cast<PyInt>(other),
    };

    public bool GetBool(params NpIndex[] index) => Dyn.Truth(GetItem(index));

    /// <summary><c>a[index] = value</c> (value: a Python scalar, a list, or an array; broadcast to the selection).</summary>
    public void SetItem(object? value, params NpIndex[] index)
    {
        if (Array.Exists(index, ix => ix.Kind == NpIndex.IndexKind.Array))
        {
            Advanced(index, value);
            return;
        }
        var view = BasicView(index);
        view.Assign(value);
    }

    /// <summary>Overwrites every element with <paramref name="value"/>, broadcast numpy style (this array's dtype wins).</summary>
    internal void Assign(object? value)
    {
        var src = Stored(value);
        switch (_data)
        {
            case Tensor<double> t: t.CopyFrom(src.StorageAs<double>()); break;
            case Tensor<float> t: t.CopyFrom(src.StorageAs<float>()); break;
            case Tensor<int> t: t.CopyFrom(src.StorageAs<int>()); break;
            case Tensor<long> t: t.CopyFrom(Kind == NpKind.Bool ? src.AsType(NpDType.Bool).StorageAs<long>() : src.StorageAs<long>()); break;
        }
    }

    /// <summary>The storage converted to <typeparamref name="T"/> (no copy when it already is).</summary>
    internal Tensor<T> StorageAs<T>() where T : unmanaged, INumber<T> => _data as Tensor<T> ?? Convert<T>();

    private object? ElementAt(NpIndex[] index)
    {
        var dims = DimsInternal;
        var pos = new int[dims.Length];
        for (int a = 0; a < dims.Length; a++) pos[a] = CheckedIndex(index[a].Value, a, dims[a]);
        return _data switch
        {
            Tensor<double> t => t[pos],
            Tensor<float> t => (double)t[pos],
            Tensor<long> t => Kind == NpKind.Bool ? t[pos] != 0 : Kind == NpKind.Str ? NpStrings.Of(t[pos]) : new PyInt(t[pos]),
            Tensor<int> t => new PyInt(t[pos]),
            _ => null,
        };
    }

    /// <summary><c>a[i, j, ...]</c> of a string array, every axis picked.</summary>
    public string GetStr(params NpIndex[] index) => GetItem(index) switch
    {
        string s => s,
        var other => Runtime.Str.Of(other),
    };

    /// <summary>A value stored into this array in this array's dtype: numbers become strings in a string array and strings are parsed in a number array, as numpy casts them.</summary>
    private NdArray Stored(object? value)
    {
        var src = value as NdArray ?? Np.Array(value);
        if (Kind == NpKind.Str) return (src.Kind == NpKind.Str ? src : src.AsType(NpDType.Str(0))).Truncated(DType.ItemSize / 4);
        if (Kind != NpKind.Str && src.Kind == NpKind.Str) return src.AsType(NpDType.Of(Kind));
        return src;
    }

    internal static int CheckedIndex(long i, int axis, int size)
    {
        long j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) throw new IndexError($"index {i} is out of bounds for axis {axis} with size {size}");
        return (int)j;
    }

    private static int? Clamp(long? v) => v is null ? null : (int)Math.Clamp(v.Value, int.MinValue + 1, int.MaxValue);

    /// <summary>Basic indexing (integers, slices, newaxis, ellipsis): a view that shares memory.</summary>
    internal NdArray BasicView(NpIndex[] index)
    {
        var dims = DimsInternal;
        int consumed = index.Count(ix => ix.Kind is NpIndex.IndexKind.Int or NpIndex.IndexKind.Slice);
        if (consumed > dims.Length) throw new IndexError($"too many indices for array: array is {dims.Length}-dimensional, but {consumed} were indexed");
        if (index.Count(ix => ix.Kind == NpIndex.IndexKind.Ellipsis) > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
        var tix = new TensorIndex[index.Length];
        int axis = 0;
        for (int k = 0; k < index.Length; k++)
        {
            var ix = index[k];
            switch (ix.Kind)
            {
                case NpIndex.IndexKind.Int:
                    tix[k] = TensorIndex.At(CheckedIndex(ix.Value, axis, dims[axis]));
                    axis++;
                    break;
                case NpIndex.IndexKind.Slice:
                    tix[k] = TensorIndex.Slice(Clamp(ix.Start), Clamp(ix.Stop), (int)(ix.Step ?? 1));
                    axis++;
                    break;
                case NpIndex.IndexKind.NewAxis:
                    tix[k] = TensorIndex.NewAxis;
                    break;
                default:
                    tix[k] = TensorIndex.Ellipsis;
                    axis += dims.Length - consumed;
                    break;
            }
        }
        return _data switch
        {
            Tensor<double> t => new NdArray(t.View(tix), _dtype),
            Tensor<float> t => new NdArray(t.View(tix), _dtype),
            Tensor<long> t => new NdArray(t.View(tix), _dtype),
            Tensor<int> t => new NdArray(t.View(tix), _dtype),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>
    /// numpy's advanced indexing (integer arrays, boolean masks, mixed with integers and slices), for reading
    /// (<paramref name="assign"/> null: returns the gathered copy) or writing (scatters <paramref name="assign"/>).
    /// </summary>
    private object? Advanced(NpIndex[] index, object? assign)
    {
        bool writing = assign is not null;
        var dims = DimsInternal;
        // 1. expand the ellipsis and boolean masks; pad with full slices.
        int consumed = 0;
        foreach (var ix in index)
        {
            if (ix.Kind is NpIndex.IndexKind.Int or NpIndex.IndexKind.Slice) consumed++;
            else if (ix.Kind == NpIndex.IndexKind.Array) consumed += ix.Array.OrThrow().Kind == NpKind.Bool ? Math.Max(ix.Array.Ndim, 1) : 1;
        }
        if (consumed > dims.Length) throw new IndexError($"too many indices for array: array is {dims.Length}-dimensional, but {consumed} were indexed");
        var entries = new List<NpIndex>();
        var intArrays = new Dictionary<int, long[]>();
        var intShapes = new Dictionary<int, int[]>();
        int axis = 0;
        foreach (var ix in index)
        {
            switch (ix.Kind)
            {
                case NpIndex.IndexKind.Ellipsis:
                    for (int k = 0; k < dims.Length - consumed; k++, axis++) entries.Add(NpIndex.All);
                    break;
                case NpIndex.IndexKind.Array when ix.Array.OrThrow().Kind == NpKind.Bool:
                {
                    var mask = ix.Array;
                    var mdims = mask.Ndim == 0 ? new[] { 1 } : mask.Dims;
                    for (int k = 0; k < mdims.Length; k++)
                    {
                        if (axis + k >= dims.Length || mdims[k] != dims[axis + k])
                            throw new IndexError($"boolean index did not match indexed array along dimension {axis + k}; dimension is {(axis + k < dims.Length ? dims[axis + k] : 0)} but corresponding boolean dimension is {mdims[k]}");
                    }
                    var bits = mask.ToLongs();
                    int count = bits.Count(b => b != 0);
                    var coords = new long[mdims.Length][];
                    for (int k = 0; k < mdims.Length; k++) coords[k] = new long[count];
                    int n = 0;
                    for (int flat = 0; flat < bits.Length; flat++)
                    {
                        if (bits[flat] == 0) continue;
                        var c = Unravel(flat, mdims);
                        for (int k = 0; k < mdims.Length; k++) coords[k][n] = c[k];
                        n++;
                    }
                    for (int k = 0; k < mdims.Length; k++)
                    {
                        intArrays[entries.Count] = coords[k];
                        intShapes[entries.Count] = [count];
                        entries.Add(NpIndex.At(0));
                        axis++;
                    }
                    break;
                }
                case NpIndex.IndexKind.Array:
                    intArrays[entries.Count] = ix.Array.OrThrow().ToLongs();
                    intShapes[entries.Count] = ix.Array.Dims;
                    entries.Add(NpIndex.At(0));
                    axis++;
                    break;
                case NpIndex.IndexKind.Int:
                    intArrays[entries.Count] = [ix.Value];
                    intShapes[entries.Count] = [];
                    entries.Add(ix);
                    axis++;
                    break;
                case NpIndex.IndexKind.Slice:
                    entries.Add(ix);
                    axis++;
                    break;
                default:
                    entries.Add(ix);
                    break;
            }
        }
        for (; axis < dims.Length; axis++) entries.Add(NpIndex.All);

        // 2. the basic part as a view: advanced entries keep their whole axis.
        var basic = entries.Select((e, i) => intArrays.ContainsKey(i) ? NpIndex.All : e).ToArray();
        var view = BasicView(basic);
        var vdims = view.DimsInternal;
        var advAxes = new List<int>();
        var restAxes = new List<int>();
        int vaxis = 0;
        var advEntries = new List<int>();
        for (int i = 0; i < entries.Count; i++)
        {
            if (intArrays.ContainsKey(i)) { advAxes.Add(vaxis); advEntries.Add(i); vaxis++; }
            else if (entries[i].Kind is NpIndex.IndexKind.Slice or NpIndex.IndexKind.NewAxis) { restAxes.Add(vaxis); vaxis++; }
        }

        // 3. broadcast the index arrays.
        var bshape = Array.Empty<int>();
        foreach (var i in advEntries) bshape = BroadcastShape(bshape, intShapes[i], "shape mismatch: indexing arrays could not be broadcast together with shapes " + string.Join(" ", advEntries.Select(j => ShapeText(intShapes[j]))));
        int bcount = bshape.Aggregate(1, (x, y) => x * y);
        var idx = new long[advEntries.Count][];
        for (int k = 0; k < advEntries.Count; k++)
        {
            var src = intArrays[advEntries[k]];
            var sshape = intShapes[advEntries[k]];
            var full = BroadcastFlat(src, sshape, bshape);
            int size = vdims[advAxes[k]];
            for (int j = 0; j < full.Length; j++)
            {
                long v = full[j];
                if (v < -size || v >= size) throw new IndexError($"index {v} is out of bounds for axis {advAxes[k]} with size {size}");
                if (v < 0) full[j] = v + size;
            }
            idx[k] = full;
        }

        // 4. the result layout: the broadcast block in place when the index arrays are adjacent, first otherwise.
        bool adjacent = advEntries.Count == 0 || advEntries[^1] - advEntries[0] == advEntries.Count - 1;
        int before = adjacent ? restAxes.Count(r => r < advAxes[0]) : 0;
        var restDims = restAxes.Select(r => vdims[r]).ToArray();
        var rshape = restDims.Take(before).Concat(bshape).Concat(restDims.Skip(before)).ToArray();
        int total = rshape.Aggregate(1, (x, y) => x * y);
        int restCount = restDims.Aggregate(1, (x, y) => x * y);

        // source offsets (C order in the view) for every result element
        var vstrides = new int[vdims.Length];
        for (int a = vdims.Length - 1, s = 1; a >= 0; a--) { vstrides[a] = s; s *= vdims[a]; }
        var offsets = new int[total];
        var restIndex = new int[restDims.Length];
        int beforeCount = restDims.Take(before).Aggregate(1, (x, y) => x * y);
        int afterCount = restCount / Math.Max(beforeCount, 1);
        if (restCount == 0) afterCount = 0;
        int o = 0;
        for (int pre = 0; pre < beforeCount; pre++)
        {
            for (int b = 0; b < bcount; b++)
            {
                int advOffset = 0;
                for (int k = 0; k < idx.Length; k++) advOffset += (int)idx[k][b] * vstrides[advAxes[k]];
                for (int post = 0; post < afterCount; post++)
                {
                    int r = pre * afterCount + post;
                    int rem = r, restOffset = 0;
                    for (int q = restDims.Length - 1; q >= 0; q--)
                    {
                        int d = restDims[q];
                        restOffset += rem % d * vstrides[restAxes[q]];
                        rem /= d;
                    }
                    offsets[o++] = advOffset + restOffset;
                }
            }
        }

        if (!writing)
        {
            return view._data switch
            {
                Tensor<double> t => Gather(t, offsets, rshape, _dtype),
                Tensor<float> t => Gather(t, offsets, rshape, _dtype),
                Tensor<long> t => Gather(t, offsets, rshape, _dtype),
                Tensor<int> t => Gather(t, offsets, rshape, _dtype),
                _ => null,
            };
        }
        var value = Stored(assign);
        if (Kind == NpKind.Bool && value.Kind != NpKind.Bool) value = value.AsType(NpDType.Bool);
        var vals = BroadcastValues(value, rshape);
        switch (view._data)
        {
            case Tensor<double> t: Scatter(t, offsets, vdims, vals.StorageAs<double>().ToArray()); break;
            case Tensor<float> t: Scatter(t, offsets, vdims, vals.StorageAs<float>().ToArray()); break;
            case Tensor<long> t: Scatter(t, offsets, vdims, vals.StorageAs<long>().ToArray()); break;
            case Tensor<int> t: Scatter(t, offsets, vdims, vals.StorageAs<int>().ToArray()); break;
        }
        return null;
    }

    private static NdArray BroadcastValues(NdArray value, int[] shape)
    {
        var vshape = value.DimsInternal;
        var target = BroadcastShape(vshape, shape, $"shape mismatch: value array of shape {ShapeText(vshape)} could not be broadcast to indexing result of shape {ShapeText(shape)}");
        if (!target.AsSpan().SequenceEqual(shape))
            throw new ValueError($"shape mismatch: value array of shape {ShapeText(vshape)} could not be broadcast to indexing result of shape {ShapeText(shape)}");
        return value.BroadcastTo(shape);
    }

    private static NdArray Gather<T>(Tensor<T> view, int[] offsets, int[] shape, NpDType kind) where T : unmanaged, INumber<T>
    {
        var src = view.ToArray();
        var dst = new T[offsets.Length];
        for (int i = 0; i < dst.Length; i++) dst[i] = src[offsets[i]];
        return new NdArray(Make(dst, shape), kind);
    }

    private static void Scatter<T>(Tensor<T> view, int[] offsets, int[] vdims, T[] values) where T : unmanaged, INumber<T>
    {
        if (view.IsContiguous)
        {
            var span = view.AsSpan();
            for (int i = 0; i < offsets.Length; i++) span[offsets[i]] = values[i];
            return;
        }
        for (int i = 0; i < offsets.Length; i++) view[Unravel(offsets[i], vdims)] = values[i];
    }

    internal static string ShapeText(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(",", shape) + ")";

    /// <summary>numpy's broadcasting of two shapes, or a ValueError with <paramref name="error"/>.</summary>
    internal static int[] BroadcastShape(int[] a, int[] b, string error)
    {
        int n = Math.Max(a.Length, b.Length);
        var r = new int[n];
        for (int i = 0; i < n; i++)
        {
            int da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            int db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1) throw new ValueError(error);
            r[i] = da == 1 ? db : da;
        }
        return r;
    }

    private static long[] BroadcastFlat(long[] src, int[] shape, int[] target)
    {
        int total = target.Aggregate(1, (x, y) => x * y);
        if (src.Length == total && shape.AsSpan().SequenceEqual(target)) return (long[])src.Clone();
        var r = new long[total];
        var sstr = new int[target.Length];
        int off = target.Length - shape.Length;
        for (int a = shape.Length - 1, s = 1; a >= 0; a--)
        {
            sstr[a + off] = shape[a] == 1 ? 0 : s;
            s *= shape[a];
        }
        for (int i = 0; i < total; i++)
        {
            int rem = i, so = 0;
            for (int a = target.Length - 1; a >= 0; a--)
            {
                so += rem % target[a] * sstr[a];
                rem /= target[a];
            }
            r[i] = src[so];
        }
        return r;
    }

    /// <summary><c>np.broadcast_to(a, shape)</c>: a read-only view with zero strides on broadcast axes.</summary>
    public NdArray BroadcastTo(int[] shape)
    {
        var mine = DimsInternal;
        var target = BroadcastShape(mine, shape, $"operands could not be broadcast together with remapped shapes [original->remapped]: {ShapeText(mine)} and requested shape {ShapeText(shape)}");
        if (!target.AsSpan().SequenceEqual(shape)) throw new ValueError($"operands could not be broadcast together with remapped shapes [original->remapped]: {ShapeText(mine)} and requested shape {ShapeText(shape)}");
        if (mine.AsSpan().SequenceEqual(shape)) return this;
        return _data switch
        {
            Tensor<double> t => new NdArray(t.BroadcastTo(shape), _dtype),
            Tensor<float> t => new NdArray(t.BroadcastTo(shape), _dtype),
            Tensor<long> t => new NdArray(t.BroadcastTo(shape), _dtype),
            Tensor<int> t => new NdArray(t.BroadcastTo(shape), _dtype),
            _ => throw new InvalidOperationException(),
        };
    }
}
