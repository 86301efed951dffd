namespace Batuta.Tensors.Operators;

/// <summary>max(x, 0).</summary>
public readonly struct ReluOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => T.Max(x, T.Zero);

    public static Vector128<T> Invoke(Vector128<T> x) => Vector128.Max(x, Vector128<T>.Zero);

    public static Vector256<T> Invoke(Vector256<T> x) => Vector256.Max(x, Vector256<T>.Zero);

    public static Vector512<T> Invoke(Vector512<T> x) => Vector512.Max(x, Vector512<T>.Zero);
}
