using Batuta.Tensors.Engine;
using Batuta.Tensors.Operators;

namespace Batuta.Tensors;

public static partial class Tensor
{

    /// <summary>Element-wise x + y, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Add<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, AddOperator<T>>("add", x, y, destination);

    public static Tensor<T> Add<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, AddOperator<T>>("add", x, y, scalarFirst: false, destination);

    public static Tensor<T> Add<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, AddOperator<T>>("add", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise x - y, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Subtract<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, SubtractOperator<T>>("subtract", x, y, destination);

    public static Tensor<T> Subtract<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, SubtractOperator<T>>("subtract", x, y, scalarFirst: false, destination);

    public static Tensor<T> Subtract<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, SubtractOperator<T>>("subtract", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise x * y, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Multiply<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, MultiplyOperator<T>>("multiply", x, y, destination);

    public static Tensor<T> Multiply<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, MultiplyOperator<T>>("multiply", x, y, scalarFirst: false, destination);

    public static Tensor<T> Multiply<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, MultiplyOperator<T>>("multiply", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise x / y (integers truncate toward zero), with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Divide<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, DivideOperator<T>>("divide", x, y, destination);

    public static Tensor<T> Divide<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, DivideOperator<T>>("divide", x, y, scalarFirst: false, destination);

    public static Tensor<T> Divide<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, DivideOperator<T>>("divide", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise numpy maximum (NaN propagates), with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Maximum<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, MaximumOperator<T>>("maximum", x, y, destination);

    public static Tensor<T> Maximum<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, MaximumOperator<T>>("maximum", x, y, scalarFirst: false, destination);

    public static Tensor<T> Maximum<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, MaximumOperator<T>>("maximum", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise numpy minimum (NaN propagates), with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Minimum<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, MinimumOperator<T>>("minimum", x, y, destination);

    public static Tensor<T> Minimum<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, MinimumOperator<T>>("minimum", x, y, scalarFirst: false, destination);

    public static Tensor<T> Minimum<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, MinimumOperator<T>>("minimum", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise x ** y, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Power<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, PowerOperator<T>>("power", x, y, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    public static Tensor<T> Power<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, PowerOperator<T>>("power", x, y, scalarFirst: false, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    public static Tensor<T> Power<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, PowerOperator<T>>("power", y, x, scalarFirst: true, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Element-wise 1 where x == y else 0, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Equal<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, EqualOperator<T>>("equal", x, y, destination);

    public static Tensor<T> Equal<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, EqualOperator<T>>("equal", x, y, scalarFirst: false, destination);

    public static Tensor<T> Equal<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, EqualOperator<T>>("equal", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise 1 where x != y else 0, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> NotEqual<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, NotEqualOperator<T>>("not_equal", x, y, destination);

    public static Tensor<T> NotEqual<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, NotEqualOperator<T>>("not_equal", x, y, scalarFirst: false, destination);

    public static Tensor<T> NotEqual<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, NotEqualOperator<T>>("not_equal", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise 1 where x &lt; y else 0, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Less<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, LessOperator<T>>("less", x, y, destination);

    public static Tensor<T> Less<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, LessOperator<T>>("less", x, y, scalarFirst: false, destination);

    public static Tensor<T> Less<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, LessOperator<T>>("less", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise 1 where x &lt;= y else 0, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> LessEqual<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, LessEqualOperator<T>>("less_equal", x, y, destination);

    public static Tensor<T> LessEqual<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, LessEqualOperator<T>>("less_equal", x, y, scalarFirst: false, destination);

    public static Tensor<T> LessEqual<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, LessEqualOperator<T>>("less_equal", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise 1 where x &gt; y else 0, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> Greater<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, GreaterOperator<T>>("greater", x, y, destination);

    public static Tensor<T> Greater<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, GreaterOperator<T>>("greater", x, y, scalarFirst: false, destination);

    public static Tensor<T> Greater<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, GreaterOperator<T>>("greater", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise 1 where x &gt;= y else 0, with numpy broadcasting. Writes into <paramref name="destination"/> when given (its shape must be the result's).</summary>
    public static Tensor<T> GreaterEqual<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Binary<T, GreaterEqualOperator<T>>("greater_equal", x, y, destination);

    public static Tensor<T> GreaterEqual<T>(this Tensor<T> x, T y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, GreaterEqualOperator<T>>("greater_equal", x, y, scalarFirst: false, destination);

    public static Tensor<T> GreaterEqual<T>(T x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.BinaryScalar<T, GreaterEqualOperator<T>>("greater_equal", y, x, scalarFirst: true, destination);

    /// <summary>Element-wise -x.</summary>
    public static Tensor<T> Negate<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Unary<T, NegateOperator<T>>("negative", x, destination);

    /// <summary>Element-wise |x|.</summary>
    public static Tensor<T> Abs<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Unary<T, AbsOperator<T>>("absolute", x, destination);

    /// <summary>Element-wise x * x.</summary>
    public static Tensor<T> Square<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => ElementWise.Unary<T, SquareOperator<T>>("square", x, destination);

    /// <summary>Element-wise square root.</summary>
    public static Tensor<T> Sqrt<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, SqrtOperator<T>>("sqrt", x, destination, flops: 4, parallelThreshold: Parallelism.CheapElementWiseThreshold);

    /// <summary>Element-wise e^x (SIMD polynomial, ≤ 2 ulp).</summary>
    public static Tensor<T> Exp<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, ExpOperator<T>>("exp", x, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Element-wise natural logarithm.</summary>
    public static Tensor<T> Log<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, LogOperator<T>>("log", x, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Element-wise sine.</summary>
    public static Tensor<T> Sin<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, SinOperator<T>>("sin", x, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Element-wise cosine.</summary>
    public static Tensor<T> Cos<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, CosOperator<T>>("cos", x, destination, flops: 20, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Element-wise hyperbolic tangent.</summary>
    public static Tensor<T> Tanh<T>(this Tensor<T> x, Tensor<T>? destination = null) where T : unmanaged, IFloatingPointIeee754<T>
        => ElementWise.Unary<T, TanhOperator<T>>("tanh", x, destination, flops: 25, parallelThreshold: Parallelism.ExpensiveElementWiseThreshold);

    /// <summary>Element-wise x ** <paramref name="exponent"/> (numpy power with a scalar exponent; x ** 2 is a multiply).</summary>
    public static Tensor<T> Pow<T>(this Tensor<T> x, T exponent, Tensor<T>? destination = null) where T : unmanaged, INumber<T>
        => exponent == T.CreateTruncating(2) ? ElementWise.Unary<T, SquareOperator<T>>("power", x, destination) : Power(x, exponent, destination);

    /// <summary>Element-wise x ** y with broadcasting.</summary>
    public static Tensor<T> Pow<T>(this Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null) where T : unmanaged, INumber<T> => Power(x, y, destination);

    /// <summary>Copies <paramref name="x"/> into <paramref name="destination"/> with broadcasting (numpy's copyto).</summary>
    public static Tensor<T> CopyTo<T>(this Tensor<T> x, Tensor<T> destination) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.CopyFrom(x);
        return destination;
    }
}
