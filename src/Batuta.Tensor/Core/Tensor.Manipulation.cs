using Batuta.Tensors.Backends;
using Batuta.Tensors.Engine;
using Batuta.Tensors.Operators;
using Batuta.Tensors.Primitives;

namespace Batuta.Tensors;

public static partial class Tensor
{
    /// <summary>numpy's <c>concatenate</c>: joins tensors along an existing axis; all other dimensions must match.</summary>
    public static Tensor<T> Concatenate<T>(IReadOnlyList<Tensor<T>> tensors, int axis = 0) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("concatenate: need at least one tensor.", nameof(tensors));
        var first = tensors[0];
        if (first.Rank == 0) throw new TensorShapeException("concatenate", first.Shape, "is 0-d: zero-dimensional tensors cannot be concatenated.");
        int a = Layout.NormalizeAxis("concatenate", axis, first.Rank, first.Shape);
        var shape = first.ShapeArray.ToArray();
        int total = 0;
        foreach (var t in tensors)
        {
            t.ThrowIfDisposed();
            if (t.Rank != first.Rank)
                throw new TensorShapeException("concatenate", first.Shape, t.Shape, $"differ in rank ({first.Rank} vs {t.Rank}): all inputs need the same number of dimensions.");
            for (int i = 0; i < shape.Length; i++)
            {
                if (i != a && t.ShapeArray[i] != shape[i])
                    throw new TensorShapeException("concatenate", first.Shape, t.Shape, $"differ along axis {i} ({shape[i]} vs {t.ShapeArray[i]}): only the concatenation axis {a} may differ.");
            }
            total += t.ShapeArray[a];
        }
        shape[a] = total;
        var result = Tensor<T>.Allocate(shape, clear: false);
        int offset = 0;
        foreach (var t in tensors)
        {
            int len = t.ShapeArray[a];
            if (len > 0)
            {
                using var slot = result.Slice(a, offset, offset + len);
                slot.CopyFrom(t);
            }
            offset += len;
        }
        return result;
    }

    public static Tensor<T> Concatenate<T>(params Tensor<T>[] tensors) where T : unmanaged, INumber<T> => Concatenate((IReadOnlyList<Tensor<T>>)tensors, 0);

    /// <summary>numpy's <c>stack</c>: joins equal-shaped tensors along a new axis.</summary>
    public static Tensor<T> Stack<T>(IReadOnlyList<Tensor<T>> tensors, int axis = 0) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("stack: need at least one tensor.", nameof(tensors));
        var first = tensors[0];
        foreach (var t in tensors)
        {
            if (!t.ShapeArray.AsSpan().SequenceEqual(first.ShapeArray))
                throw new TensorShapeException("stack", first.Shape, t.Shape, "differ: all input tensors must have the same shape.");
        }
        int a = axis < 0 ? axis + first.Rank + 1 : axis;
        if (a < 0 || a > first.Rank) throw new TensorShapeException("stack", first.Shape, $"has no insertion point {axis} for the new axis (valid: {-first.Rank - 1}..{first.Rank}).");
        var expanded = tensors.Select(t => t.ExpandDims(a)).ToList();
        try
        {
            return Concatenate(expanded, a);
        }
        finally
        {
            foreach (var e in expanded) e.Dispose();
        }
    }

    public static Tensor<T> Stack<T>(params Tensor<T>[] tensors) where T : unmanaged, INumber<T> => Stack((IReadOnlyList<Tensor<T>>)tensors, 0);

    /// <summary>numpy's <c>take(x, indices, axis)</c> (fancy indexing <c>x[indices]</c> along an axis); negative indices count from the end.</summary>
    public static Tensor<T> Take<T>(this Tensor<T> x, Tensor<long> indices, int axis = 0) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        int a = Layout.NormalizeAxis("take", axis, x.Rank, x.Shape);
        int d = x.ShapeArray[a];
        using var flat = indices.Flatten();
        var idx = flat.ToArray();
        var shape = x.ShapeArray.ToArray();
        shape[a] = idx.Length;
        var result = Tensor<T>.Allocate(shape, clear: false);
        try
        {
            for (int i = 0; i < idx.Length; i++)
            {
                long j = idx[i] < 0 ? idx[i] + d : idx[i];
                if ((ulong)j >= (ulong)d) throw new IndexOutOfRangeException($"take: index {idx[i]} is out of bounds for axis {axis} with size {d} (shape {x.Shape}).");
                using var src = x.Select(a, (int)j);
                using var dst = result.Select(a, i);
                dst.CopyFrom(src);
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }
        return result;
    }

    /// <summary>numpy's <c>compress(condition, x, axis)</c>: the slices along <paramref name="axis"/> where <paramref name="condition"/> is non-zero (boolean-mask indexing).</summary>
    public static Tensor<T> Compress<T, TMask>(this Tensor<T> x, Tensor<TMask> condition, int axis = 0) where T : unmanaged, INumber<T> where TMask : unmanaged, INumber<TMask>
    {
        ArgumentNullException.ThrowIfNull(condition);
        int a = Layout.NormalizeAxis("compress", axis, x.Rank, x.Shape);
        if (condition.Rank != 1 || condition.Length > x.ShapeArray[a])
            throw new TensorShapeException("compress", x.Shape, condition.Shape, $"do not fit: the condition must be 1-D and no longer than axis {axis} ({x.ShapeArray[a]}).");
        var mask = condition.ToArray();
        var picks = new List<long>();
        for (int i = 0; i < mask.Length; i++) if (mask[i] != TMask.Zero) picks.Add(i);
        using var idx = Create<long>(picks.ToArray());
        return Take(x, idx, a);
    }

    /// <summary>numpy's <c>where(condition, x, y)</c>: x where condition is non-zero, else y; all three broadcast.</summary>
    public static Tensor<T> Where<T>(Tensor<T> condition, Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Ternary<T, WhereOperator<T>>("where", condition, x, y, destination);

    public static Tensor<T> Where<T>(Tensor<T> condition, T x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
    {
        using var xs = Scalar(x);
        using var ys = Scalar(y);
        return Where(condition, xs, ys, destination);
    }

    /// <summary>x · y + addend in one pass (fused multiply-add for float and double), all three broadcasting.</summary>
    public static Tensor<T> MultiplyAdd<T>(Tensor<T> x, Tensor<T> y, Tensor<T> addend, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Ternary<T, MultiplyAddOperator<T>>("multiply_add", x, y, addend, destination, 2);

    /// <summary>numpy's <c>clip(x, low, high)</c> = min(max(x, low), high); NaN stays NaN.</summary>
    public static Tensor<T> Clip<T>(this Tensor<T> x, T low, T high, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
    {
        using var lo = Scalar(low);
        using var hi = Scalar(high);
        return ElementWise.Ternary<T, ClipOperator<T>>("clip", x, lo, hi, destination);
    }

    public static Tensor<T> Clip<T>(this Tensor<T> x, Tensor<T> low, Tensor<T> high, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Ternary<T, ClipOperator<T>>("clip", x, low, high, destination);

    /// <summary>numpy's <c>cumsum</c> along <paramref name="axis"/>, or over the flattened tensor when axis is null.</summary>
    public static unsafe Tensor<T> CumSum<T>(this Tensor<T> x, int? axis = null) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        if (axis is null)
        {
            using var flat = x.Flatten();
            return CumSum(flat, 0);
        }
        var (outer, len, inner, _) = Reduction.Geometry("cumsum", x, axis.Value, keepDims: true);
        var plan = Dispatch.Plan(OperationCost.ElementWise("cumsum", x.Length, 1, sizeof(T), 1, true, false));
        using var c = x.Contiguous();
        var result = Tensor<T>.Allocate(x.ShapeArray, clear: false);
        if (x.Length == 0) return result;
        T* s = c.Pointer, d = result.Pointer;
        int bits = plan.SimdBits;
        Reduction.ForOuter(outer, (long)len * inner, o =>
        {
            T* src = s + (long)o * len * inner, dst = d + (long)o * len * inner;
            if (inner == 1)
            {
                T acc = T.Zero;
                for (int i = 0; i < len; i++) dst[i] = acc += src[i];
                return;
            }
            new ReadOnlySpan<T>(src, inner).CopyTo(new Span<T>(dst, inner));
            for (int a = 1; a < len; a++)
                SimdLoops.BinaryCore<T, AddOperator<T>>(ref Unsafe.AsRef<T>(dst + (long)(a - 1) * inner), ref Unsafe.AsRef<T>(src + (long)a * inner), ref Unsafe.AsRef<T>(dst + (long)a * inner), (nuint)inner, bits);
        });
        return result;
    }

    /// <summary>Sorted copy along <paramref name="axis"/> (default: last). NaN sorts last, as in numpy.</summary>
    public static unsafe Tensor<T> Sort<T>(this Tensor<T> x, int axis = -1) where T : unmanaged, INumber<T>
    {
        if (x.Rank == 0) return x.Clone();
        var (outer, len, inner, _) = Reduction.Geometry("sort", x, axis, keepDims: true);
        var result = x.Clone();
        T* d = result.Pointer;
        Reduction.ForOuter(outer * inner, (long)len * 16, lane =>
        {
            int o = lane / inner, j = lane % inner;
            T* start = d + (long)o * len * inner + j;
            if (inner == 1)
            {
                SortLane(new Span<T>(start, len));
                return;
            }
            var buf = new T[len];
            for (int i = 0; i < len; i++) buf[i] = start[(long)i * inner];
            SortLane(buf);
            for (int i = 0; i < len; i++) start[(long)i * inner] = buf[i];
        });
        return result;
    }

    /// <summary>Indices that sort along <paramref name="axis"/> (default: last); stable, NaN last.</summary>
    public static unsafe Tensor<long> ArgSort<T>(this Tensor<T> x, int axis = -1) where T : unmanaged, INumber<T>
    {
        if (x.Rank == 0) return Tensor.Scalar(0L);
        var (outer, len, inner, _) = Reduction.Geometry("argsort", x, axis, keepDims: true);
        using var c = x.Contiguous();
        var result = Tensor<long>.Allocate(x.ShapeArray, clear: false);
        T* s = c.Pointer;
        long* d = result.Pointer;
        Reduction.ForOuter(outer * inner, (long)len * 32, lane =>
        {
            int o = lane / inner, j = lane % inner;
            long baseOffset = (long)o * len * inner + j;
            var keys = new T[len];
            var idx = new long[len];
            for (int i = 0; i < len; i++)
            {
                keys[i] = s[baseOffset + (long)i * inner];
                idx[i] = i;
            }
            Array.Sort(idx, (p, q) =>
            {
                int cmp = CompareNaNLast(keys[p], keys[q]);
                return cmp != 0 ? cmp : p.CompareTo(q);
            });
            for (int i = 0; i < len; i++) d[baseOffset + (long)i * inner] = idx[i];
        });
        return result;
    }

    private static void SortLane<T>(Span<T> lane) where T : unmanaged, INumber<T>
    {
        // Move NaNs to the end first: .NET orders NaN before everything, numpy after.
        int w = 0;
        int nan = 0;
        for (int i = 0; i < lane.Length; i++)
        {
            if (T.IsNaN(lane[i])) nan++;
            else lane[w++] = lane[i];
        }
        var head = lane[..w];
        head.Sort();
        if (nan > 0) lane[w..].Fill(T.CreateTruncating(double.NaN));
    }

    private static int CompareNaNLast<T>(T a, T b) where T : INumber<T>
    {
        bool an = T.IsNaN(a), bn = T.IsNaN(b);
        if (an || bn) return an == bn ? 0 : an ? 1 : -1;
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
