using System.Globalization;

namespace Batuta.Python.Runtime.Modules;

/// <summary><c>datetime.time</c> without a time zone.</summary>
public sealed class PyTime : PyObject, IPyOrdered, IPyHashable, IPyAttributes, IPyKeywordMethods, Text.IPyFormattable
{
    public PyTime(object? hour = null, object? minute = null, object? second = null, object? microsecond = null)
        : this(DateArgs.IntOr0(hour, "hour"), DateArgs.IntOr0(minute, "minute"),
            DateArgs.IntOr0(second, "second"), DateArgs.IntOr0(microsecond, "microsecond"), validate: true)
    {
    }

    internal PyTime(int hour, int minute, int second, int microsecond, bool validate)
    {
        if (validate) DateArgs.CheckClock(hour, minute, second, microsecond);
        Hour = hour;
        Minute = minute;
        Second = second;
        Microsecond = microsecond;
    }

    /// <summary>time.fromisoformat: an optional 'T', then the time as datetime.fromisoformat reads it.</summary>
    public static PyTime FromIsoFormat(string s)
    {
        int start = s.StartsWith('T') ? 1 : 0;
        int end = DateFormat.TryIsoTime(s, start, out var h, out var m, out var sec, out var us);
        if (end == s.Length) return new PyTime(h, m, sec, us, validate: true);
        // an aware time would need a tzinfo this class does not carry: refused rather than parsed as a wrong value
        if (end > 0 && s[end] is '+' or '-' or 'Z') throw new NotSupportedException("time.fromisoformat() with a UTC offset is not supported by Batuta");
        throw new ValueError($"Invalid isoformat string: {Repr.Of(s)}");
    }

    public int Hour { get; }
    public int Minute { get; }
    public int Second { get; }
    public int Microsecond { get; }
    private long Total => ((Hour * 60L + Minute) * 60 + Second) * 1_000_000 + Microsecond;

    public override string PyTypeName => "time";

    /// <summary>HH:MM:SS[.ffffff] as <c>isoformat(timespec=...)</c> writes it.</summary>
    internal static string Format(int h, int m, int s, int us, string timespec) => timespec switch
    {
        "auto" => us != 0 ? Format(h, m, s, us, "microseconds") : Format(h, m, s, us, "seconds"),
        "hours" => h.ToString("D2", CultureInfo.InvariantCulture),
        "minutes" => string.Format(CultureInfo.InvariantCulture, "{0:D2}:{1:D2}", h, m),
        "seconds" => string.Format(CultureInfo.InvariantCulture, "{0:D2}:{1:D2}:{2:D2}", h, m, s),
        "milliseconds" => string.Format(CultureInfo.InvariantCulture, "{0:D2}:{1:D2}:{2:D2}.{3:D3}", h, m, s, us / 1000),
        "microseconds" => string.Format(CultureInfo.InvariantCulture, "{0:D2}:{1:D2}:{2:D2}.{3:D6}", h, m, s, us),
        _ => throw new ValueError("Unknown timespec value"),
    };

    public string IsoFormat(string timespec = "auto") => Format(Hour, Minute, Second, Microsecond, timespec);
    public override string PyStr() => IsoFormat();

    public override string PyRepr()
    {
        var parts = new List<int> { Hour, Minute };
        if (Second != 0 || Microsecond != 0) parts.Add(Second);
        if (Microsecond != 0) parts.Add(Microsecond);
        return "datetime.time(" + string.Join(", ", parts.Select(p => p.ToString(CultureInfo.InvariantCulture))) + ")";
    }

    public string StrFTime(string format) => DateFormat.StrFTime(new PyDateTime(1900, 1, 1, Hour, Minute, Second, Microsecond, validate: false), format);
    public string PyFormat(string spec) => spec.Length == 0 ? PyStr() : StrFTime(spec);
    public long PyHash() => Dyn.PyHashOf(new PyInt(Total));
    public override bool Equals(object? obj) => obj is PyTime o && o.Total == Total;
    public override int GetHashCode() => Total.GetHashCode();
    public int PyCompare(object? other) => other is PyTime o ? Total.CompareTo(o.Total) : throw DateArgs.NotOrderable(this, other);

    public bool TryGetAttr(string name, out object? value)
    {
        value = DateArgs.ClockAttribute(name, Hour, Minute, Second, Microsecond);
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "isoformat" => IsoFormat(Str.Of(DateArgs.Keyword(args, 0, kwargs, "timespec") ?? "auto")),
        "strftime" => StrFTime(Str.Of(DateArgs.Keyword(args, 0, kwargs, "format"))),
        "replace" => new PyTime(DateArgs.Keyword(args, 0, kwargs, "hour") ?? Hour, DateArgs.Keyword(args, 1, kwargs, "minute") ?? Minute,
            DateArgs.Keyword(args, 2, kwargs, "second") ?? Second, DateArgs.Keyword(args, 3, kwargs, "microsecond") ?? Microsecond),
        _ => throw new AttributeError($"'datetime.time' object has no attribute '{name}'"),
    };
}
