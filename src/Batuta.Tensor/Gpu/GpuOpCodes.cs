using Batuta.Tensors.Operators;

namespace Batuta.Tensors.Gpu;

/// <summary>
/// Which operator structs have a GPU twin. GPU kernels switch on a small op code (ILGPU compiles
/// plain static code, not static-abstract interface calls), so each CPU operator maps to one code here.
/// Integer element types stay on the CPU.
/// </summary>
internal static class GpuOpCodes
{
    public const int Add = 0, Subtract = 1, Multiply = 2, Divide = 3, Maximum = 4, Minimum = 5;

    public const int Identity = 0, Negate = 1, Abs = 2, Exp = 3, Log = 4, Sqrt = 5, Tanh = 6, Sigmoid = 7, Relu = 8, Sin = 9, Cos = 10, Square = 11, Silu = 12;

    public const int ReduceSum = 0, ReduceMax = 1, ReduceMin = 2;

    public static int Binary<T, TOp>() => BinaryCode<T, TOp>.Value;

    public static int Unary<T, TOp>() => UnaryCode<T, TOp>.Value;

    private static bool IsFloat<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double);

    private static class BinaryCode<T, TOp>
    {
        public static readonly int Value = Compute();

        private static int Compute()
        {
            if (!IsFloat<T>() || !typeof(TOp).IsGenericType) return -1;
            var d = typeof(TOp).GetGenericTypeDefinition();
            if (d == typeof(AddOperator<>)) return Add;
            if (d == typeof(SubtractOperator<>)) return Subtract;
            if (d == typeof(MultiplyOperator<>)) return Multiply;
            if (d == typeof(DivideOperator<>)) return Divide;
            if (d == typeof(MaximumOperator<>)) return Maximum;
            if (d == typeof(MinimumOperator<>)) return Minimum;
            return -1;
        }
    }

    private static class UnaryCode<T, TOp>
    {
        public static readonly int Value = Compute();

        private static int Compute()
        {
            if (!IsFloat<T>() || !typeof(TOp).IsGenericType) return -1;
            var d = typeof(TOp).GetGenericTypeDefinition();
            if (d == typeof(IdentityOperator<>)) return Identity;
            if (d == typeof(NegateOperator<>)) return Negate;
            if (d == typeof(AbsOperator<>)) return Abs;
            if (d == typeof(ExpOperator<>)) return Exp;
            if (d == typeof(LogOperator<>)) return Log;
            if (d == typeof(SqrtOperator<>)) return Sqrt;
            if (d == typeof(TanhOperator<>)) return Tanh;
            if (d == typeof(SigmoidOperator<>)) return Sigmoid;
            if (d == typeof(ReluOperator<>)) return Relu;
            if (d == typeof(SinOperator<>)) return Sin;
            if (d == typeof(CosOperator<>)) return Cos;
            if (d == typeof(SquareOperator<>)) return Square;
            if (d == typeof(SiluOperator<>)) return Silu;
            return -1;
        }
    }
}
