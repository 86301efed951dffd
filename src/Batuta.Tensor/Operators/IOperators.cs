namespace Batuta.Tensors.Operators;

/// <summary>
/// An element-wise function of one value, in the TensorPrimitives shape: one scalar body and one
/// body per vector width. The shared loops in <see cref="Primitives.SimdLoops"/> pick the widest
/// width the CPU (and the active backend scope) allows. Generated <c>[Kernel]</c> operators
/// implement the same interfaces.
/// </summary>
public interface IUnaryOperator<T>
{
    /// <summary>False when only the scalar body is exact (the loops then stay scalar).</summary>
    static abstract bool Vectorizable { get; }

    static abstract T Invoke(T x);

    static abstract Vector128<T> Invoke(Vector128<T> x);

    static abstract Vector256<T> Invoke(Vector256<T> x);

    static abstract Vector512<T> Invoke(Vector512<T> x);
}

/// <summary>An element-wise function of two values.</summary>
public interface IBinaryOperator<T>
{
    static abstract bool Vectorizable { get; }

    static abstract T Invoke(T x, T y);

    static abstract Vector128<T> Invoke(Vector128<T> x, Vector128<T> y);

    static abstract Vector256<T> Invoke(Vector256<T> x, Vector256<T> y);

    static abstract Vector512<T> Invoke(Vector512<T> x, Vector512<T> y);
}

/// <summary>An element-wise function of three values (where, clip, multiply-add).</summary>
public interface ITernaryOperator<T>
{
    static abstract bool Vectorizable { get; }

    static abstract T Invoke(T x, T y, T z);

    static abstract Vector128<T> Invoke(Vector128<T> x, Vector128<T> y, Vector128<T> z);

    static abstract Vector256<T> Invoke(Vector256<T> x, Vector256<T> y, Vector256<T> z);

    static abstract Vector512<T> Invoke(Vector512<T> x, Vector512<T> y, Vector512<T> z);
}

/// <summary>
/// An associative combining operator with an identity (sum, product, min, max): the binary body
/// combines lanes, the horizontal bodies fold one vector into a scalar.
/// </summary>
public interface IAggregationOperator<T> : IBinaryOperator<T>
{
    static abstract T Identity { get; }

    static abstract T Invoke(Vector128<T> x);

    static abstract T Invoke(Vector256<T> x);

    static abstract T Invoke(Vector512<T> x);
}
