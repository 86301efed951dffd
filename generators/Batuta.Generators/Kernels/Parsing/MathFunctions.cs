using Batuta.Generators.Kernels.Model;
using Microsoft.CodeAnalysis;

namespace Batuta.Generators.Kernels.Parsing;

/// <summary>
/// The Math/MathF (and float/double/int/long static) functions a SIMD body can call, by name and arity.
/// Tan, Log10 and Pow with a small integer exponent are rewritten by the lowering into these.
/// </summary>
internal static class MathFunctions
{
    private static readonly Dictionary<string, (MathFunction Function, int Arity, bool FloatingOnly, double Flops)> Table = new(StringComparer.Ordinal)
    {
        ["Abs"] = (MathFunction.Abs, 1, false, 1),
        ["Sqrt"] = (MathFunction.Sqrt, 1, true, 4),
        ["Min"] = (MathFunction.Min, 2, false, 1),
        ["Max"] = (MathFunction.Max, 2, false, 1),
        ["MinNumber"] = (MathFunction.MinNumber, 2, true, 1),
        ["MaxNumber"] = (MathFunction.MaxNumber, 2, true, 1),
        ["MinMagnitude"] = (MathFunction.MinMagnitude, 2, true, 2),
        ["MaxMagnitude"] = (MathFunction.MaxMagnitude, 2, true, 2),
        ["Clamp"] = (MathFunction.Clamp, 3, false, 2),
        ["CopySign"] = (MathFunction.CopySign, 2, true, 1),
        ["Exp"] = (MathFunction.Exp, 1, true, 20),
        ["Log"] = (MathFunction.Log, 1, true, 20),
        ["Log2"] = (MathFunction.Log2, 1, true, 20),
        ["Sin"] = (MathFunction.Sin, 1, true, 20),
        ["Cos"] = (MathFunction.Cos, 1, true, 20),
        ["Tanh"] = (MathFunction.Tanh, 1, true, 25),
        ["Floor"] = (MathFunction.Floor, 1, true, 1),
        ["Ceiling"] = (MathFunction.Ceiling, 1, true, 1),
        ["Round"] = (MathFunction.Round, 1, true, 1),
        ["Truncate"] = (MathFunction.Truncate, 1, true, 1),
        ["FusedMultiplyAdd"] = (MathFunction.FusedMultiplyAdd, 3, true, 2),
        ["Hypot"] = (MathFunction.Hypot, 2, true, 8),
        ["Lerp"] = (MathFunction.Lerp, 3, true, 3),
        ["DegreesToRadians"] = (MathFunction.DegreesToRadians, 1, true, 1),
        ["RadiansToDegrees"] = (MathFunction.RadiansToDegrees, 1, true, 1),
        ["IsNaN"] = (MathFunction.IsNaN, 1, true, 1),
        ["IsInfinity"] = (MathFunction.IsInfinity, 1, true, 1),
        ["IsFinite"] = (MathFunction.IsFinite, 1, true, 1),
        ["IsNegative"] = (MathFunction.IsNegative, 1, true, 1),
        ["IsPositive"] = (MathFunction.IsPositive, 1, true, 1),
        ["IsPositiveInfinity"] = (MathFunction.IsPositiveInfinity, 1, true, 1),
        ["IsNegativeInfinity"] = (MathFunction.IsNegativeInfinity, 1, true, 1),
    };

    /// <summary>System.Math, System.MathF and the static members of float, double, int and long.</summary>
    public static bool IsMathType(INamedTypeSymbol? type)
    {
        if (type is null) return false;
        if (type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64) return true;
        var name = type.ToDisplayString();
        return name is "System.Math" or "System.MathF";
    }

    public static bool TryGet(string name, int arity, out MathFunction function, out bool floatingOnly, out double flops)
    {
        if (Table.TryGetValue(name, out var entry) && entry.Arity == arity)
        {
            (function, floatingOnly, flops) = (entry.Function, entry.FloatingOnly, entry.Flops);
            return true;
        }
        (function, floatingOnly, flops) = (default, false, 0);
        return false;
    }

    /// <summary>True for the predicates (IsNaN, ...): they return a lane mask.</summary>
    public static bool IsPredicate(MathFunction f) => f >= MathFunction.IsNaN;
}
