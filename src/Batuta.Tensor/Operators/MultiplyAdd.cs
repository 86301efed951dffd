namespace Batuta.Tensors.Operators;

/// <summary>x * y + z, fused for float and double.</summary>
public readonly struct MultiplyAddOperator<T> : ITernaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x, T y, T z) => Primitives.SimdLoops.ScalarFma(x, y, z);

    public static Vector128<T> Invoke(Vector128<T> x, Vector128<T> y, Vector128<T> z) => Primitives.SimdLoops.Fma(x, y, z);

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y, Vector256<T> z) => Primitives.SimdLoops.Fma(x, y, z);

    public static Vector512<T> Invoke(Vector512<T> x, Vector512<T> y, Vector512<T> z) => Primitives.SimdLoops.Fma(x, y, z);
}
