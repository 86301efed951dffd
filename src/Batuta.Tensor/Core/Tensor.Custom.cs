using Batuta.Tensors.Engine;
using Batuta.Tensors.Operators;
using Batuta.Tensors.Primitives;

namespace Batuta.Tensors;

public static partial class Tensor
{
    /// <summary>
    /// Runs any unary operator struct (a built-in one or one generated from a <c>[Kernel]</c> method)
    /// element-wise, with the same engine as the built-in operations: contiguous data goes to the
    /// SIMD loops, views and broadcasting through the strided loop, the selector picks the backend.
    /// </summary>
    public static Tensor<T> Apply<T, TOp>(Tensor<T> x, Tensor<T>? destination = null, string name = "kernel", double flopsPerElement = 1)
        where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
        => ElementWise.Unary<T, TOp>(name, x, destination, flopsPerElement,
            flopsPerElement > 4 ? Parallelism.ExpensiveElementWiseThreshold : Parallelism.CheapElementWiseThreshold);

    /// <summary>Runs a binary operator struct element-wise with numpy broadcasting.</summary>
    public static Tensor<T> Apply<T, TOp>(Tensor<T> x, Tensor<T> y, Tensor<T>? destination = null, string name = "kernel", double flopsPerElement = 1)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
        => ElementWise.Binary<T, TOp>(name, x, y, destination, flopsPerElement,
            flopsPerElement > 4 ? Parallelism.ExpensiveElementWiseThreshold : Parallelism.CheapElementWiseThreshold);

    /// <summary>Runs a binary operator struct with a scalar second operand.</summary>
    public static Tensor<T> Apply<T, TOp>(Tensor<T> x, T y, Tensor<T>? destination = null, string name = "kernel", double flopsPerElement = 1)
        where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
        => ElementWise.BinaryScalar<T, TOp>(name, x, y, scalarFirst: false, destination, flopsPerElement,
            flopsPerElement > 4 ? Parallelism.ExpensiveElementWiseThreshold : Parallelism.CheapElementWiseThreshold);

    /// <summary>Runs a ternary operator struct element-wise with numpy broadcasting over all three operands.</summary>
    public static Tensor<T> Apply<T, TOp>(Tensor<T> x, Tensor<T> y, Tensor<T> z, Tensor<T>? destination = null, string name = "kernel", double flopsPerElement = 1)
        where T : unmanaged, INumber<T> where TOp : ITernaryOperator<T>
        => ElementWise.Ternary<T, TOp>(name, x, y, z, destination, flopsPerElement);

    /// <summary>Folds <c>TTransform(x)</c> over all elements with <typeparamref name="TAggregate"/> (a generated reduction kernel's entry point).</summary>
    public static T Aggregate<T, TTransform, TAggregate>(Tensor<T> x)
        where T : unmanaged, INumber<T> where TTransform : IUnaryOperator<T> where TAggregate : IAggregationOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        using var c = x.Contiguous();
        return SimdLoops.Aggregate<T, TTransform, TAggregate>(c.AsReadOnlySpan());
    }

    /// <summary>Folds <c>TTransform(x, y)</c> over all element pairs (equal shapes) with <typeparamref name="TAggregate"/>.</summary>
    public static T Aggregate<T, TTransform, TAggregate>(Tensor<T> x, Tensor<T> y)
        where T : unmanaged, INumber<T> where TTransform : IBinaryOperator<T> where TAggregate : IAggregationOperator<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (!x.ShapeArray.AsSpan().SequenceEqual(y.ShapeArray))
            throw new TensorShapeException("aggregate", x.Shape, y.Shape, "differ: a binary aggregation takes equal shapes.");
        using var cx = x.Contiguous();
        using var cy = y.Contiguous();
        return SimdLoops.Aggregate<T, TTransform, TAggregate>(cx.AsReadOnlySpan(), cy.AsReadOnlySpan());
    }
}
