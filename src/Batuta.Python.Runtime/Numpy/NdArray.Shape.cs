using Batuta.Tensors;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>Shape changes: views where numpy gives views (reshape of contiguous data, transpose, ravel of contiguous data).</summary>
public sealed partial class NdArray
{
    /// <summary><c>a.reshape(shape)</c>; one dimension may be -1.</summary>
    public NdArray Reshape(params int[] shape)
    {
        try
        {
            return _data switch
            {
                Tensor<double> t => new NdArray(t.Reshape(shape), _dtype),
                Tensor<float> t => new NdArray(t.Reshape(shape), _dtype),
                Tensor<long> t => new NdArray(t.Reshape(shape), _dtype),
                Tensor<int> t => new NdArray(t.Reshape(shape), _dtype),
                _ => throw new InvalidOperationException(),
            };
        }
        catch (TensorShapeException)
        {
            throw new ValueError($"cannot reshape array of size {Size} into shape {ShapeText(shape).Replace(",)", ",)", StringComparison.Ordinal)}");
        }
    }

    public NdArray Reshape(long d0) => Reshape(new[] { (int)d0 });

    public NdArray Reshape(long d0, long d1) => Reshape(new[] { (int)d0, (int)d1 });

    public NdArray Reshape(long d0, long d1, long d2) => Reshape(new[] { (int)d0, (int)d1, (int)d2 });

    /// <summary><c>a.reshape(shape_tuple)</c> with a shape known only at run time.</summary>
    public NdArray ReshapeTo(object? shape) => Reshape(Np.ShapeOf(shape));

    /// <summary><c>a.T</c> / <c>a.transpose()</c>: a view with reversed axes.</summary>
    public NdArray T => _data switch
    {
        Tensor<double> t => new NdArray(t.Transpose(), _dtype),
        Tensor<float> t => new NdArray(t.Transpose(), _dtype),
        Tensor<long> t => new NdArray(t.Transpose(), _dtype),
        Tensor<int> t => new NdArray(t.Transpose(), _dtype),
        _ => throw new InvalidOperationException(),
    };

    public NdArray Transpose() => T;

    public NdArray Transpose(params int[] axes)
    {
        if (axes.Length == 0) return T;
        if (axes.Length != Ndim) throw new ValueError("axes don't match array");
        var norm = axes.Select(a => NormalizeAxis(a)).ToArray();
        return _data switch
        {
            Tensor<double> t => new NdArray(t.Transpose(norm), _dtype),
            Tensor<float> t => new NdArray(t.Transpose(norm), _dtype),
            Tensor<long> t => new NdArray(t.Transpose(norm), _dtype),
            Tensor<int> t => new NdArray(t.Transpose(norm), _dtype),
            _ => throw new InvalidOperationException(),
        };
    }

    public NdArray SwapAxes(long a, long b)
    {
        var axes = Enumerable.Range(0, Ndim).ToArray();
        int x = NormalizeAxis(a), y = NormalizeAxis(b);
        (axes[x], axes[y]) = (axes[y], axes[x]);
        return Transpose(axes);
    }

    /// <summary><c>a.ravel()</c>: a view when contiguous, else a copy.</summary>
    public NdArray Ravel() => Reshape(Size);

    /// <summary><c>a.flatten()</c>: always a copy.</summary>
    public NdArray Flatten() => Copy().Reshape(Size);

    public NdArray Squeeze(object? axis = null)
    {
        var dims = DimsInternal;
        if (axis is null) return Reshape(dims.Where(d => d != 1).ToArray());
        int ax = NormalizeAxis(Np.ToLong(axis));
        if (dims[ax] != 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
        return Reshape(dims.Where((_, i) => i != ax).ToArray());
    }

    public NdArray ExpandDims(long axis)
    {
        var dims = DimsInternal.ToList();
        long a = axis < 0 ? axis + dims.Count + 1 : axis;
        if (a < 0 || a > dims.Count) throw new AxisError($"axis {axis} is out of bounds for array of dimension {dims.Count + 1}");
        dims.Insert((int)a, 1);
        return Reshape(dims.ToArray());
    }

    /// <summary><c>a.fill(value)</c></summary>
    public void Fill(object? value) => Assign(value);

    /// <summary>This array's storage as a 2-D matrix for the linear algebra (1-D gives one row).</summary>
    internal Tensor<double> Matrix() => AsFloat64Tensor();
}
