namespace Batuta.Tensors.Operators;

/// <summary>Square root (NaN below 0).</summary>
public readonly struct SqrtOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => T.Sqrt(x);

    public static Vector128<T> Invoke(Vector128<T> x) => Vector128.Sqrt(x);

    public static Vector256<T> Invoke(Vector256<T> x) => Vector256.Sqrt(x);

    public static Vector512<T> Invoke(Vector512<T> x) => Vector512.Sqrt(x);
}
