namespace Batuta.Tensors;

/// <summary>
/// Creation and every operation on <see cref="Tensor{T}"/>, numpy style. Operations are extension
/// methods, so <c>Tensor.Exp(x)</c> and <c>x.Exp()</c> are the same call. The element type defaults
/// to float64 where numpy's does (<see cref="Zeros(int[])"/>, <see cref="Arange(double, double, double)"/>, ...).
/// </summary>
public static partial class Tensor
{
    /// <summary>numpy's <c>zeros(shape)</c>: float64.</summary>
    public static Tensor<double> Zeros(params int[] shape) => Zeros<double>(shape);

    public static Tensor<T> Zeros<T>(params int[] shape) where T : unmanaged, INumber<T> => Tensor<T>.Allocate(shape, clear: true);

    public static Tensor<double> Ones(params int[] shape) => Ones<double>(shape);

    public static Tensor<T> Ones<T>(params int[] shape) where T : unmanaged, INumber<T> => Full(T.One, shape);

    /// <summary>numpy's <c>empty(shape)</c>: memory is not initialised (may hold values of a previous tensor).</summary>
    public static Tensor<T> Empty<T>(params int[] shape) where T : unmanaged, INumber<T> => Tensor<T>.Allocate(shape, clear: false);

    public static Tensor<T> Full<T>(T value, params int[] shape) where T : unmanaged, INumber<T>
    {
        var t = Tensor<T>.Allocate(shape, clear: false);
        t.AsSpan().Fill(value);
        return t;
    }

    public static Tensor<T> ZerosLike<T>(Tensor<T> like) where T : unmanaged, INumber<T> => Tensor<T>.Allocate(like.ShapeArray, clear: true);

    public static Tensor<T> OnesLike<T>(Tensor<T> like) where T : unmanaged, INumber<T> => Full(T.One, like.ShapeArray);

    public static Tensor<T> EmptyLike<T>(Tensor<T> like) where T : unmanaged, INumber<T> => Tensor<T>.Allocate(like.ShapeArray, clear: false);

    /// <summary>A 0-d tensor holding <paramref name="value"/>.</summary>
    public static Tensor<T> Scalar<T>(T value) where T : unmanaged, INumber<T>
    {
        var t = Tensor<T>.Allocate([], clear: false);
        t.AsSpan()[0] = value;
        return t;
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (default: 1-D).</summary>
    public static Tensor<T> Create<T>(ReadOnlySpan<T> data, params int[] shape) where T : unmanaged, INumber<T>
    {
        var dims = shape.Length == 0 ? [data.Length] : shape;
        var t = Tensor<T>.Allocate(dims, clear: false);
        if (t.Length != data.Length) 
        {
            t.Dispose();
            throw new TensorShapeException("create", new TensorShape(data.Length), new TensorShape(dims), $"do not match: {data.Length} values cannot fill the shape.");
        }
        data.CopyTo(t.AsSpan());
        return t;
    }

    public static Tensor<T> FromArray<T>(T[] data, params int[] shape) where T : unmanaged, INumber<T> => Create<T>(data, shape);

    public static Tensor<T> FromArray<T>(T[,] data) where T : unmanaged, INumber<T>
    {
        var t = Tensor<T>.Allocate([data.GetLength(0), data.GetLength(1)], clear: false);
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length).CopyTo(t.AsSpan());
        return t;
    }

    public static Tensor<T> FromArray<T>(T[,,] data) where T : unmanaged, INumber<T>
    {
        var t = Tensor<T>.Allocate([data.GetLength(0), data.GetLength(1), data.GetLength(2)], clear: false);
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length).CopyTo(t.AsSpan());
        return t;
    }

    /// <summary>numpy's <c>arange(start, stop, step)</c> in float64: ceil((stop - start) / step) values.</summary>
    public static Tensor<double> Arange(double start, double stop, double step = 1) => Arange<double>(start, stop, step);

    /// <summary>numpy's <c>arange(stop)</c>: int64, as numpy gives for integer arguments.</summary>
    public static Tensor<long> Arange(long stop) => Arange<long>(0, stop, 1);

    /// <summary>numpy's <c>arange(start, stop, step)</c> with integer arguments: int64.</summary>
    public static Tensor<long> Arange(long start, long stop, long step = 1) => Arange<long>(start, stop, step);

    public static Tensor<T> Arange<T>(double start, double stop, double step = 1) where T : unmanaged, INumber<T>
    {
        if (step == 0) throw new ArgumentOutOfRangeException(nameof(step), "arange: step cannot be zero.");
        long n = (long)Math.Ceiling((stop - start) / step);
        if (n < 0) n = 0;
        if (n > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(stop), "arange: too many elements.");
        var t = Tensor<T>.Allocate([(int)n], clear: false);
        var s = t.AsSpan();
        bool integral = typeof(T) == typeof(int) || typeof(T) == typeof(long);
        for (int i = 0; i < s.Length; i++)
        {
            // numpy fills integer aranges by exact integer steps and float ones as start + i*step.
            s[i] = integral ? T.CreateTruncating((long)start + i * (long)step) : T.CreateTruncating(start + i * step);
        }
        return t;
    }

    /// <summary>numpy's <c>linspace(start, stop, num, endpoint)</c> in float64.</summary>
    public static Tensor<double> Linspace(double start, double stop, int num = 50, bool endpoint = true) => Linspace<double>(start, stop, num, endpoint);

    public static Tensor<T> Linspace<T>(double start, double stop, int num = 50, bool endpoint = true) where T : unmanaged, INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        var t = Tensor<T>.Allocate([num], clear: false);
        var s = t.AsSpan();
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        for (int i = 0; i < num; i++) s[i] = T.CreateTruncating(div > 0 ? start + i * step : start);
        if (endpoint && num > 1) s[num - 1] = T.CreateTruncating(stop);
        return t;
    }

    /// <summary>numpy's <c>eye(n, m, k)</c> in float64: ones on the k-th diagonal.</summary>
    public static Tensor<double> Eye(int n, int? m = null, int k = 0) => Eye<double>(n, m, k);

    public static Tensor<T> Eye<T>(int n, int? m = null, int k = 0) where T : unmanaged, INumber<T>
    {
        int cols = m ?? n;
        var t = Tensor<T>.Allocate([n, cols], clear: true);
        var s = t.AsSpan();
        for (int i = 0; i < n; i++)
        {
            int j = i + k;
            if (j >= 0 && j < cols) s[i * cols + j] = T.One;
        }
        return t;
    }

    /// <summary>numpy's <c>identity(n)</c>.</summary>
    public static Tensor<T> Identity<T>(int n) where T : unmanaged, INumber<T> => Eye<T>(n);
}
