namespace Batuta.Tensors.Operators;

/// <summary>|x|.</summary>
public readonly struct AbsOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => T.Abs(x);

    public static Vector128<T> Invoke(Vector128<T> x) => Vector128.Abs(x);

    public static Vector256<T> Invoke(Vector256<T> x) => Vector256.Abs(x);

    public static Vector512<T> Invoke(Vector512<T> x) => Vector512.Abs(x);
}
