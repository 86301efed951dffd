namespace Batuta.Tensors.Operators;

/// <summary>x ** y. Scalar only: a vector pow would not round the way numpy does.</summary>
public readonly struct PowerOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => false;

    public static T Invoke(T x, T y) => HorizontalOps.Pow(x, y);

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y) => throw new NotSupportedException();

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => throw new NotSupportedException();

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y) => throw new NotSupportedException();
}
