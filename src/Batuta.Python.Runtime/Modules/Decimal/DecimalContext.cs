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

    /// <summary>The smallest exponent a result may have: the default Emin (-999999) less the precision, plus one.</summary>
    internal static int Etiny => -999_999 - Current.Prec + 1;
    public string Rounding { get; private set; } = "ROUND_HALF_EVEN";

    public override string PyTypeName => "Context";

    public static DecimalContext GetContext() => Current;

    public static DecimalLocalContext Local(object? ctx = null, object? prec = null, object? rounding = null) => new(ctx, prec, rounding);

    internal void Set(int prec, string rounding)
    {
        Prec = prec;
        Rounding = rounding;
    }

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

/// <summary>
/// <c>decimal.localcontext(ctx=None, **kwargs)</c>: <c>with</c> makes the context's precision and rounding (a copy
/// of ctx's, or the current ones, then the keywords) current, and puts the previous ones back on leaving. There is
/// one context object, so a context taken before the block sees the block's settings while it runs.
/// </summary>
public sealed class DecimalLocalContext : PyObject, IPyAttributes, IPyKeywordMethods
{
    private readonly DecimalContext? _source;
    private readonly object? _prec;
    private readonly object? _rounding;
    private (int Prec, string Rounding) _saved;

    public DecimalLocalContext(object? ctx, object? prec, object? rounding)
    {
        _source = ctx is null ? null : ctx as DecimalContext ?? throw new TypeError("optional argument must be a context");
        _prec = prec;
        _rounding = rounding;
    }

    public override string PyTypeName => "ContextManager";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name is "__enter__" or "__exit__" ? name : null;
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "__enter__" => Enter(),
        "__exit__" => Exit(),
        _ => throw new AttributeError($"'decimal.ContextManager' object has no attribute '{name}'"),
    };

    private DecimalContext Enter()
    {
        var current = DecimalContext.Current;
        _saved = (current.Prec, current.Rounding);
        if (_source is not null) current.Set(_source.Prec, _source.Rounding);
        if (_prec is not null) current.SetAttr("prec", _prec);
        if (_rounding is not null) current.SetAttr("rounding", _rounding);
        return current;
    }

    private bool Exit()
    {
        DecimalContext.Current.Set(_saved.Prec, _saved.Rounding);
        return false;
    }
}
