namespace Batuta.Tensors.Operators;

/// <summary>x - y.</summary>
public readonly struct SubtractOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y) => x - y;

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x - y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x - y;

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x - y;
}
