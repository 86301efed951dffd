namespace Batuta.Tensors.Operators;

/// <summary>x * y; also the product aggregation (identity 1).</summary>
public readonly struct MultiplyOperator<T> : IAggregationOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y) => x * y;

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => x * y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => x * y;

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => x * y;

    public static T Identity => T.One;

    public static T Invoke(Vector128<T> x) => HorizontalOps.Product(x);

    public static T Invoke(Vector256<T> x) => HorizontalOps.Product(x);

    public static T Invoke(Vector512<T> x) => HorizontalOps.Product(x);
}
