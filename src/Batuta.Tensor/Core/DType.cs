namespace Batuta.Tensors;

/// <summary>The element types a <see cref="Tensor{T}"/> may hold, named as numpy names them.</summary>
public enum DType
{
    Float32,
    Float64,
    Int32,
    Int64,
}

/// <summary>Facts about a supported element type, resolved once per <typeparamref name="T"/>.</summary>
public static class TensorElement<T> where T : unmanaged, INumber<T>
{
    public static bool IsSupported { get; } =
        typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(int) || typeof(T) == typeof(long);

    public static bool IsFloatingPoint => typeof(T) == typeof(float) || typeof(T) == typeof(double);

    public static DType DType =>
        typeof(T) == typeof(float) ? DType.Float32 :
        typeof(T) == typeof(double) ? DType.Float64 :
        typeof(T) == typeof(int) ? DType.Int32 :
        typeof(T) == typeof(long) ? DType.Int64 :
        throw Unsupported();

    /// <summary>numpy's dtype name: float32, float64, int32, int64.</summary>
    public static string Name => DType switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int32 => "int32",
        _ => "int64",
    };

    internal static void EnsureSupported()
    {
        if (!IsSupported) throw Unsupported();
    }

    private static NotSupportedException Unsupported() =>
        new($"Tensor<{typeof(T).Name}> is not supported: use float, double, int or long.");
}
