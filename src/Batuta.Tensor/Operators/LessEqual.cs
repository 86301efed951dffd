namespace Batuta.Tensors.Operators;

/// <summary>1 where x &lt;= y, else 0.</summary>
public readonly struct LessEqualOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y) => x <= y ? T.One : T.Zero;

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => Vector128.LessThanOrEqual(x, y) & Vector128<T>.One;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.LessThanOrEqual(x, y) & Vector256<T>.One;

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => Vector512.LessThanOrEqual(x, y) & Vector512<T>.One;
}
