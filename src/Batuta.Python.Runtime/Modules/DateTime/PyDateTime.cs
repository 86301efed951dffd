using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>datetime.datetime</c> to the microsecond: naive, or aware with a fixed UTC offset (<c>tzinfo=timezone(...)</c>,
/// strptime's %z); aware values compare and subtract in UTC, and mixing them with naive ones raises CPython's TypeError.
/// </summary>
public sealed class PyDateTime : PyDate
{
    public PyDateTime(object? year, object? month, object? day, object? hour = null, object? minute = null, object? second = null, object? microsecond = null, object? tzinfo = null)
        : this(DateArgs.Int(year, "year"), DateArgs.Int(month, "month"), DateArgs.Int(day, "day"),
            DateArgs.IntOr0(hour, "hour"), DateArgs.IntOr0(minute, "minute"),
            DateArgs.IntOr0(second, "second"), DateArgs.IntOr0(microsecond, "microsecond"), validate: true)
    {
        TzInfo = DateArgs.TzInfo(tzinfo);
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

    /// <summary>The instant <paramref name="utcMicros"/> (microseconds from 0001-01-01 UTC) on the clock of <paramref name="tz"/>.</summary>
    private static PyDateTime InZone(BigInteger utcMicros, PyTimeZone tz) => FromTotalMicroseconds(utcMicros + tz.OffsetSeconds * 1_000_000L).WithTz(tz);

    /// <summary>This wall clock read as UTC, shown in <paramref name="tz"/>: <c>tz.fromutc(dt)</c>.</summary>
    internal PyDateTime ShiftedTo(PyTimeZone tz) => InZone(TotalMicroseconds, tz);

    /// <summary>
    /// astimezone(tz=None): the same instant on the clock of <paramref name="tz"/>, or of the local zone when none is given;
    /// a naive value is taken as local time, as CPython does.
    /// </summary>
    public PyDateTime AsTimeZone(object? tz = null)
    {
        var utc = TzInfo is null ? TotalMicroseconds - LocalZone.OffsetAtWall(WallSeconds) * 1_000_000L : UtcMicroseconds;
        var target = tz is null ? LocalZone.ZoneAt(SecondsSinceEpoch(utc)) : DateArgs.TzInfo(tz) ?? throw new TypeError("astimezone() argument 1 must be datetime.tzinfo, not None");
        return InZone(utc, target);
    }

    /// <summary>Whole seconds after the epoch of this wall clock read as UTC.</summary>
    private long WallSeconds => SecondsSinceEpoch(TotalMicroseconds);

    private static long SecondsSinceEpoch(BigInteger micros) => (long)BigInteger.Divide(micros - EpochMicros - (micros < EpochMicros ? 999_999 : 0), 1_000_000);

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

    /// <summary>now(tz=None): the local wall clock, or the current instant on the clock of <paramref name="tz"/>.</summary>
    public static PyDateTime Now(object? tz = null) => tz is null ? From(DateTime.Now) : From(DateTime.UtcNow).ShiftedTo(DateArgs.TzInfo(tz).OrThrow());
    public static PyDateTime UtcNow() => From(DateTime.UtcNow);

    /// <summary>
    /// fromtimestamp(t, tz=None): the local time of a POSIX timestamp, or its time on the clock of <paramref name="tz"/>
    /// (CPython rounds to the microsecond, half to even).
    /// </summary>
    public static PyDateTime FromTimestamp(double timestamp, object? tz = null)
    {
        var utc = EpochMicros + new BigInteger(Math.Round(timestamp * 1e6, MidpointRounding.ToEven));
        if (DateArgs.TzInfo(tz) is { } zone) return InZone(utc, zone);
        return FromTotalMicroseconds(utc + LocalZone.OffsetAtUtc(SecondsSinceEpoch(utc)) * 1_000_000L);
    }

    /// <summary>utcfromtimestamp(t): the naive UTC time of a POSIX timestamp.</summary>
    public static PyDateTime UtcFromTimestamp(double timestamp) => FromTotalMicroseconds(EpochMicros + new BigInteger(Math.Round(timestamp * 1e6, MidpointRounding.ToEven)));

    private static readonly BigInteger EpochMicros = new PyDateTime(1970, 1, 1, 0, 0, 0, 0, validate: false).TotalMicroseconds;

    /// <summary>POSIX timestamp of this local time.</summary>
    public double Timestamp()
    {
        if (TzInfo is not null) return BigMath.TrueDivide(UtcMicroseconds - EpochMicros, 1_000_000);
        return BigMath.TrueDivide(TotalMicroseconds - EpochMicros - LocalZone.OffsetAtWall(WallSeconds) * 1_000_000L, 1_000_000);
    }

    public static PyDateTime Combine(PyDate date, PyTime time) =>
        new(date.Year, date.Month, date.Day, time.Hour, time.Minute, time.Second, time.Microsecond, validate: false);

    /// <summary>fromisoformat: a date, then optionally a separator, a time and a UTC offset (Z or ±HH:MM[:SS]).</summary>
    public static new PyDateTime FromIsoFormat(string s)
    {
        int i = DateFormat.TryIsoDate(s, 0, out var y, out var m, out var d);
        if (i > 0 && i == s.Length) return new PyDateTime(y, m, d, 0, 0, 0, 0, validate: true);
        int end = DateFormat.TryIsoTime(s, i > 0 && i < s.Length ? i + 1 : s.Length, out var h, out var mi, out var sec, out var us);
        if (end < 0) throw new ValueError($"Invalid isoformat string: {Repr.Of(s)}");
        var zone = end == s.Length ? null : DateFormat.TryIsoOffset(s, end) ?? throw new ValueError($"Invalid isoformat string: {Repr.Of(s)}");
        return new PyDateTime(y, m, d, h, mi, sec, us, validate: true) { TzInfo = zone };
    }

    public static PyDateTime StrPTime(string text, string format) => DateFormat.StrPTime(text, format);

    public PyDate Date() => new(Year, Month, Day, validate: false);
    public PyTime Time() => new(Hour, Minute, Second, Microsecond, validate: false);

    /// <summary>The time-zone methods, then date's methods.</summary>
    private object? ZoneMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "utcoffset" => TzInfo?.UtcOffset(),
        "tzname" => TzInfo?.TzName(),
        "dst" => null,
        "astimezone" => AsTimeZone(DateArgs.Keyword(args, 0, kwargs, "tz")),
        "utctimetuple" => UtcTimeTuple(),
        "timetz" when TzInfo is null => Time(),
        "timetz" => throw new NotSupportedException("datetime.timetz() of an aware datetime is not supported by Batuta (time has no tzinfo)"),
        _ => base.CallMethod(name, args, kwargs),
    };

    /// <summary>utctimetuple(): the UTC clock of an aware value (a naive one as it is), with tm_isdst 0.</summary>
    private StructTime UtcTimeTuple()
    {
        var t = TzInfo is null ? this : FromTotalMicroseconds(UtcMicroseconds);
        return StructTime.Of(t, t.Hour, t.Minute, t.Second, isDst: 0);
    }

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
        "timetuple" => StructTime.Of(this, Hour, Minute, Second, isDst: -1),
        "isoformat" => IsoFormat(Str.Of(DateArgs.Keyword(args, 0, kwargs, "sep") ?? "T"), Str.Of(DateArgs.Keyword(args, 1, kwargs, "timespec") ?? "auto")),
        "replace" => Replace(args, kwargs),
        _ => ZoneMethod(name, args, kwargs),
    };

    private PyDateTime Replace(object?[] args, PyDict<string, object?> kwargs)
    {
        object? A(int i, string n, int current) => DateArgs.Keyword(args, i, kwargs, n) ?? current;
        // tzinfo=None makes the value naive: only an absent tzinfo keeps the zone
        var tz = args.Length > 7 || kwargs.ContainsKey("tzinfo") ? DateArgs.TzInfo(DateArgs.Keyword(args, 7, kwargs, "tzinfo")) : TzInfo;
        return new PyDateTime(A(0, "year", Year), A(1, "month", Month), A(2, "day", Day), A(3, "hour", Hour), A(4, "minute", Minute), A(5, "second", Second), A(6, "microsecond", Microsecond)).WithTz(tz);
    }
}
