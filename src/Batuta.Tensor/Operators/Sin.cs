namespace Batuta.Tensors.Operators;

/// <summary>Sine (radians).</summary>
public readonly struct SinOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => T.Sin(x);

    public static Vector128<T> Invoke(Vector128<T> x) => HorizontalOps.Sin(x);

    public static Vector256<T> Invoke(Vector256<T> x) => HorizontalOps.Sin(x);

    public static Vector512<T> Invoke(Vector512<T> x) => HorizontalOps.Sin(x);
}
