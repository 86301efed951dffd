using System.Diagnostics.CodeAnalysis;
using Batuta.Tensors.Backends;
using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Primitives;

/// <summary>
/// The shared loops: one per operation shape (unary, binary, binary with a scalar, ternary,
/// aggregation, binary aggregation). Every operator struct runs through these, so the unrolling,
/// the overlapping last vector and the width choice are written once.
/// </summary>
/// <remarks>
/// The width is the widest of Vector512/256/128 that the CPU accelerates and the active
/// <see cref="BackendSelector"/> scope allows (<see cref="SimdWidth"/>). Loops process four
/// vectors per iteration, then single vectors, then finish with one overlapping vector computed from
/// the inputs before any store (so in-place use, destination == input, stays correct).
/// Partially overlapping input and destination spans are not supported.
/// </remarks>
public static partial class SimdLoops
{
    public static void Unary<T, TOp>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        if (destination.Length < x.Length) ThrowDestinationTooShort();
        UnaryCore<T, TOp>(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(destination), (nuint)x.Length, SimdWidth.ActiveBits);
    }

    public static void Binary<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (x.Length != y.Length) ThrowLengthMismatch(x.Length, y.Length);
        if (destination.Length < x.Length) ThrowDestinationTooShort();
        BinaryCore<T, TOp>(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), ref MemoryMarshal.GetReference(destination), (nuint)x.Length, SimdWidth.ActiveBits);
    }

    public static void Binary<T, TOp>(ReadOnlySpan<T> x, T y, Span<T> destination)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (destination.Length < x.Length) ThrowDestinationTooShort();
        BinaryScalarCore<T, TOp>(ref MemoryMarshal.GetReference(x), y, ref MemoryMarshal.GetReference(destination), (nuint)x.Length, SimdWidth.ActiveBits, scalarFirst: false);
    }

    public static void Binary<T, TOp>(T x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        if (destination.Length < y.Length) ThrowDestinationTooShort();
        BinaryScalarCore<T, TOp>(ref MemoryMarshal.GetReference(y), x, ref MemoryMarshal.GetReference(destination), (nuint)y.Length, SimdWidth.ActiveBits, scalarFirst: true);
    }

    public static void Ternary<T, TOp>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> z, Span<T> destination)
        where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
    {
        if (x.Length != y.Length) ThrowLengthMismatch(x.Length, y.Length);
        if (x.Length != z.Length) ThrowLengthMismatch(x.Length, z.Length);
        if (destination.Length < x.Length) ThrowDestinationTooShort();
        TernaryCore<T, TOp>(ref MemoryMarshal.GetReference(x), 1, ref MemoryMarshal.GetReference(y), 1, ref MemoryMarshal.GetReference(z), 1,
            ref MemoryMarshal.GetReference(destination), (nuint)x.Length, SimdWidth.ActiveBits);
    }

    /// <summary>Ternary with the second and third operands broadcast from scalars (clip, multiply-add by constants).</summary>
    public static void Ternary<T, TOp>(ReadOnlySpan<T> x, T y, T z, Span<T> destination)
        where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
    {
        if (destination.Length < x.Length) ThrowDestinationTooShort();
        TernaryCore<T, TOp>(ref MemoryMarshal.GetReference(x), 1, ref y, 0, ref z, 0, ref MemoryMarshal.GetReference(destination), (nuint)x.Length, SimdWidth.ActiveBits);
    }

    /// <summary>Folds <c>TTransform(x[i])</c> with <typeparamref name="TAggregate"/> (sum of squares, sum, max, ...).</summary>
    public static T Aggregate<T, TTransform, TAggregate>(ReadOnlySpan<T> x)
        where T : unmanaged, INumber<T> where TTransform : IUnaryOperator<T> where TAggregate : IAggregationOperator<T>
        => AggregateCore<T, TTransform, TAggregate>(ref MemoryMarshal.GetReference(x), (nuint)x.Length, SimdWidth.ActiveBits);

    /// <summary>Folds <c>TTransform(x[i], y[i])</c> with <typeparamref name="TAggregate"/> (dot, squared distance, ...).</summary>
    public static T Aggregate<T, TTransform, TAggregate>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, INumber<T> where TTransform : IBinaryOperator<T> where TAggregate : IAggregationOperator<T>
    {
        if (x.Length != y.Length) ThrowLengthMismatch(x.Length, y.Length);
        return AggregateCore<T, TTransform, TAggregate>(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), (nuint)x.Length, SimdWidth.ActiveBits);
    }

    /// <summary>Inner product with fused multiply-add for float and double.</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, INumber<T>
    {
        if (x.Length != y.Length) ThrowLengthMismatch(x.Length, y.Length);
        return DotCore(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), (nuint)x.Length, SimdWidth.ActiveBits);
    }

    /// <summary>
    /// Outputs at least this large are written with non-temporal stores: with the inputs they no longer
    /// fit in L2, so the stores would only evict them (measured: 100K floats are faster with normal
    /// stores, 200K and up with non-temporal ones; docs/benchmarks/tensor.md).
    /// </summary>
    internal static nuint NonTemporalBytes = 512u << 10;

    public static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, INumber<T> => Aggregate<T, IdentityOperator<T>, AddOperator<T>>(x);

    [DoesNotReturn]
    private static void ThrowDestinationTooShort() => throw new ArgumentException("destination is shorter than the input.", "destination");

    [DoesNotReturn]
    private static void ThrowLengthMismatch(int a, int b) => throw new ArgumentException($"input spans differ in length: {a} vs {b}.");
}
