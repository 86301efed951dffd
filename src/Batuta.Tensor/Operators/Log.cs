namespace Batuta.Tensors.Operators;

/// <summary>Natural logarithm.</summary>
public readonly struct LogOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => T.Log(x);

    public static Vector128<T> Invoke(Vector128<T> x) => HorizontalOps.Log(x);

    public static Vector256<T> Invoke(Vector256<T> x) => HorizontalOps.Log(x);

    public static Vector512<T> Invoke(Vector512<T> x) => HorizontalOps.Log(x);
}
