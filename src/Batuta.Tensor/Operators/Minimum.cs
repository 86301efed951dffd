namespace Batuta.Tensors.Operators;

/// <summary>numpy's minimum: the smaller value, NaN if either is NaN; also the min aggregation.</summary>
public readonly struct MinimumOperator<T> : IAggregationOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y) => T.Min(x, y);

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => Vector128.Min(x, y);

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.Min(x, y);

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => Vector512.Min(x, y);

    public static T Identity => HorizontalOps.MinIdentity<T>();

    public static T Invoke(Vector128<T> x) => HorizontalOps.Min(x);

    public static T Invoke(Vector256<T> x) => HorizontalOps.Min(x);

    public static T Invoke(Vector512<T> x) => HorizontalOps.Min(x);
}
