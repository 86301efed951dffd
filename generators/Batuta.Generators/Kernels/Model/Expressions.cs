namespace Batuta.Generators.Kernels.Model;

/// <summary>
/// A kernel body lowered to side-effect-free expressions over lanes: the SIMD emitter turns each node
/// into one Vector128/256/512 operation. Records compare by value, so an unchanged body gives an
/// equal model and the pipeline stays cached.
/// </summary>
internal abstract record Expr(ScalarType Type);

/// <summary>The kernel's parameter number <see cref="Index"/>.</summary>
internal sealed record ParamExpr(int Index, ScalarType Type) : Expr(Type);

/// <summary>The value of a scalar <see cref="Let"/>.</summary>
internal sealed record LetExpr(int Id, ScalarType Type) : Expr(Type);

/// <summary>Element <see cref="Item"/> of a tuple-valued <see cref="Let"/> (a call to a kernel that returns a tuple).</summary>
internal sealed record TupleItemExpr(int Id, int Item, ScalarType Type) : Expr(Type);

/// <summary>A constant, as a C# literal of its type (<c>2f</c>, <c>0.5d</c>, <c>float.NaN</c>, <c>true</c>).</summary>
internal sealed record ConstExpr(string Literal, ScalarType Type) : Expr(Type);

/// <summary>A value read from outside the kernel once per vector (a static field), as fully qualified C#.</summary>
internal sealed record ExternalExpr(string Code, ScalarType Type) : Expr(Type);

internal enum UnaryOp
{
    Negate,
    BitwiseNot,
    LogicalNot,
}

internal sealed record UnaryExpr(UnaryOp Op, Expr Operand, ScalarType Type) : Expr(Type);

internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    And,
    Or,
    Xor,

    /// <summary>Shifts take a constant count (the right operand is a <see cref="ConstExpr"/>, already masked).</summary>
    ShiftLeft,
    ShiftRight,
    ShiftRightUnsigned,
}

internal sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, ScalarType Type) : Expr(Type);

internal enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A comparison: a <see cref="ScalarType.Bool"/> (a lane mask in vector code).</summary>
internal sealed record CompareExpr(CompareOp Op, Expr Left, Expr Right) : Expr(ScalarType.Bool);

/// <summary>The ternary operator and if-converted branches: both sides are computed, the mask picks per lane.</summary>
internal sealed record SelectExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse, ScalarType Type) : Expr(Type);

/// <summary>A numeric conversion between types of the same width (int ↔ float, long ↔ double).</summary>
internal sealed record ConvertExpr(Expr Operand, ScalarType Type) : Expr(Type);

/// <summary>A Math/MathF (or float/double static) function with a SIMD form.</summary>
internal sealed record MathExpr(MathFunction Function, EquatableArray<Expr> Arguments, ScalarType Type) : Expr(Type);

/// <summary>A call to another [Kernel] through its generated operator struct (<see cref="Operator"/> is fully qualified).</summary>
internal sealed record KernelCallExpr(string Operator, EquatableArray<Expr> Arguments, EquatableArray<ScalarTypeBox> Results) : Expr(Results[0].Value);

/// <summary>An equatable box so result-type lists can live in an <see cref="EquatableArray{T}"/>.</summary>
internal readonly record struct ScalarTypeBox(ScalarType Value);

/// <summary>
/// One named intermediate value (a local variable assignment, a merged branch, a shared argument).
/// <see cref="Arity"/> is 1 for scalars and the element count for a tuple-valued kernel call.
/// </summary>
internal sealed record Let(int Id, string Name, Expr Value, int Arity);

/// <summary>A lowered body: the lets in evaluation order and one result per returned value.</summary>
internal sealed record KernelBody(EquatableArray<Let> Lets, EquatableArray<Expr> Results);
