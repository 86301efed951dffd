namespace Batuta.Python.Runtime.Modules;

/// <summary>decimal.DecimalException and its signals that programs catch (CPython's messages list the signal class).</summary>
public class DecimalException : ArithmeticError
{
    public DecimalException(string message) : base(message) { }
    public override string PyModule => "decimal";
}

public sealed class InvalidOperation : DecimalException
{
    public InvalidOperation(string condition) : base($"[<class 'decimal.{condition}'>]") { }
}

/// <summary>A ZeroDivisionError too, as in CPython, so <c>except ZeroDivisionError</c> catches it.</summary>
public sealed class DivisionByZero : ZeroDivisionError
{
    public DivisionByZero() : base("[<class 'decimal.DivisionByZero'>]") { }
    public override string PyModule => "decimal";
}

/// <summary>
/// <c>decimal.getcontext()</c>: one process-wide context whose precision and rounding mode every operation reads.
/// Exponent limits and traps are not modelled (the default traps are always on).
/// </summary>
public sealed class DecimalContext : PyObject, IPyAttributes, IPySetAttr
{
    public static readonly DecimalContext Current = new();

    private static readonly string[] Modes =
    {
        "ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP",
    };

    public int Prec { get; private set; } = 28;
    public string Rounding { get; private set; } = "ROUND_HALF_EVEN";

    public override string PyTypeName => "Context";

    public static DecimalContext GetContext() => Current;

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch { "prec" => new PyInt(Prec), "rounding" => Rounding, _ => null };
        return value is not null;
    }

    public void SetAttr(string name, object? value)
    {
        switch (name)
        {
            case "prec":
                var p = Dyn.Cast<long>(value);
                Prec = p >= 1 ? (int)Math.Min(p, 999_999_999) : throw new ValueError("valid range for prec is [1, MAX_PREC]");
                break;
            case "rounding":
                Rounding = CheckMode(value);
                break;
            default: throw new AttributeError($"'decimal.Context' object has no attribute '{name}'");
        }
    }

    /// <summary>A rounding argument: one of the ROUND_* names (the module's constants are those strings).</summary>
    internal static string CheckMode(object? value) =>
        value is string s && Array.IndexOf(Modes, s) >= 0 ? s : throw new TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]");
}
