using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Batuta.Tensors.Engine;
using Batuta.Tensors.Storage;

namespace Batuta.Tensors;

/// <summary>
/// An n-dimensional array of float, double, int or long: a shape, element strides and an offset into
/// pooled, 64-byte aligned memory. Slicing, transposing, broadcasting and (where the layout allows)
/// reshaping make views that share memory; everything else makes a new tensor.
/// </summary>
/// <remarks>
/// <para>Dispose a tensor when you are done with it: its memory goes back to the pool at once. Each
/// view is a separate handle to the same memory and is disposed on its own; the memory returns
/// when the last handle is disposed. An undisposed tensor is simply collected by the GC (there is no
/// finalizer and nothing native to leak), it only misses the pool.</para>
/// <para>Operations live on the static <see cref="Tensor"/> class and are also callable as methods
/// (<c>a.MatMul(b)</c>, <c>x.Sum(axis: 0)</c>, <c>a + b</c>).</para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed unsafe class Tensor<T> : IDisposable where T : unmanaged, INumber<T>
{
    private readonly TensorBuffer _buffer;
    private readonly int[] _shape;
    private readonly int[] _strides;
    private readonly int _offset;
    private readonly int _length;
    private readonly bool _contiguous;
    private int _disposed;

    internal Tensor(TensorBuffer buffer, int[] shape, int[] strides, int offset, bool retain)
    {
        TensorElement<T>.EnsureSupported();
        if (retain) buffer.Retain();
        _buffer = buffer;
        _shape = shape;
        _strides = strides;
        _offset = offset;
        _length = TensorShape.ElementCount(shape);
        _contiguous = Layout.IsContiguous(shape, strides);
    }

    /// <summary>A new, uninitialised (or zeroed) contiguous tensor from the pool.</summary>
    internal static Tensor<T> Allocate(ReadOnlySpan<int> shape, bool clear)
    {
        TensorElement<T>.EnsureSupported();
        var dims = new TensorShape(shape).Dims;
        int n = TensorShape.ElementCount(dims);
        var buffer = TensorMemoryPool.Rent((long)n * sizeof(T), clear);
        return new Tensor<T>(buffer, dims, Layout.ContiguousStrides(dims), 0, retain: false);
    }

    public TensorShape Shape => new(_shape, true);

    public int Rank => _shape.Length;

    /// <summary>Number of elements (numpy's <c>size</c>).</summary>
    public int Length => _length;

    /// <summary>Element strides (numpy's strides divided by the item size). May be 0 (broadcast) or negative (reversed).</summary>
    public ReadOnlySpan<int> Strides => _strides;

    /// <summary>Offset of element [0, 0, ...] from the start of the shared memory, in elements.</summary>
    public int Offset => _offset;

    /// <summary>True when the elements are laid out densely in C (row-major) order.</summary>
    public bool IsContiguous => _contiguous;

    public DType DType => TensorElement<T>.DType;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal int[] ShapeArray => _shape;

    internal int[] StrideArray => _strides;

    internal TensorBuffer Buffer => _buffer;

    /// <summary>Address of element [0, 0, ...]. Valid while the tensor is alive.</summary>
    internal T* Pointer
    {
        get
        {
            ThrowIfDisposed();
            return (T*)_buffer.Address + _offset;
        }
    }

    internal ref T Reference => ref Unsafe.AsRef<T>(Pointer);

    /// <summary>The elements of a contiguous tensor as a span (no copy). Throws for strided views: call <see cref="Contiguous"/> first.</summary>
    public Span<T> AsSpan()
    {
        if (!_contiguous) throw new InvalidOperationException($"AsSpan: this {Shape} view is not contiguous (strides {TensorShape.Format(_strides)}); call Contiguous() or ToArray() first.");
        return new Span<T>(Pointer, _length);
    }

    public ReadOnlySpan<T> AsReadOnlySpan() => AsSpan();

    /// <summary>The elements in C order, copied into a new array.</summary>
    public T[] ToArray()
    {
        var result = new T[_length];
        CopyTo(result);
        return result;
    }

    /// <summary>Copies the elements, in C order, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length < _length) throw new ArgumentException($"destination holds {destination.Length} elements; the tensor has {_length}.", nameof(destination));
        if (_length == 0) return;
        if (_contiguous)
        {
            new ReadOnlySpan<T>(Pointer, _length).CopyTo(destination);
            return;
        }
        fixed (T* d = destination)
        {
            Copier.Copy(Pointer, _shape, _strides, d, Layout.ContiguousStrides(_shape));
        }
    }

    /// <summary>Overwrites this tensor (or view) with <paramref name="source"/>, broadcasting it numpy style.</summary>
    public void CopyFrom(Tensor<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = Layout.BroadcastShapes("copyto", source._shape, _shape);
        if (!Layout.SameShape(target, _shape))
            throw new TensorShapeException("copyto", source.Shape, Shape, "do not fit: the source must broadcast to the destination's shape.");
        Span<int> st = stackalloc int[_shape.Length];
        Layout.BroadcastStrides(source._shape, source._strides, _shape, st);
        Copier.Copy(source.Pointer, _shape, st, Pointer, _strides);
    }

    public void CopyFrom(ReadOnlySpan<T> source)
    {
        if (source.Length != _length) throw new ArgumentException($"source has {source.Length} elements; the tensor {Shape} has {_length}.", nameof(source));
        if (_length == 0) return;
        fixed (T* s = source)
        {
            Copier.Copy(s, _shape, Layout.ContiguousStrides(_shape), Pointer, _strides);
        }
    }

    public void Fill(T value)
    {
        if (_length == 0) return;
        if (_contiguous)
        {
            new Span<T>(Pointer, _length).Fill(value);
            return;
        }
        using var scalar = Tensor.Scalar(value);
        CopyFrom(scalar);
    }

    /// <summary>The single element of a tensor with one element (numpy's <c>item()</c>).</summary>
    public T ToScalar()
    {
        if (_length != 1) throw new TensorShapeException("item", Shape, "has more than one element; ToScalar() needs exactly one.");
        return *Pointer;
    }

    // ---- element access -------------------------------------------------------------------

    public T this[int i]
    {
        get => *ElementPointer(i);
        set => *ElementPointer(i) = value;
    }

    public T this[int i, int j]
    {
        get => *ElementPointer(i, j);
        set => *ElementPointer(i, j) = value;
    }

    public T this[int i, int j, int k]
    {
        get => *ElementPointer(i, j, k);
        set => *ElementPointer(i, j, k) = value;
    }

    /// <summary>One element by full index (negative indices count from the end).</summary>
    public T this[params int[] indices]
    {
        get => *ElementPointer(indices);
        set => *ElementPointer(indices) = value;
    }

    /// <summary>
    /// A view by numpy-style index: integers select (dropping the axis), ranges slice
    /// (<c>t[1..3, ..]</c>), <see cref="TensorIndex.Slice(int?, int?, int)"/> slices with a step,
    /// <see cref="TensorIndex.NewAxis"/> inserts an axis and <see cref="TensorIndex.Ellipsis"/> stands for the rest.
    /// Setting assigns into the view with broadcasting.
    /// </summary>
    public Tensor<T> this[params TensorIndex[] index]
    {
        get => View(index);
        set
        {
            using var view = View(index);
            view.CopyFrom(value);
        }
    }

    private T* ElementPointer(ReadOnlySpan<int> indices)
    {
        if (indices.Length != _shape.Length)
            throw new IndexOutOfRangeException($"a {Shape} tensor needs {_shape.Length} indices, got {indices.Length}; use the TensorIndex indexer for views.");
        nint off = 0;
        for (int a = 0; a < indices.Length; a++) off += (nint)CheckIndex(indices[a], a) * _strides[a];
        return Pointer + off;
    }

    private T* ElementPointer(int i)
    {
        if (_shape.Length != 1) return ElementPointer([i]);
        return Pointer + (nint)CheckIndex(i, 0) * _strides[0];
    }

    private T* ElementPointer(int i, int j)
    {
        if (_shape.Length != 2) return ElementPointer([i, j]);
        return Pointer + (nint)CheckIndex(i, 0) * _strides[0] + (nint)CheckIndex(j, 1) * _strides[1];
    }

    private T* ElementPointer(int i, int j, int k)
    {
        if (_shape.Length != 3) return ElementPointer([i, j, k]);
        return Pointer + (nint)CheckIndex(i, 0) * _strides[0] + (nint)CheckIndex(j, 1) * _strides[1] + (nint)CheckIndex(k, 2) * _strides[2];
    }

    private int CheckIndex(int index, int axis)
    {
        int d = _shape[axis];
        int i = index < 0 ? index + d : index;
        if ((uint)i >= (uint)d) throw new IndexOutOfRangeException($"index {index} is out of bounds for axis {axis} with size {d} (shape {Shape}).");
        return i;
    }

    // ---- views ------------------------------------------------------------------------------

    private Tensor<T> NewView(int[] shape, int[] strides, int offset) => new(_buffer, shape, strides, offset, retain: true);

    /// <summary>Another handle on the same memory and layout (dispose it separately).</summary>
    public Tensor<T> View()
    {
        ThrowIfDisposed();
        return NewView(_shape, _strides, _offset);
    }

    public Tensor<T> View(params TensorIndex[] index)
    {
        ThrowIfDisposed();
        var (shape, strides, offset) = TensorIndex.Apply(index, _shape, _strides, _offset, Shape);
        return NewView(shape, strides, offset);
    }

    /// <summary>numpy's <c>t[start:stop:step]</c> along one axis (a view).</summary>
    public Tensor<T> Slice(int axis, int? start, int? stop, int step = 1)
    {
        int a = Layout.NormalizeAxis("slice", axis, Rank, Shape);
        var index = new TensorIndex[a + 1];
        for (int i = 0; i < a; i++) index[i] = TensorIndex.All;
        index[a] = TensorIndex.Slice(start, stop, step);
        return View(index);
    }

    /// <summary>The sub-tensor at <paramref name="index"/> along <paramref name="axis"/>, with that axis removed (a view).</summary>
    public Tensor<T> Select(int axis, int index)
    {
        int a = Layout.NormalizeAxis("select", axis, Rank, Shape);
        var idx = new TensorIndex[a + 1];
        for (int i = 0; i < a; i++) idx[i] = TensorIndex.All;
        idx[a] = index;
        return View(idx);
    }

    /// <summary>
    /// numpy's reshape: one dimension may be -1 (inferred). A view when the layout allows it
    /// (always for contiguous tensors), else a copy.
    /// </summary>
    public Tensor<T> Reshape(params int[] shape)
    {
        ThrowIfDisposed();
        var dims = InferShape("reshape", shape);
        if (_contiguous) return NewView(dims, Layout.ContiguousStrides(dims), _offset);
        var strides = Reshaper.TryViewStrides(_shape, _strides, dims);
        if (strides is not null) return NewView(dims, strides, _offset);
        using var c = Contiguous();
        return c.Reshape(dims);
    }

    private int[] InferShape(string op, int[] shape)
    {
        var dims = (int[])shape.Clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] == -1)
            {
                if (infer >= 0) throw new TensorShapeException(op, Shape, new TensorShape(shape.Select(d => Math.Max(d, 0)).ToArray()), "can only infer one dimension (two -1 entries).");
                infer = i;
            }
            else if (dims[i] < 0) throw new ArgumentOutOfRangeException(nameof(shape), $"{op}: dimension {dims[i]} is negative.");
            else known *= dims[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || _length % known != 0)
                throw new TensorShapeException(op, Shape, new TensorShape(dims.Select(d => Math.Max(d, 0)).ToArray()), $"cannot reshape {_length} elements: {_length} is not a multiple of {known}.");
            dims[infer] = (int)(_length / known);
        }
        else if (known != _length)
        {
            throw new TensorShapeException(op, Shape, new TensorShape(dims), $"cannot reshape array of size {_length} into a shape of size {known}.");
        }
        return dims;
    }

    /// <summary>Reverses the axes (numpy's <c>.T</c>); a view.</summary>
    public Tensor<T> Transpose()
    {
        var axes = new int[Rank];
        for (int i = 0; i < axes.Length; i++) axes[i] = Rank - 1 - i;
        return Transpose(axes);
    }

    /// <summary>Permutes the axes; a view.</summary>
    public Tensor<T> Transpose(params int[] axes)
    {
        ThrowIfDisposed();
        if (axes.Length != Rank) throw new TensorShapeException("transpose", Shape, $"needs a permutation of {Rank} axes, got {axes.Length}.");
        var seen = new bool[Rank];
        var shape = new int[Rank];
        var strides = new int[Rank];
        for (int i = 0; i < axes.Length; i++)
        {
            int a = Layout.NormalizeAxis("transpose", axes[i], Rank, Shape);
            if (seen[a]) throw new TensorShapeException("transpose", Shape, $"axis {axes[i]} repeats in the permutation.");
            seen[a] = true;
            shape[i] = _shape[a];
            strides[i] = _strides[a];
        }
        return NewView(shape, strides, _offset);
    }

    /// <summary>Swaps two axes; a view.</summary>
    public Tensor<T> SwapAxes(int axis1, int axis2)
    {
        var axes = Enumerable.Range(0, Rank).ToArray();
        int a = Layout.NormalizeAxis("swapaxes", axis1, Rank, Shape), b = Layout.NormalizeAxis("swapaxes", axis2, Rank, Shape);
        (axes[a], axes[b]) = (axes[b], axes[a]);
        return Transpose(axes);
    }

    /// <summary>Inserts a size-1 axis at <paramref name="axis"/>; a view.</summary>
    public Tensor<T> ExpandDims(int axis)
    {
        ThrowIfDisposed();
        int a = axis < 0 ? axis + Rank + 1 : axis;
        if (a < 0 || a > Rank) throw new TensorShapeException("expand_dims", Shape, $"has no insertion point {axis} (valid: {-Rank - 1}..{Rank}).");
        var shape = new List<int>(_shape);
        var strides = new List<int>(_strides);
        shape.Insert(a, 1);
        strides.Insert(a, a < Rank ? _strides[a] * _shape[a] : 1);
        return NewView(shape.ToArray(), strides.ToArray(), _offset);
    }

    /// <summary>Removes size-1 axes (all of them, or just <paramref name="axis"/>); a view.</summary>
    public Tensor<T> Squeeze(int? axis = null)
    {
        ThrowIfDisposed();
        if (axis is int ax)
        {
            int a = Layout.NormalizeAxis("squeeze", ax, Rank, Shape);
            if (_shape[a] != 1) throw new TensorShapeException("squeeze", Shape, $"cannot squeeze axis {ax}: its size is {_shape[a]}, not 1.");
            return NewView(_shape.Where((_, i) => i != a).ToArray(), _strides.Where((_, i) => i != a).ToArray(), _offset);
        }
        var keep = Enumerable.Range(0, Rank).Where(i => _shape[i] != 1).ToArray();
        return NewView(keep.Select(i => _shape[i]).ToArray(), keep.Select(i => _strides[i]).ToArray(), _offset);
    }

    /// <summary>A read-only-in-spirit view with numpy broadcasting to <paramref name="shape"/> (stride 0 on broadcast axes).</summary>
    public Tensor<T> BroadcastTo(params int[] shape)
    {
        ThrowIfDisposed();
        var target = Layout.BroadcastShapes("broadcast_to", _shape, shape);
        if (!Layout.SameShape(target, shape))
            throw new TensorShapeException("broadcast_to", Shape, new TensorShape(shape), "do not fit: the tensor cannot be broadcast to the requested shape.");
        var strides = new int[shape.Length];
        Layout.BroadcastStrides(_shape, _strides, shape, strides);
        return NewView((int[])shape.Clone(), strides, _offset);
    }

    /// <summary>A 1-D tensor of all elements: a view when contiguous, else a copy.</summary>
    public Tensor<T> Flatten() => Reshape(_length);

    /// <summary>This tensor as a contiguous tensor: a new handle on the same memory when already contiguous, else a copy.</summary>
    public Tensor<T> Contiguous() => _contiguous ? View() : Clone();

    /// <summary>A contiguous copy.</summary>
    public Tensor<T> Clone()
    {
        ThrowIfDisposed();
        var result = Allocate(_shape, clear: false);
        if (_length > 0) Copier.Copy(Pointer, _shape, _strides, result.Pointer, result._strides);
        return result;
    }

    /// <summary>A converted copy (numpy's <c>astype</c>): float to integer truncates toward zero.</summary>
    public Tensor<TOut> Cast<TOut>() where TOut : unmanaged, INumber<TOut>
    {
        ThrowIfDisposed();
        var result = Tensor<TOut>.Allocate(_shape, clear: false);
        if (_length > 0) Copier.Convert(Pointer, _shape, _strides, result.Pointer, result.StrideArray);
        return result;
    }

    // ---- operators --------------------------------------------------------------------------

    public static Tensor<T> operator +(Tensor<T> x, Tensor<T> y) => Tensor.Add(x, y);
    public static Tensor<T> operator +(Tensor<T> x, T y) => Tensor.Add(x, y);
    public static Tensor<T> operator +(T x, Tensor<T> y) => Tensor.Add(x, y);
    public static Tensor<T> operator -(Tensor<T> x, Tensor<T> y) => Tensor.Subtract(x, y);
    public static Tensor<T> operator -(Tensor<T> x, T y) => Tensor.Subtract(x, y);
    public static Tensor<T> operator -(T x, Tensor<T> y) => Tensor.Subtract(x, y);
    public static Tensor<T> operator *(Tensor<T> x, Tensor<T> y) => Tensor.Multiply(x, y);
    public static Tensor<T> operator *(Tensor<T> x, T y) => Tensor.Multiply(x, y);
    public static Tensor<T> operator *(T x, Tensor<T> y) => Tensor.Multiply(x, y);
    public static Tensor<T> operator /(Tensor<T> x, Tensor<T> y) => Tensor.Divide(x, y);
    public static Tensor<T> operator /(Tensor<T> x, T y) => Tensor.Divide(x, y);
    public static Tensor<T> operator /(T x, Tensor<T> y) => Tensor.Divide(x, y);
    public static Tensor<T> operator -(Tensor<T> x) => Tensor.Negate(x);

    // ---- lifetime ---------------------------------------------------------------------------

    /// <summary>Returns this handle's share of the memory to the pool. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _buffer.Release();
    }

    internal void ThrowIfDisposed()
    {
        if (_disposed != 0) ThrowDisposed();
    }

    [DoesNotReturn]
    private void ThrowDisposed() => throw new ObjectDisposedException($"Tensor<{typeof(T).Name}>{Shape}", "the tensor was disposed; its memory is back in the pool.");

    // ---- printing ---------------------------------------------------------------------------

    private string DebuggerDisplay => IsDisposed ? $"Tensor<{TensorElement<T>.Name}>{Shape} (disposed)" : $"Tensor<{TensorElement<T>.Name}>{Shape}";

    /// <summary>numpy-like text: nested brackets, invariant culture, summarised beyond 1000 elements.</summary>
    public override string ToString()
    {
        if (IsDisposed) return DebuggerDisplay;
        var sb = new StringBuilder();
        if (Rank == 0) return Format(*Pointer);
        bool summarise = _length > 1000;
        Append(sb, 0, _offset, summarise);
        return sb.ToString();
    }

    private void Append(StringBuilder sb, int axis, int offset, bool summarise)
    {
        sb.Append('[');
        int n = _shape[axis];
        for (int i = 0; i < n; i++)
        {
            if (summarise && n > 6 && i == 3)
            {
                sb.Append("...");
                i = n - 3;
                sb.Append(Separator(axis));
            }
            AppendItem(sb, axis, offset + i * _strides[axis], summarise);
            if (i < n - 1) sb.Append(Separator(axis));
        }
        sb.Append(']');
    }

    /// <summary>An element on the last axis, else the nested sub-array (recursively).</summary>
    private void AppendItem(StringBuilder sb, int axis, int offset, bool summarise)
    {
        if (axis == Rank - 1) sb.Append(Format(((T*)_buffer.Address)[offset]));
        else Append(sb, axis + 1, offset, summarise);
    }

    /// <summary>", " between elements; between sub-arrays a newline, indented to the bracket depth.</summary>
    private string Separator(int axis) => axis == Rank - 1 ? ", " : ",\n" + new string(' ', axis + 1);

    private static string Format(T value) => value switch
    {
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };
}
