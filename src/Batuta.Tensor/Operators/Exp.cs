namespace Batuta.Tensors.Operators;

/// <summary>e^x through <see cref="Primitives.ExpPolynomial"/> (the same polynomial in the scalar and vector bodies).</summary>
public readonly struct ExpOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => HorizontalOps.Exp(x);

    public static Vector128<T> Invoke(Vector128<T> x) => Primitives.ExpPolynomial.Exp(x);

    public static Vector256<T> Invoke(Vector256<T> x) => Primitives.ExpPolynomial.Exp(x);

    public static Vector512<T> Invoke(Vector512<T> x) => Primitives.ExpPolynomial.Exp(x);
}
