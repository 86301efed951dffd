namespace Batuta.Tensors.Operators;

/// <summary>SiLU (swish with β = 1): x · sigmoid(x) = x / (1 + e^-x).</summary>
public readonly struct SiluOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => x / (T.One + HorizontalOps.Exp(-x));

    public static Vector128<T> Invoke(Vector128<T> x) => x / (Vector128<T>.One + Primitives.ExpPolynomial.Exp(-x));

    public static Vector256<T> Invoke(Vector256<T> x) => x / (Vector256<T>.One + Primitives.ExpPolynomial.Exp(-x));

    public static Vector512<T> Invoke(Vector512<T> x) => x / (Vector512<T>.One + Primitives.ExpPolynomial.Exp(-x));
}
