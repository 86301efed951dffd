namespace Batuta.Tensors.Operators;

/// <summary>x + y; also the sum aggregation (identity 0).</summary>
public readonly struct AddOperator<T> : IAggregationOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y) => x + y;

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x + y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x + y;

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x + y;

    public static T Identity => T.Zero;

    public static T Invoke(Vector128<T> x) => Vector128.Sum(x);

    public static T Invoke(Vector256<T> x) => Vector256.Sum(x);

    public static T Invoke(Vector512<T> x) => Vector512.Sum(x);
}
