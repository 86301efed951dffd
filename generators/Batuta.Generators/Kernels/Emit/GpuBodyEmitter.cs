using System.Globalization;
using Batuta.Generators.Kernels.Model;

namespace Batuta.Generators.Kernels.Emit;

/// <summary>
/// The body the ILGPU kernel runs (<c>GpuInvoke</c>): the lowered body written back as scalar C#, with
/// the constructs whose .NET semantics ILGPU does not reproduce spelled out through
/// <c>Batuta.Generated.Kernels.KernelGpuMath</c>: float → int and double → long conversions saturate
/// (NaN → 0, out of range → the integer's Min/MaxValue, as .NET's do; PTX's <c>cvt.rzi.s64.f64</c> gives
/// long.MinValue for NaN), <c>Clamp</c> without its throw helper (ILGPU cannot compile it, and the failed
/// compile breaks the ILGPU context for later kernels), and <c>Min</c>/<c>Max</c>/<c>…Number</c>/<c>…Magnitude</c>/<c>CopySign</c>
/// with .NET's NaN and signed-zero rules (PTX's <c>min.f32</c> returns the non-NaN operand).
/// A kernel without a lowered body keeps calling the user's method.
/// </summary>
internal static class GpuBodyEmitter
{
    private const string GpuMath = Names.Support + ".KernelGpuMath";
    private const string Bits = "global::ILGPU.Interop.FloatAsInt";

    public static void Emit(CodeWriter w, KernelShape k)
    {
        string parameters = string.Join(", ", k.Parameters.Select(p => p.Type.Keyword() + " " + p.Name));
        string arguments = string.Join(", ", k.Parameters.Select(p => p.Name));
        w.Line("/// <summary>One element as the ILGPU kernel computes it: the scalar body with .NET's conversion, clamp and min/max semantics spelled out (the GPU may still fuse a multiply and an add).</summary>");
        w.Line(Names.Hidden);
        if (k.Kernel.Body is not { } body)
        {
            w.Line($"internal static {k.ScalarReturn} GpuInvoke({parameters}) => {k.Method}({arguments});");
            return;
        }
        w.Open($"internal static {k.ScalarReturn} GpuInvoke({parameters})");
        w.Open("unchecked");
        var letNames = new Dictionary<int, string>();
        foreach (var let in body.Lets) letNames[let.Id] = OperatorEmitter.LetName(let);
        var e = new Scalar(k.Parameters.Select(p => p.Name).ToList(), letNames);
        foreach (var let in body.Lets) w.Line($"var {letNames[let.Id]} = {e.Emit(let.Value)};");
        w.Line(body.Results.Count == 1 ? $"return {e.Emit(body.Results[0])};" : $"return ({string.Join(", ", body.Results.Select(e.Emit))});");
        w.Close();
        w.Close();
    }

    private sealed class Scalar(IReadOnlyList<string> parameters, IReadOnlyDictionary<int, string> letNames)
    {
        public string Emit(Expr e) => e switch
        {
            UnaryExpr u => Unary(u),
            BinaryExpr b => Binary(b),
            CompareExpr c => $"({Emit(c.Left)} {Compare(c.Op)} {Emit(c.Right)})",
            SelectExpr s => $"({Emit(s.Condition)} ? {Emit(s.WhenTrue)} : {Emit(s.WhenFalse)})",
            ConvertExpr c => Convert(c),
            MathExpr m => Math(m),
            KernelCallExpr k => $"{k.Operator}.GpuInvoke({string.Join(", ", k.Arguments.Select(Emit))})",
            _ => Operand(e),
        };

        /// <summary>The leaves: parameters, lets and tuple items by name, constants and external values as written.</summary>
        private string Operand(Expr e) => e switch
        {
            ParamExpr p => parameters[p.Index],
            LetExpr l => letNames[l.Id],
            TupleItemExpr t => letNames[t.Id] + ".Item" + (t.Item + 1).ToString(CultureInfo.InvariantCulture),
            ConstExpr c => c.Literal,
            ExternalExpr x => x.Code,
            _ => throw new InvalidOperationException("unknown expression " + e.GetType().Name),
        };

        /// <summary>Negation; on a bool (or a logical not) C#'s !, otherwise the bitwise complement.</summary>
        private string Unary(UnaryExpr u) =>
            u.Op == UnaryOp.Negate ? $"(-{Emit(u.Operand)})" : u.Type == ScalarType.Bool || u.Op == UnaryOp.LogicalNot ? $"(!{Emit(u.Operand)})" : $"(~{Emit(u.Operand)})";

        private string Binary(BinaryExpr b)
        {
            return $"({Emit(b.Left)} {OperatorSymbols.Of(b.Op)} {Emit(b.Right)})";
        }

        private static string Compare(CompareOp op) => op switch
        {
            CompareOp.Equal => "==",
            CompareOp.NotEqual => "!=",
            CompareOp.Less => "<",
            CompareOp.LessOrEqual => "<=",
            CompareOp.Greater => ">",
            _ => ">=",
        };

        private string Convert(ConvertExpr c)
        {
            string o = Emit(c.Operand);
            return (c.Operand.Type, c.Type) switch
            {
                (ScalarType.Float, ScalarType.Int) => $"{GpuMath}.ToInt32({o})",
                (ScalarType.Double, ScalarType.Long) => $"{GpuMath}.ToInt64({o})",
                (var from, var to) when from == to => o,
                (_, var to) => $"(({to.Keyword()}){o})",
            };
        }

        private string Math(MathExpr m)
        {
            string args = string.Join(", ", m.Arguments.Select(Emit));
            var t = m.Arguments[0].Type;
            string math = t == ScalarType.Float ? "global::System.MathF" : "global::System.Math";
            string type = t.Keyword();
            if (SpelledOut(m, t, args, math) is { } code) return code;
            string callee = CalleeOf(m.Function, t) switch
            {
                Callee.GpuMath => GpuMath,
                Callee.SystemMath => "global::System.Math",
                Callee.MathOfType => math,
                // IsNaN, IsInfinity: .NET's own members (ILGPU maps them).
                _ => type,
            };
            return $"{callee}.{m.Function}({args})";
        }

        /// <summary>Where a function that is not spelled out is called from.</summary>
        private enum Callee
        {
            /// <summary>KernelGpuMath: .NET's NaN and signed-zero rules, and Clamp without its throw helper.</summary>
            GpuMath,

            /// <summary>System.Math, whose overloads cover every type (integer Abs/Min/Max).</summary>
            SystemMath,

            /// <summary>MathF for float, Math for double.</summary>
            MathOfType,

            /// <summary>The type's own static member (float.IsNaN).</summary>
            OwnType,
        }

        private static readonly Dictionary<MathFunction, Callee> Callees = new()
        {
            [MathFunction.Clamp] = Callee.GpuMath,
            [MathFunction.MinNumber] = Callee.GpuMath,
            [MathFunction.MaxNumber] = Callee.GpuMath,
            [MathFunction.MinMagnitude] = Callee.GpuMath,
            [MathFunction.MaxMagnitude] = Callee.GpuMath,
            [MathFunction.Hypot] = Callee.GpuMath,
            [MathFunction.IsFinite] = Callee.GpuMath,
            [MathFunction.Abs] = Callee.SystemMath,
            [MathFunction.Min] = Callee.SystemMath,
            [MathFunction.Max] = Callee.SystemMath,
            [MathFunction.Sqrt] = Callee.MathOfType,
            [MathFunction.Exp] = Callee.MathOfType,
            [MathFunction.Log] = Callee.MathOfType,
            [MathFunction.Sin] = Callee.MathOfType,
            [MathFunction.Cos] = Callee.MathOfType,
            [MathFunction.Tanh] = Callee.MathOfType,
            [MathFunction.Floor] = Callee.MathOfType,
            [MathFunction.Ceiling] = Callee.MathOfType,
            [MathFunction.Round] = Callee.MathOfType,
            [MathFunction.Truncate] = Callee.MathOfType,
        };

        /// <summary>The table, except that floating-point Min/Max need .NET's NaN rules (PTX's min.f32 returns the non-NaN operand).</summary>
        private static Callee CalleeOf(MathFunction f, ScalarType t) =>
            (f == MathFunction.Min || f == MathFunction.Max) && t.IsFloatingPoint() ? Callee.GpuMath
            : Callees.TryGetValue(f, out var callee) ? callee : Callee.OwnType;

        /// <summary>Functions the GPU body writes out itself (ILGPU has no PTX form for them, or .NET's faulted on CUDA); null for the others.</summary>
        private string? SpelledOut(MathExpr m, ScalarType t, string args, string math) =>
            Formula(m, t, args) ?? SignBits(m, t, args) ?? WithoutPtxForm(m, t, args, math);

        /// <summary>.NET's own formulas, spelled out (a kernel calling float.Lerp/DegreesToRadians/RadiansToDegrees faulted on CUDA).</summary>
        private string? Formula(MathExpr m, ScalarType t, string args)
        {
            string type = t.Keyword();
            switch (m.Function)
            {
                case MathFunction.Lerp:
                    {
                        string a = Emit(m.Arguments[0]), b = Emit(m.Arguments[1]), amount = Emit(m.Arguments[2]);
                        string one = t == ScalarType.Float ? "1f" : "1d";
                        return $"(({a} * ({one} - {amount})) + ({b} * {amount}))";
                    }
                case MathFunction.DegreesToRadians:
                    return $"(({args} * {type}.Pi) / {(t == ScalarType.Float ? "180f" : "180d")})";
                case MathFunction.RadiansToDegrees:
                    return $"(({args} * {(t == ScalarType.Float ? "180f" : "180d")}) / {type}.Pi)";
                case MathFunction.IsPositiveInfinity:
                    return $"({args} == {type}.PositiveInfinity)";
                case MathFunction.IsNegativeInfinity:
                    return $"({args} == {type}.NegativeInfinity)";
                default:
                    return null;
            }
        }

        /// <summary>Sign bits through ILGPU's bit casts (BitConverter's go through memory and fail on CUDA).</summary>
        private string? SignBits(MathExpr m, ScalarType t, string args)
        {
            switch (m.Function)
            {
                case MathFunction.IsNegative:
                    return t == ScalarType.Float ? $"((int){Bits}({args}) < 0)" : $"((long){Bits}({args}) < 0L)";
                case MathFunction.IsPositive:
                    return t == ScalarType.Float ? $"((int){Bits}({args}) >= 0)" : $"((long){Bits}({args}) >= 0L)";
                case MathFunction.CopySign:
                    {
                        string x = Emit(m.Arguments[0]), y = Emit(m.Arguments[1]);
                        return t == ScalarType.Float
                            ? $"global::ILGPU.Interop.IntAsFloat(({Bits}({x}) & 0x7FFFFFFFu) | ({Bits}({y}) & 0x80000000u))"
                            : $"global::ILGPU.Interop.IntAsFloat(({Bits}({x}) & 0x7FFFFFFFFFFFFFFFUL) | ({Bits}({y}) & 0x8000000000000000UL))";
                    }
                default:
                    return null;
            }
        }

        /// <summary>Functions ILGPU 1.5.3 has no PTX form for (ptxas: unresolved extern function), written with ones it has.</summary>
        private string? WithoutPtxForm(MathExpr m, ScalarType t, string args, string math)
        {
            switch (m.Function)
            {
                case MathFunction.Log2:
                    // log(x) / ln 2, within an ulp or two.
                    return $"({math}.Log({args}) * {(t == ScalarType.Float ? "1.44269504f" : "1.4426950408889634d")})";
                case MathFunction.FusedMultiplyAdd:
                    // ptxas contracts the multiply-add into one fma by default, ILGPU's CPU accelerator rounds twice.
                    return $"(({Emit(m.Arguments[0])} * {Emit(m.Arguments[1])}) + {Emit(m.Arguments[2])})";
                default:
                    return null;
            }
        }
    }
}
