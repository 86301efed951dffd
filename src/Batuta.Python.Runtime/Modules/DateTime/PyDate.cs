using System.Globalization;

namespace Batuta.Python.Runtime.Modules;

/// <summary><c>datetime.date</c>: a proleptic Gregorian date, years 1..9999.</summary>
public class PyDate : PyObject, IPyOrdered, IPyNumber, IPyHashable, IPyAttributes, IPyKeywordMethods, Text.IPyFormattable
{
    private static readonly int[] DaysBeforeMonth = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    public PyDate(object? year, object? month, object? day)
        : this(DateArgs.Int(year, "year"), DateArgs.Int(month, "month"), DateArgs.Int(day, "day"), validate: true)
    {
    }

    internal PyDate(int year, int month, int day, bool validate)
    {
        if (validate) Check(year, month, day);
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int Month { get; }
    public int Day { get; }

    public override string PyTypeName => "date";

    internal static void Check(int year, int month, int day)
    {
        if (year is < 1 or > 9999) throw new ValueError($"year {year} is out of range");
        if (month is < 1 or > 12) throw new ValueError("month must be in 1..12");
        if (day < 1 || day > DaysInMonth(year, month)) throw new ValueError("day is out of range for month");
    }

    internal static bool IsLeap(int y) => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    internal static int DaysInMonth(int y, int m) => m == 2 && IsLeap(y) ? 29 : m == 2 ? 28 : m is 4 or 6 or 9 or 11 ? 30 : 31;
    internal static int DayOfYear(int y, int m, int d) => DaysBeforeMonth[m] + (m > 2 && IsLeap(y) ? 1 : 0) + d;

    /// <summary>Days since 0001-01-01 plus one (CPython's ordinal).</summary>
    public long ToOrdinal()
    {
        long y = Year - 1;
        return y * 365 + y / 4 - y / 100 + y / 400 + DayOfYear(Year, Month, Day);
    }

    internal static (int Year, int Month, int Day) FromOrdinalParts(long ordinal)
    {
        if (ordinal is < 1 or > 3652059) throw new OverflowError("date value out of range");
        var dt = DateTime.MinValue.AddDays(ordinal - 1);
        return (dt.Year, dt.Month, dt.Day);
    }

    public static PyDate FromOrdinal(object? ordinal)
    {
        var (y, m, d) = FromOrdinalParts(DateArgs.Int(ordinal, "ordinal"));
        return new PyDate(y, m, d, validate: false);
    }

    public static PyDate Today()
    {
        var now = DateTime.Now;
        return new PyDate(now.Year, now.Month, now.Day, validate: false);
    }

    public static PyDate FromIsoFormat(string s)
    {
        if (DateFormat.TryIsoDate(s, 0, out var y, out var m, out var d) == s.Length && s.Length > 0) return new PyDate(y, m, d, validate: true);
        throw new ValueError($"Invalid isoformat string: {Repr.Of(s)}");
    }

    /// <summary>Monday is 0.</summary>
    public int Weekday() => (int)((ToOrdinal() + 6) % 7);
    public int IsoWeekday() => Weekday() + 1;

    public IsoCalendarDate IsoCalendar()
    {
        var (year, week, day) = DateFormat.IsoCalendar(this);
        return new IsoCalendarDate(year, week, day);
    }

    public virtual string IsoFormat() => string.Format(CultureInfo.InvariantCulture, "{0:D4}-{1:D2}-{2:D2}", Year, Month, Day);
    public string StrFTime(string format) => DateFormat.StrFTime(this, format);
    public string CTime() => DateFormat.StrFTime(this, "%a %b %e %H:%M:%S %Y");

    public override string PyStr() => IsoFormat();
    public override string PyRepr() => string.Format(CultureInfo.InvariantCulture, "datetime.date({0}, {1}, {2})", Year, Month, Day);
    public string PyFormat(string spec) => spec.Length == 0 ? PyStr() : StrFTime(spec);

    public virtual long PyHash() => Dyn.PyHashOf(new PyInt(ToOrdinal()));
    public override bool Equals(object? obj) => obj is PyDate o && o is not PyDateTime && o.GetType() == GetType() && o.Year == Year && o.Month == Month && o.Day == Day;
    public override int GetHashCode() => HashCode.Combine(Year, Month, Day);

    public virtual int PyCompare(object? other) => other is PyDate o && o is not PyDateTime
        ? ToOrdinal().CompareTo(o.ToOrdinal())
        : throw DateArgs.NotComparable(this, other);

    public virtual object? PyAdd(object? other) => other is PyTimeDelta td ? AddDays(td.Days) : throw DateArgs.Unsupported("+", this, other);

    public virtual object? PySub(object? other) => other switch
    {
        PyTimeDelta td => AddDays(-td.Days),
        PyDate d when d is not PyDateTime => new PyTimeDelta((ToOrdinal() - d.ToOrdinal()) * (System.Numerics.BigInteger)PyTimeDelta.MicrosPerDay),
        _ => throw DateArgs.Unsupported("-", this, other),
    };

    public object? PyMul(object? other) => throw DateArgs.Unsupported("*", this, other);
    public object? PyTrueDiv(object? other) => throw DateArgs.Unsupported("/", this, other);

    private PyDate AddDays(long days)
    {
        var (y, m, d) = FromOrdinalParts(ToOrdinal() + days);
        return new PyDate(y, m, d, validate: false);
    }

    public virtual bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "year" => new PyInt(Year),
            "month" => new PyInt(Month),
            "day" => new PyInt(Day),
            _ => null,
        };
        return value is not null;
    }

    public virtual object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "weekday" => new PyInt(Weekday()),
        "isoweekday" => new PyInt(IsoWeekday()),
        "isocalendar" => IsoCalendar(),
        "isoformat" => IsoFormat(),
        "strftime" => StrFTime(Str.Of(DateArgs.Keyword(args, 0, kwargs, "format"))),
        "__format__" => PyFormat(Str.Of(args[0])),
        "toordinal" => new PyInt(ToOrdinal()),
        "ctime" => CTime(),
        "replace" => new PyDate(
            DateArgs.Keyword(args, 0, kwargs, "year") ?? Year, DateArgs.Keyword(args, 1, kwargs, "month") ?? Month, DateArgs.Keyword(args, 2, kwargs, "day") ?? Day),
        "timetuple" => StructTime.Of(this, 0, 0, 0, isDst: -1),
        _ => throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'"),
    };
}
