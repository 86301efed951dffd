namespace Batuta.Tensors.Operators;

/// <summary>GELU, tanh approximation (PyTorch's <c>approximate='tanh'</c>): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
public readonly struct GeluTanhOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T C0 => T.CreateTruncating(0.7978845608028654);
    private static T C1 => T.CreateTruncating(0.044715);
    private static T Half => T.CreateTruncating(0.5);

    public static bool Vectorizable => true;

    public static T Invoke(T x) => Half * x * (T.One + TanhOperator<T>.Invoke(C0 * (x + C1 * x * x * x)));

    public static Vector128<T> Invoke(Vector128<T> x) =>
        Vector128.Create(Half) * x * (Vector128<T>.One + TanhOperator<T>.Invoke(Vector128.Create(C0) * (x + Vector128.Create(C1) * x * x * x)));

    public static Vector256<T> Invoke(Vector256<T> x) =>
        Vector256.Create(Half) * x * (Vector256<T>.One + TanhOperator<T>.Invoke(Vector256.Create(C0) * (x + Vector256.Create(C1) * x * x * x)));

    public static Vector512<T> Invoke(Vector512<T> x) =>
        Vector512.Create(Half) * x * (Vector512<T>.One + TanhOperator<T>.Invoke(Vector512.Create(C0) * (x + Vector512.Create(C1) * x * x * x)));
}
