using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>datetime.datetime</c> to the microsecond: naive, or aware with a fixed UTC offset (what strptime's %z gives);
/// aware values compare and subtract in UTC, and mixing them with naive ones raises CPython's TypeError.
/// </summary>
public sealed class PyDateTime : PyDate
{
    public PyDateTime(object? year, object? month, object? day, object? hour = null, object? minute = null, object? second = null, object? microsecond = null)
        : this(DateArgs.Int(year, "year"), DateArgs.Int(month, "month"), DateArgs.Int(day, "day"),
            DateArgs.IntOr0(hour, "hour"), DateArgs.IntOr0(minute, "minute"),
            DateArgs.IntOr0(second, "second"), DateArgs.IntOr0(microsecond, "microsecond"), validate: true)
    {
    }

    internal PyDateTime(int year, int month, int day, int hour, int minute, int second, int microsecond, bool validate)
        : base(year, month, day, validate)
    {
        if (validate) DateArgs.CheckClock(hour, minute, second, microsecond);
        Hour = hour;
        Minute = minute;
        Second = second;
        Microsecond = microsecond;
    }

    public int Hour { get; }
    public int Minute { get; }
    public int Second { get; }
    public int Microsecond { get; }

    /// <summary>The fixed time zone of an aware datetime; null when naive.</summary>
    public PyTimeZone? TzInfo { get; private init; }

    internal PyDateTime WithTz(PyTimeZone? tz) => new(Year, Month, Day, Hour, Minute, Second, Microsecond, validate: false) { TzInfo = tz };

    private string OffsetSuffix => TzInfo is null ? "" : PyTimeZone.Format(TzInfo.OffsetSeconds, ":");

    /// <summary>Microseconds of the instant in UTC for an aware value (the wall clock for a naive one).</summary>
    private BigInteger UtcMicroseconds => TotalMicroseconds - (TzInfo?.OffsetSeconds ?? 0) * 1_000_000L;

    private void CheckSameAwareness(PyDateTime o, string what)
    {
        if ((TzInfo is null) != (o.TzInfo is null)) throw new TypeError($"can't {what} offset-naive and offset-aware datetimes");
    }

    public override string PyTypeName => "datetime";

    private BigInteger TotalMicroseconds => (ToOrdinal() * (BigInteger)PyTimeDelta.MicrosPerDay) + ((Hour * 3600L + Minute * 60L + Second) * 1_000_000L) + Microsecond;

    private static PyDateTime FromTotalMicroseconds(BigInteger total)
    {
        var days = BigInteger.Divide(total, PyTimeDelta.MicrosPerDay);
        var rest = (long)(total - days * PyTimeDelta.MicrosPerDay);
        var (y, m, d) = FromOrdinalParts((long)days);
        return new PyDateTime(y, m, d, (int)(rest / 3_600_000_000L), (int)(rest / 60_000_000 % 60), (int)(rest / 1_000_000 % 60), (int)(rest % 1_000_000), validate: false);
    }

    internal static PyDateTime From(DateTime t) =>
        new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, (int)(t.Ticks % TimeSpan.TicksPerSecond / 10), validate: false);

    public static PyDateTime Now() => From(DateTime.Now);
    public static PyDateTime UtcNow() => From(DateTime.UtcNow);

    /// <summary>Local time of a POSIX timestamp (CPython rounds to the microsecond, half to even).</summary>
    public static PyDateTime FromTimestamp(double timestamp)
    {
        var micros = new BigInteger(Math.Round(timestamp * 1e6, MidpointRounding.ToEven));
        var utc = FromTotalMicroseconds(micros + EpochMicros);
        var offset = TimeZoneInfo.Local.GetUtcOffset(new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc));
        return FromTotalMicroseconds(micros + EpochMicros + (long)offset.TotalSeconds * 1_000_000L);
    }

    private static readonly BigInteger EpochMicros = new PyDateTime(1970, 1, 1, 0, 0, 0, 0, validate: false).TotalMicroseconds;

    /// <summary>POSIX timestamp of this local time.</summary>
    public double Timestamp()
    {
        if (TzInfo is not null) return BigMath.TrueDivide(UtcMicroseconds - EpochMicros, 1_000_000);
        var local = new DateTime(Year, Month, Day, Hour, Minute, Second, DateTimeKind.Unspecified);
        var offset = TimeZoneInfo.Local.GetUtcOffset(local);
        return BigMath.TrueDivide(TotalMicroseconds - EpochMicros - (long)offset.TotalSeconds * 1_000_000L, 1_000_000);
    }

    public static PyDateTime Combine(PyDate date, PyTime time) =>
        new(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second, time.Microsecond, validate: false);

    public static new PyDateTime FromIsoFormat(string s)
    {
        int i = DateFormat.TryIsoDate(s, 0, out var y, out var m, out var d);
        if (i > 0 && i == s.Length) return new PyDateTime(y, m, d, 0, 0, 0, 0, validate: true);
        if (i > 0 && i < s.Length && DateFormat.TryIsoTime(s, i + 1, out var h, out var mi, out var sec, out var us) == s.Length)
            return new PyDateTime(y, m, d, h, mi, sec, us, validate: true);
        throw new ValueError($"Invalid isoformat string: {Repr.Of(s)}");
    }

    public static PyDateTime StrPTime(string text, string format) => DateFormat.StrPTime(text, format);

    public PyDate Date() => new(Year, Month, Day, validate: false);
    public PyTime Time() => new(Hour, Minute, Second, Microsecond, validate: false);

    /// <summary>The time-zone methods, then date's methods.</summary>
    private object? ZoneMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "utcoffset" => TzInfo?.UtcOffset(),
        "tzname" => TzInfo?.TzName(),
        "astimezone" or "utctimetuple" => throw ZoneConversion(name),
        _ => base.CallMethod(name, args, kwargs),
    };

    /// <summary>astimezone() and friends would need named zones: refused rather than answered in the wrong zone.</summary>
    private static NotSupportedException ZoneConversion(string name) => new($"datetime.{name}() is not supported by Batuta (fixed offsets from strptime %z only)");

    public string IsoFormat(string sep, string timespec = "auto") => base.IsoFormat() + sep + PyTime.Format(Hour, Minute, Second, Microsecond, timespec) + OffsetSuffix;
    public override string IsoFormat() => IsoFormat("T");
    public override string PyStr() => IsoFormat(" ");

    public override string PyRepr()
    {
        var parts = new List<int> { Year, Month, Day, Hour, Minute };
        if (Second != 0 || Microsecond != 0) parts.Add(Second);
        if (Microsecond != 0) parts.Add(Microsecond);
        string tz = TzInfo is null ? "" : ", tzinfo=" + TzInfo.PyRepr();
        return "datetime.datetime(" + string.Join(", ", parts.Select(p => p.ToString(CultureInfo.InvariantCulture))) + tz + ")";
    }

    public override long PyHash() => Dyn.PyHashOf(PyInt.FromBig(UtcMicroseconds));

    // naive == aware is False in CPython (not an error); two aware values are equal when they are the same instant
    public override bool Equals(object? obj) => obj is PyDateTime o && (o.TzInfo is null) == (TzInfo is null) && o.UtcMicroseconds == UtcMicroseconds;
    public override int GetHashCode() => UtcMicroseconds.GetHashCode();

    public override int PyCompare(object? other)
    {
        if (other is not PyDateTime o) throw DateArgs.NotComparable(this, other);
        CheckSameAwareness(o, "compare");
        return UtcMicroseconds.CompareTo(o.UtcMicroseconds);
    }

    public override object? PyAdd(object? other) => other is PyTimeDelta td ? FromTotalMicroseconds(TotalMicroseconds + td.TotalMicroseconds).WithTz(TzInfo) : throw DateArgs.Unsupported("+", this, other);

    public override object? PySub(object? other)
    {
        switch (other)
        {
            case PyTimeDelta td: return FromTotalMicroseconds(TotalMicroseconds - td.TotalMicroseconds).WithTz(TzInfo);
            case PyDateTime d:
                CheckSameAwareness(d, "subtract");
                return new PyTimeDelta(UtcMicroseconds - d.UtcMicroseconds);
            default: throw DateArgs.Unsupported("-", this, other);
        }
    }

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "tzinfo")
        {
            value = TzInfo;
            return true;
        }
        value = DateArgs.ClockAttribute(name, Hour, Minute, Second, Microsecond);
        return value is not null || base.TryGetAttr(name, out value);
    }

    public override object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "date" => Date(),
        "time" => Time(),
        "timestamp" => Timestamp(),
        "timetuple" => new StructTime(this, Hour, Minute, Second),
        "isoformat" => IsoFormat(Str.Of(DateArgs.Keyword(args, 0, kwargs, "sep") ?? "T"), Str.Of(DateArgs.Keyword(args, 1, kwargs, "timespec") ?? "auto")),
        "replace" => Replace(args, kwargs),
        _ => ZoneMethod(name, args, kwargs),
    };

    private PyDateTime Replace(object?[] args, PyDict<string, object?> kwargs)
    {
        object? A(int i, string n, int current) => DateArgs.Keyword(args, i, kwargs, n) ?? current;
        if (kwargs.ContainsKey("tzinfo") || args.Length > 7) throw new NotSupportedException("datetime.replace(tzinfo=...) is not supported by Batuta");
        return new PyDateTime(A(0, "year", Year), A(1, "month", Month), A(2, "day", Day), A(3, "hour", Hour), A(4, "minute", Minute), A(5, "second", Second), A(6, "microsecond", Microsecond)).WithTz(TzInfo);
    }
}
