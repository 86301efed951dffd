using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>C# spellings of the kernel model's binary operators, shared by the CPU vector and GPU scalar emitters.</summary>
internal static class OperatorSymbols
{
    public static string Of(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.And => "&",
        BinaryOp.Or => "|",
        BinaryOp.Xor => "^",
        BinaryOp.ShiftLeft => "<<",
        BinaryOp.ShiftRight => ">>",
        _ => ">>>",
    };
}
