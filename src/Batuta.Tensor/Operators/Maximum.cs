namespace Batuta.Tensors.Operators;

/// <summary>numpy's maximum: the larger value, NaN if either is NaN; also the max aggregation.</summary>
public readonly struct MaximumOperator<T> : IAggregationOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y) => T.Max(x, y);

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => Vector128.Max(x, y);

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.Max(x, y);

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => Vector512.Max(x, y);

    public static T Identity => HorizontalOps.MaxIdentity<T>();

    public static T Invoke(Vector128<T> x) => HorizontalOps.Max(x);

    public static T Invoke(Vector256<T> x) => HorizontalOps.Max(x);

    public static T Invoke(Vector512<T> x) => HorizontalOps.Max(x);
}
