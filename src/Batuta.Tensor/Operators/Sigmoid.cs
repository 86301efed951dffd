namespace Batuta.Tensors.Operators;

/// <summary>1 / (1 + e^-x), with the SIMD exp: saturates cleanly to 0 and 1 at the extremes.</summary>
public readonly struct SigmoidOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => true;

    public static T Invoke(T x) => T.One / (T.One + HorizontalOps.Exp(-x));

    public static Vector128<T> Invoke(Vector128<T> x) => Vector128<T>.One / (Vector128<T>.One + Primitives.ExpPolynomial.Exp(-x));

    public static Vector256<T> Invoke(Vector256<T> x) => Vector256<T>.One / (Vector256<T>.One + Primitives.ExpPolynomial.Exp(-x));

    public static Vector512<T> Invoke(Vector512<T> x) => Vector512<T>.One / (Vector512<T>.One + Primitives.ExpPolynomial.Exp(-x));
}
