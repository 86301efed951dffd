namespace Batuta.Tensors.Operators;

/// <summary>
/// Exact GELU (PyTorch's default): 0.5·x·(1 + erf(x/√2)). Scalar only: erf comes from
/// <see cref="Primitives.SpecialFunctions.Erf"/>, computed in double.
/// </summary>
public readonly struct GeluOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static bool Vectorizable => false;

    public static T Invoke(T x)
    {
        double v = double.CreateTruncating(x);
        return T.CreateTruncating(0.5 * v * (1.0 + Primitives.SpecialFunctions.Erf(v * 0.70710678118654752440)));
    }

    public static Vector128<T> Invoke(Vector128<T> x) => throw new NotSupportedException();

    public static Vector256<T> Invoke(Vector256<T> x) => throw new NotSupportedException();

    public static Vector512<T> Invoke(Vector512<T> x) => throw new NotSupportedException();
}
