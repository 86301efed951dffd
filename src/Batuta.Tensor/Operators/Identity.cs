namespace Batuta.Tensors.Operators;

/// <summary>Returns x (copies, and the transform of a plain sum).</summary>
public readonly struct IdentityOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => x;

    public static Vector128<T> Invoke(Vector128<T> x) => x;

    public static Vector256<T> Invoke(Vector256<T> x) => x;

    public static Vector512<T> Invoke(Vector512<T> x) => x;
}
