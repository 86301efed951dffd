namespace Batuta.Tensors.Operators;

/// <summary>x * x.</summary>
public readonly struct SquareOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => x * x;

    public static Vector128<T> Invoke(Vector128<T> x) => x * x;

    public static Vector256<T> Invoke(Vector256<T> x) => x * x;

    public static Vector512<T> Invoke(Vector512<T> x) => x * x;
}
