using Batuta.Generators.Kernels.Model;
using Batuta.Generators.Kernels.Parsing;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// Writes a lowered body as Vector128/256/512 code. Bools are lane masks held in the integer type of
/// the lane width (int for 32-bit lanes, long for 64-bit), and are reinterpreted for selects.
/// </summary>
internal sealed class VectorEmitter
{
    private readonly IReadOnlyList<string> _parameters;
    private readonly IReadOnlyDictionary<int, string> _letNames;
    private readonly ScalarType _mask;

    public VectorEmitter(int width, int laneBits, IReadOnlyList<string> parameters, IReadOnlyDictionary<int, string> letNames)
    {
        Width = width;
        _parameters = parameters;
        _letNames = letNames;
        _mask = ScalarTypes.MaskOf(laneBits);
    }

    public int Width { get; }

    /// <summary>The static Vector class of this width, fully qualified.</summary>
    public string V => Names.Vector(Width);

    public string VectorOf(ScalarType t) => Names.VectorOf(Width, t == ScalarType.Bool ? _mask : t);

    public string Emit(Expr e) => e switch
    {
        UnaryExpr u => u.Op == UnaryOp.Negate ? $"(-{Emit(u.Operand)})" : $"(~{Emit(u.Operand)})",
        BinaryExpr b => Binary(b),
        CompareExpr c => Compare(c),
        SelectExpr s => $"{V}.ConditionalSelect({FromMask(Emit(s.Condition), s.Type)}, {Emit(s.WhenTrue)}, {Emit(s.WhenFalse)})",
        ConvertExpr c => Convert(c),
        MathExpr m => Math(m),
        KernelCallExpr k => $"{k.Operator}.Invoke({string.Join(", ", k.Arguments.Select(Emit))})",
        _ => Operand(e),
    };

    /// <summary>The leaves: parameters, lets and tuple items by name, constants and external values broadcast to a vector.</summary>
    private string Operand(Expr e) => e switch
    {
        ParamExpr p => _parameters[p.Index],
        LetExpr l => _letNames[l.Id],
        TupleItemExpr t => _letNames[t.Id] + ".Item" + (t.Item + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ConstExpr c => Constant(c),
        ExternalExpr x => $"{V}.Create({x.Code})",
        _ => throw new InvalidOperationException("unknown expression " + e.GetType().Name),
    };

    private string Constant(ConstExpr c)
    {
        if (c.Type == ScalarType.Bool) return VectorOf(ScalarType.Bool) + (c.Literal == "true" ? ".AllBitsSet" : ".Zero");
        return $"{V}.Create({c.Literal})";
    }

    private string Binary(BinaryExpr b)
    {
        string l = Emit(b.Left);
        // A shift count stays a scalar int (the lowering made it a masked constant).
        bool shift = b.Op >= BinaryOp.ShiftLeft;
        string r = shift && b.Right is ConstExpr count ? count.Literal : Emit(b.Right);
        return shift ? Shift(b.Op, l, r) : $"({l} {Infix(b.Op)} {r})";
    }

    /// <summary>The vector operators of the arithmetic and bitwise ops (everything before the shifts).</summary>
    /// <summary>The operators a vector type has as C# operators (shifts go through <see cref="Shift"/>).</summary>
    private static string Infix(BinaryOp op) =>
        op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight or BinaryOp.ShiftRightUnsigned ? throw new InvalidOperationException("not an infix operator: " + op) : OperatorSymbols.Of(op);

    private string Shift(BinaryOp op, string l, string r) => op switch
    {
        BinaryOp.ShiftLeft => $"{V}.ShiftLeft({l}, {r})",
        BinaryOp.ShiftRight => $"{V}.ShiftRightArithmetic({l}, {r})",
        _ => $"{V}.ShiftRightLogical({l}, {r})",
    };

    private string Compare(CompareExpr c)
    {
        string l = Emit(c.Left), r = Emit(c.Right);
        var t = c.Left.Type;
        if (t == ScalarType.Bool) return c.Op == CompareOp.Equal ? $"(~({l} ^ {r}))" : $"({l} ^ {r})";
        return c.Op switch
        {
            CompareOp.Equal => ToMask($"{V}.Equals({l}, {r})", t),
            CompareOp.NotEqual => $"(~{ToMask($"{V}.Equals({l}, {r})", t)})",
            CompareOp.Less => ToMask($"{V}.LessThan({l}, {r})", t),
            CompareOp.LessOrEqual => ToMask($"{V}.LessThanOrEqual({l}, {r})", t),
            CompareOp.Greater => ToMask($"{V}.GreaterThan({l}, {r})", t),
            _ => ToMask($"{V}.GreaterThanOrEqual({l}, {r})", t),
        };
    }

    private string Convert(ConvertExpr c)
    {
        string o = Emit(c.Operand);
        return (c.Operand.Type, c.Type) switch
        {
            (ScalarType.Int, ScalarType.Float) => $"{V}.ConvertToSingle({o})",
            (ScalarType.Float, ScalarType.Int) => $"{V}.ConvertToInt32({o})",
            (ScalarType.Long, ScalarType.Double) => $"{V}.ConvertToDouble({o})",
            (ScalarType.Double, ScalarType.Long) => $"{V}.ConvertToInt64({o})",
            _ => o,
        };
    }

    private string Math(MathExpr m)
    {
        var args = m.Arguments.Select(Emit).ToArray();
        string joined = string.Join(", ", args);
        var argType = m.Arguments[0].Type;
        switch (m.Function)
        {
            case MathFunction.Exp:
                // Batuta.Tensor's exp polynomial: the same one its own exp kernels use.
                return $"global::Batuta.Tensors.Primitives.ExpPolynomial.Exp({joined})";
            case MathFunction.Tanh:
                return $"global::Batuta.Tensors.Operators.TanhOperator<{m.Type.Keyword()}>.Invoke({joined})";
        }
        string call = $"{V}.{m.Function}({joined})";
        return MathFunctions.IsPredicate(m.Function) ? ToMask(call, argType) : call;
    }

    /// <summary>A comparison result of <paramref name="operand"/> lanes as the kernel's integer mask type.</summary>
    private string ToMask(string vector, ScalarType operand) => operand switch
    {
        ScalarType.Float => $"{V}.AsInt32({vector})",
        ScalarType.Double => $"{V}.AsInt64({vector})",
        _ => vector,
    };

    /// <summary>A mask reinterpreted as lanes of <paramref name="target"/> (what ConditionalSelect needs).</summary>
    private string FromMask(string mask, ScalarType target) => target switch
    {
        ScalarType.Float => $"{V}.AsSingle({mask})",
        ScalarType.Double => $"{V}.AsDouble({mask})",
        _ => mask,
    };
}

/// <summary>Fully qualified names used across the emitters.</summary>
internal static class Names
{
    public const string Intrinsics = "global::System.Runtime.Intrinsics";
    public const string Support = "global::Batuta.Generated.Kernels";
    public const string Backends = "global::Batuta.Tensors.Backends";
    public const string Tensor = "global::Batuta.Tensors.Tensor";
    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    public const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
    public const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
    public const string Ilgpu = "global::ILGPU";
    public const string Dense = "global::ILGPU.Stride1D.Dense";

    public static string Vector(int width) => $"{Intrinsics}.Vector{width}";

    public static string VectorOf(int width, ScalarType t) => $"{Intrinsics}.Vector{width}<{t.Keyword()}>";

    public static string View(ScalarType t) => $"global::ILGPU.Runtime.ArrayView1D<{t.Keyword()}, {Dense}>";
}
