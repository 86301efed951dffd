namespace Batuta.Tensors.Operators;

/// <summary>numpy's where: y where x is non-zero, else z.</summary>
public readonly struct WhereOperator<T> : ITernaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y, T z) => x != T.Zero ? y : z;

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y, Vector128<T> z) => Vector128.ConditionalSelect(~Vector128.Equals(x, Vector128<T>.Zero), y, z);

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y, Vector256<T> z) => Vector256.ConditionalSelect(~Vector256.Equals(x, Vector256<T>.Zero), y, z);

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y, Vector512<T> z) => Vector512.ConditionalSelect(~Vector512.Equals(x, Vector512<T>.Zero), y, z);
}
