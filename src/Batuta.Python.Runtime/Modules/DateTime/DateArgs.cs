using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>Argument checks and errors shared by the datetime types (CPython's messages).</summary>
internal static class DateArgs
{
    /// <summary>An int as a BigInteger, a float as a double; anything else is a TypeError when <paramref name="function"/> is named.</summary>
    public static object? Number(object? v, string? function) => v switch
    {
        null => null,
        PyInt i => (BigInteger)i,
        long l => (BigInteger)l,
        int n => (BigInteger)n,
        bool b => (BigInteger)(b ? 1 : 0),
        double d => d,
        _ when function is null => null,
        _ => throw new TypeError($"unsupported type for {function} component: {Dyn.TypeName(v)}"),
    };

    public static int Int(object? v, string what) => v switch
    {
        PyInt i => checked((int)(long)i),
        long l => checked((int)l),
        int n => n,
        bool b => b ? 1 : 0,
        double => throw new TypeError("'float' object cannot be interpreted as an integer"),
        _ => throw new TypeError($"an integer is required (got type {Dyn.TypeName(v)}) for {what}"),
    };

    /// <summary>The time-of-day checks datetime and time share (CPython's messages).</summary>
    public static void CheckClock(int hour, int minute, int second, int microsecond)
    {
        if (hour is < 0 or > 23) throw new ValueError("hour must be in 0..23");
        if (minute is < 0 or > 59) throw new ValueError("minute must be in 0..59");
        if (second is < 0 or > 59) throw new ValueError("second must be in 0..59");
        if (microsecond is < 0 or > 999999) throw new ValueError("microsecond must be in 0..999999");
    }

    /// <summary>hour, minute, second and microsecond of a datetime or time; null for another name.</summary>
    public static object? ClockAttribute(string name, int hour, int minute, int second, int microsecond) => name switch
    {
        "hour" => new PyInt(hour),
        "minute" => new PyInt(minute),
        "second" => new PyInt(second),
        "microsecond" => new PyInt(microsecond),
        _ => null,
    };

    /// <summary>
    /// A tzinfo argument: None or a <c>datetime.timezone</c>. A plain value is CPython's TypeError; any other object would be
    /// a tzinfo subclass, which Batuta does not run.
    /// </summary>
    public static PyTimeZone? TzInfo(object? v) => v switch
    {
        null => null,
        PyTimeZone tz => tz,
        _ when IsPlainValue(v) => throw new TypeError($"tzinfo argument must be None or of a tzinfo subclass, not type '{Dyn.TypeName(v)}'"),
        _ => throw new NotSupportedException("a tzinfo other than datetime.timezone is not supported by Batuta"),
    };

    private static bool IsPlainValue(object v) => v is PyInt or long or int or double or bool or string or PyDate or PyTimeDelta;

    /// <summary>An optional time component: 0 when not given.</summary>
    public static int IntOr0(object? v, string what) => v is null ? 0 : Int(v, what);

    public static object? Keyword(object?[] args, int index, PyDict<string, object?> kwargs, string name) =>
        index < args.Length ? args[index] : kwargs.TryGetValue(name, out var v) ? v : null;

    public static TypeError Unsupported(string op, object? a, object? b) =>
        new($"unsupported operand type(s) for {op}: '{Dyn.TypeName(a)}' and '{Dyn.TypeName(b)}'");

    /// <summary>A date against a datetime is CPython's "can't compare" (whichever side is which); anything else is not orderable.</summary>
    public static TypeError NotComparable(PyDate self, object? other) => other is PyDate
        ? new TypeError("can't compare datetime.datetime to datetime.date")
        : new TypeError($"'<' not supported between instances of 'datetime.{self.PyTypeName}' and '{Dyn.TypeName(other)}'");

    public static TypeError NotOrderable(object? a, object? b) =>
        new($"'<' not supported between instances of '{Dyn.TypeName(a)}' and '{Dyn.TypeName(b)}'");
}
