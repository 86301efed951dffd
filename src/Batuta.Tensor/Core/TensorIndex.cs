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
        int consumed = 0, ellipses = 0;
        foreach (var ix in index)
        {
            if (ix._kind is IndexKind.Integer or IndexKind.Slice) consumed++;
            else if (ix._kind == IndexKind.Ellipsis) ellipses++;
        }
        if (ellipses > 1) throw new IndexOutOfRangeException("an index can only have a single ellipsis ('...').");
        if (consumed > shape.Length) throw new IndexOutOfRangeException($"too many indices for a tensor of shape {original}: {consumed} given, rank {shape.Length}.");

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
                    for (int k = 0; k < shape.Length - consumed; k++, axis++)
                    {
                        newShape.Add(shape[axis]);
                        newStrides.Add(strides[axis]);
                    }
                    break;
                case IndexKind.Integer:
                {
                    int d = shape[axis];
                    int i = ix._value < 0 ? ix._value + d : ix._value;
                    if ((uint)i >= (uint)d) throw new IndexOutOfRangeException($"index {ix._value} is out of bounds for axis {axis} with size {d} (shape {original}).");
                    offset += i * strides[axis];
                    axis++;
                    break;
                }
                default:
                {
                    var (start, length) = Resolve(ix._start, ix._stop, ix._step, shape[axis]);
                    if (length > 0) offset += start * strides[axis];
                    newShape.Add(length);
                    newStrides.Add(strides[axis] * ix._step);
                    axis++;
                    break;
                }
            }
        }
        for (; axis < shape.Length; axis++)
        {
            newShape.Add(shape[axis]);
            newStrides.Add(strides[axis]);
        }
        return (newShape.ToArray(), newStrides.ToArray(), offset);
    }

    /// <summary>numpy's PySlice_AdjustIndices: first index and element count of a slice.</summary>
    internal static (int Start, int Length) Resolve(int? startIn, int? stopIn, int step, int d)
    {
        int start, stop;
        if (step > 0)
        {
            start = startIn is int s ? (s < 0 ? Math.Max(s + d, 0) : Math.Min(s, d)) : 0;
            stop = stopIn is int e ? (e < 0 ? Math.Max(e + d, 0) : Math.Min(e, d)) : d;
            return (start, stop > start ? (stop - start + step - 1) / step : 0);
        }
        start = startIn is int s2 ? (s2 < 0 ? Math.Max(s2 + d, -1) : Math.Min(s2, d - 1)) : d - 1;
        stop = stopIn is int e2 ? (e2 < 0 ? Math.Max(e2 + d, -1) : Math.Min(e2, d - 1)) : -1;
        return (start, start > stop ? (start - stop - step - 1) / -step : 0);
    }

    public override string ToString() => _kind switch
    {
        IndexKind.Integer => _value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IndexKind.NewAxis => "newaxis",
        IndexKind.Ellipsis => "...",
        _ => FormattableString.Invariant($"{_start}:{_stop}:{_step}"),
    };
}
