namespace Batuta.Tensors;

/// <summary>
/// Thrown when operand shapes do not fit an operation. The message names the operation and both
/// shapes, and says which dimensions disagree, so a broadcasting mistake never passes silently.
/// </summary>
public sealed class TensorShapeException : ArgumentException
{
    public TensorShapeException(string operation, TensorShape left, TensorShape right, string detail)
        : base($"{operation}: shapes {left} and {right} {detail}")
    {
        Operation = operation;
        Left = left;
        Right = right;
    }

    public TensorShapeException(string operation, TensorShape shape, string detail)
        : base($"{operation}: shape {shape} {detail}")
    {
        Operation = operation;
        Left = shape;
        Right = shape;
    }

    /// <summary>The operation that rejected the shapes (numpy's name, e.g. <c>matmul</c>, <c>add</c>).</summary>
    public string Operation { get; }

    public TensorShape Left { get; }

    public TensorShape Right { get; }
}
