namespace Batuta.Tensors.Operators;

/// <summary>numpy's clip: min(max(x, low), high), NaN stays NaN.</summary>
public readonly struct ClipOperator<T> : ITernaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y, T z) => T.Min(T.Max(x, y), z);

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y, Vector128<T> z) => Vector128.Min(Vector128.Max(x, y), z);

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y, Vector256<T> z) => Vector256.Min(Vector256.Max(x, y), z);

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y, Vector512<T> z) => Vector512.Min(Vector512.Max(x, y), z);
}
