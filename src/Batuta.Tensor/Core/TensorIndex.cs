namespace Batuta.Tensors;

/// <summary>
/// One entry of a numpy-style index: an integer (selects, drops the axis), a slice
/// (<c>start:stop:step</c>, also from a C# <see cref="Range"/>), <see cref="NewAxis"/> or <see cref="Ellipsis"/>.
/// </summary>
public readonly struct TensorIndex
{
    private enum IndexKind : byte { Integer, Slice, NewAxis, Ellipsis }

    private readonly IndexKind _kind;
    private readonly int _value;
    private readonly int? _start;
    private readonly int? _stop;
    private readonly int _step;

    private TensorIndex(IndexKind kind, int value, int? start, int? stop, int step)
    {
        _kind = kind;
        _value = value;
        _start = start;
        _stop = stop;
        _step = step;
    }

    /// <summary><c>:</c>, the whole axis.</summary>
    public static TensorIndex All => new(IndexKind.Slice, 0, null, null, 1);

    /// <summary>numpy's <c>np.newaxis</c> / <c>None</c>: inserts a size-1 axis.</summary>
    public static TensorIndex NewAxis => new(IndexKind.NewAxis, 0, null, null, 1);

    /// <summary>numpy's <c>...</c>: as many full slices as needed.</summary>
    public static TensorIndex Ellipsis => new(IndexKind.Ellipsis, 0, null, null, 1);

    public static TensorIndex At(int index) => new(IndexKind.Integer, index, null, null, 1);

    /// <summary><c>start:stop:step</c> with numpy's rules (negative values count from the end, null is the default).</summary>
    public static TensorIndex Slice(int? start, int? stop, int step = 1)
    {
        if (step == 0) throw new ArgumentOutOfRangeException(nameof(step), "slice step cannot be zero.");
        return new(IndexKind.Slice, 0, start, stop, step);
    }

    public static implicit operator TensorIndex(int index) => At(index);

    /// <summary>An index from the end (<c>^1</c> is numpy's <c>-1</c>).</summary>
    public static implicit operator TensorIndex(Index index) => At(index.IsFromEnd ? -index.Value : index.Value);

    public static implicit operator TensorIndex(Range range)
    {
        int? start = range.Start.IsFromEnd ? (range.Start.Value == 0 ? null : -range.Start.Value) : range.Start.Value;
        int? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
        return new(IndexKind.Slice, 0, start, stop, 1);
    }

    internal static (int[] Shape, int[] Strides, int Offset) Apply(ReadOnlySpan<TensorIndex> index, int[] shape, int[] strides, int offset, TensorShape original)
    {
        int consumed = ConsumedAxes(index, shape.Length, original);
        var newShape = new List<int>(shape.Length + 2);
        var newStrides = new List<int>(shape.Length + 2);
        int axis = 0;
        foreach (var ix in index)
        {
            switch (ix._kind)
            {
                case IndexKind.NewAxis:
                    newShape.Add(1);
                    newStrides.Add(0);
                    break;
                case IndexKind.Ellipsis:
                    axis = KeepAxes(shape, strides, axis, axis + shape.Length - consumed, newShape, newStrides);
                    break;
                case IndexKind.Integer:
                    offset += ix.IntegerOffset(shape[axis], strides[axis], axis, original);
                    axis++;
                    break;
                default:
                    offset += ix.AddSlice(shape[axis], strides[axis], newShape, newStrides);
                    axis++;
                    break;
            }
        }
        KeepAxes(shape, strides, axis, shape.Length, newShape, newStrides);
        return (newShape.ToArray(), newStrides.ToArray(), offset);
    }

    /// <summary>How many axes the index consumes (integers and slices); throws for a second ellipsis or too many indices.</summary>
    private static int ConsumedAxes(ReadOnlySpan<TensorIndex> index, int rank, TensorShape original)
    {
        int consumed = 0, ellipses = 0;
        foreach (var ix in index)
        {
            if (ix._kind is IndexKind.Integer or IndexKind.Slice) consumed++;
            else if (ix._kind == IndexKind.Ellipsis) ellipses++;
        }
        if (ellipses > 1) throw new IndexOutOfRangeException("an index can only have a single ellipsis ('...').");
        if (consumed > rank) throw new IndexOutOfRangeException($"too many indices for a tensor of shape {original}: {consumed} given, rank {rank}.");
        return consumed;
    }

    /// <summary>Copies axes <paramref name="from"/>..<paramref name="to"/> (exclusive) unchanged; returns the next axis.</summary>
    private static int KeepAxes(int[] shape, int[] strides, int from, int to, List<int> newShape, List<int> newStrides)
    {
        int axis = from;
        for (; axis < to; axis++)
        {
            newShape.Add(shape[axis]);
            newStrides.Add(strides[axis]);
        }
        return axis;
    }

    /// <summary>An integer index drops its axis: the element offset it selects, after bounds checking (negative counts from the end).</summary>
    private int IntegerOffset(int d, int stride, int axis, TensorShape original)
    {
        int i = _value < 0 ? _value + d : _value;
        if ((uint)i >= (uint)d) throw new IndexOutOfRangeException($"index {_value} is out of bounds for axis {axis} with size {d} (shape {original}).");
        return i * stride;
    }

    /// <summary>A slice keeps its axis with the sliced length and stepped stride; returns the offset of its first element (0 when empty).</summary>
    private int AddSlice(int d, int stride, List<int> newShape, List<int> newStrides)
    {
        var (start, length) = Resolve(_start, _stop, _step, d);
        newShape.Add(length);
        newStrides.Add(stride * _step);
        return length > 0 ? start * stride : 0;
    }

    /// <summary>numpy's PySlice_AdjustIndices: first index and element count of a slice.</summary>
    internal static (int Start, int Length) Resolve(int? startIn, int? stopIn, int step, int d)
    {
        if (step > 0)
        {
            int start = startIn is int s ? Adjust(s, d, 0, d) : 0;
            int stop = stopIn is int e ? Adjust(e, d, 0, d) : d;
            return (start, stop > start ? (stop - start + step - 1) / step : 0);
        }
        return ResolveBackward(startIn, stopIn, step, d);
    }

    private static (int Start, int Length) ResolveBackward(int? startIn, int? stopIn, int step, int d)
    {
        int start = startIn is int s ? Adjust(s, d, -1, d - 1) : d - 1;
        int stop = stopIn is int e ? Adjust(e, d, -1, d - 1) : -1;
        return (start, start > stop ? (start - stop - step - 1) / -step : 0);
    }

    /// <summary>A negative bound counts from the end; the result is clamped to [<paramref name="low"/>, <paramref name="high"/>].</summary>
    private static int Adjust(int bound, int d, int low, int high) => bound < 0 ? Math.Max(bound + d, low) : Math.Min(bound, high);

    public override string ToString() => _kind switch
    {
        IndexKind.Integer => _value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IndexKind.NewAxis => "newaxis",
        IndexKind.Ellipsis => "...",
        _ => FormattableString.Invariant($"{_start}:{_stop}:{_step}"),
    };
}
