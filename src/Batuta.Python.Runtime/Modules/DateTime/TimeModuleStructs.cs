namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The <c>time</c> functions over <c>struct_time</c>: gmtime, localtime, mktime, asctime, ctime, strftime and strptime,
/// with the local zone as C's localtime sees it and strftime formatting through the one formatter datetime uses.
/// </summary>
public static partial class TimeModule
{
    private const long DaySeconds = 86400;
    private static readonly long EpochOrdinal = new PyDate(1970, 1, 1, validate: false).ToOrdinal();

    /// <summary>gmtime(secs=None): UTC, tm_zone "GMT", as glibc names it.</summary>
    public static StructTime GmTime(object? seconds = null) => Broken(Seconds(seconds), 0, "GMT", 0);

    /// <summary>localtime(secs=None): the local zone's clock at that instant.</summary>
    public static StructTime LocalTime(object? seconds = null)
    {
        long utc = Seconds(seconds);
        bool dst = LocalZone.IsDst(utc);
        int offset = LocalZone.OffsetAtUtc(utc);
        return Broken(utc + offset, dst ? 1 : 0, LocalZone.Name(dst), offset);
    }

    /// <summary>mktime(t): the timestamp of a local time; out-of-range months and days carry over, as C's mktime.</summary>
    public static double MkTime(object? t)
    {
        var v = StructTime.FromArgument(t, "mktime").Values;
        long wall = DaysSinceEpoch(v[0], v[1], v[2]) * DaySeconds + v[3] * 3600L + v[4] * 60L + v[5];
        return wall - LocalZone.OffsetAtWall(wall);
    }

    /// <summary>asctime(t=None): 'Tue Nov 14 22:13:20 2023', the weekday taken from the tuple.</summary>
    public static string AscTime(object? t = null) => DateFormat.StrFTime(Checked(t is null ? LocalTime() : StructTime.FromArgument(t, "asctime"), "", ""), "%a %b %e %H:%M:%S %Y");

    /// <summary>ctime(secs=None): asctime of the local time.</summary>
    public static string CTime(object? seconds = null) => AscTime(LocalTime(seconds));

    /// <summary>
    /// strftime(format, t=None): the local time now, or the tuple given. %z and %Z read tm_gmtoff and tm_zone as glibc
    /// does: both empty when tm_isdst is negative, else the offset (+0000 when there is none) and the zone's name (the
    /// local zone's when the tuple has none).
    /// </summary>
    public static string StrFTime(string format, object? t = null)
    {
        var st = t is null ? LocalTime() : StructTime.FromArgument(t, "strftime");
        int isDst = st.Values[8];
        string offset = isDst < 0 ? "" : PyTimeZone.Format((int)(st.GmtOffset ?? 0), "");
        string zone = string.IsNullOrEmpty(st.Zone) ? (isDst < 0 ? "" : LocalZone.Name(isDst > 0)) : st.Zone;
        return DateFormat.StrFTime(Checked(st, offset, zone), format);
    }

    /// <summary>strptime(string, format): datetime.strptime's parse as a struct_time (tm_isdst -1, tm_gmtoff from %z).</summary>
    public static StructTime StrPTime(string text, string format = "%a %b %d %H:%M:%S %Y")
    {
        var dt = DateFormat.StrPTime(text, format);
        return StructTime.Of(dt, dt.Hour, dt.Minute, dt.Second, -1, null, dt.TzInfo?.OffsetSeconds);
    }

    /// <summary>
    /// calendar.timegm(tuple): the inverse of gmtime, from the first six fields; the year and month must be valid, as
    /// CPython's date() checks them.
    /// </summary>
    public static PyInt TimeGm(object? tuple)
    {
        var f = Dyn.Iter(tuple).Take(6).Select(v => (System.Numerics.BigInteger)Dyn.Cast<PyInt>(v)).ToArray();
        if (f.Length < 6) throw new ValueError($"not enough values to unpack (expected 6, got {f.Length})");
        var first = new PyDate(PyInt.FromBig(f[0]), PyInt.FromBig(f[1]), new PyInt(1));
        var days = first.ToOrdinal() - EpochOrdinal + f[2] - 1;
        return PyInt.FromBig(((days * 24 + f[3]) * 60 + f[4]) * 60 + f[5]);
    }

    /// <summary>time.timezone: seconds west of UTC of standard time (CPython reads January and July of this year).</summary>
    public static PyInt TimeZone => -Math.Min(Seasons().January, Seasons().July);

    /// <summary>time.altzone: seconds west of UTC of daylight saving time (time.timezone where there is none).</summary>
    public static PyInt AltZone => -Math.Max(Seasons().January, Seasons().July);

    public static PyInt Daylight => Seasons().January != Seasons().July ? 1 : 0;

    /// <summary>time.tzname: the names of standard and of daylight saving time.</summary>
    public static PyTuple TzName
    {
        get
        {
            var (january, july) = Seasons();
            string jan = LocalZone.Name(january > july), jul = LocalZone.Name(july > january);
            return january <= july ? new PyTuple(jan, jul) : new PyTuple(jul, jan);
        }
    }

    /// <summary>The local zone's UTC offsets on January 1 and July 1 of the current year.</summary>
    private static (int January, int July) Seasons()
    {
        long jan = (new PyDate(DateTime.UtcNow.Year, 1, 1, validate: false).ToOrdinal() - EpochOrdinal) * DaySeconds;
        long jul = (new PyDate(DateTime.UtcNow.Year, 7, 1, validate: false).ToOrdinal() - EpochOrdinal) * DaySeconds;
        return (LocalZone.OffsetAtUtc(jan), LocalZone.OffsetAtUtc(jul));
    }

    /// <summary>Seconds after the epoch on some clock, broken down into a struct_time.</summary>
    private static StructTime Broken(long wallSeconds, int isDst, string zone, long offset)
    {
        long days = Math.DivRem(wallSeconds, DaySeconds, out long rest);
        if (rest < 0) { days--; rest += DaySeconds; }
        var (y, m, d) = PyDate.FromOrdinalParts(EpochOrdinal + days);
        return StructTime.Of(new PyDate(y, m, d, validate: false), (int)(rest / 3600), (int)(rest / 60 % 60), (int)(rest % 60), isDst, zone, offset);
    }

    /// <summary>Days from 1970-01-01 to the given day, a month outside 1..12 carrying into the year.</summary>
    private static long DaysSinceEpoch(int year, int month, int day)
    {
        int yearCarry = (int)Math.Floor((month - 1) / 12.0);
        var first = new PyDate(year + yearCarry, month - 1 - yearCarry * 12 + 1, 1, validate: false);
        return first.ToOrdinal() + day - 1 - EpochOrdinal;
    }

    /// <summary>A secs argument: None is now; a float is floored, as CPython converts it.</summary>
    private static long Seconds(object? seconds) => seconds switch
    {
        null => (long)Math.Floor(Time()),
        double d when double.IsNaN(d) => throw new ValueError("Invalid value NaN (not a number)"),
        double d when Math.Abs(d) >= 9.2e18 => throw new OverflowError("timestamp out of range for platform time_t"),
        double d => (long)Math.Floor(d),
        PyInt i => (long)i,
        long l => l,
        int n => n,
        bool b => b ? 1 : 0,
        _ => throw new TypeError($"'{Dyn.TypeName(seconds)}' object cannot be interpreted as an integer"),
    };

    /// <summary>
    /// CPython's checks on a time tuple before strftime/asctime (its messages): a zero month, day or day of the year
    /// reads as the first; the weekday is taken modulo 7.
    /// </summary>
    private static DateFields Checked(StructTime st, string offset, string zone)
    {
        var v = st.Values;
        int month = v[1] == 0 ? 1 : InRange(v[1], 12, "month out of range");
        int day = v[2] == 0 ? 1 : InRange(v[2], 31, "day of month out of range");
        InClock(v[3], 23, "hour out of range");
        InClock(v[4], 59, "minute out of range");
        InClock(v[5], 61, "seconds out of range");
        int sundayFirst = (v[6] + 1) % 7;
        if (sundayFirst < 0) throw new ValueError("day of week out of range");
        int yday = v[7] == 0 ? 1 : InRange(v[7], 366, "day of year out of range");
        return new DateFields(v[0], month, day, v[3], v[4], v[5], null, (sundayFirst + 6) % 7, yday, offset, zone);
    }

    private static int InRange(int value, int max, string message) => value >= 1 && value <= max ? value : throw new ValueError(message);

    private static void InClock(int value, int max, string message)
    {
        if (value < 0 || value > max) throw new ValueError(message);
    }
}
