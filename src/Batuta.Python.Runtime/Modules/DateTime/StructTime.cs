using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>time.struct_time</c>: nine int fields, plus <c>tm_zone</c> and <c>tm_gmtoff</c>, which only gmtime and localtime
/// fill (None from timetuple and strptime, as CPython).
/// </summary>
public sealed class StructTime : PyStructSeq
{
    private static readonly string[] Fields = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

    private StructTime(int[] values, string? zone, long? gmtOffset)
        : base("time.struct_time", Fields, values.Select(v => (object?)new PyInt(v)).ToArray())
    {
        Values = values;
        Zone = zone;
        GmtOffset = gmtOffset;
    }

    /// <summary>The nine fields in order.</summary>
    internal int[] Values { get; }

    public string? Zone { get; }
    public long? GmtOffset { get; }

    /// <summary>A date and a clock time, its weekday and day of the year computed.</summary>
    internal static StructTime Of(PyDate date, int hour, int minute, int second, int isDst, string? zone = null, long? gmtOffset = null) =>
        new([date.Year, date.Month, date.Day, hour, minute, second, date.Weekday(), PyDate.DayOfYear(date.Year, date.Month, date.Day), isDst], zone, gmtOffset);

    /// <summary><c>time.struct_time(seq)</c>: nine items (ints), as CPython requires.</summary>
    public static StructTime Create(object? sequence)
    {
        var items = Dyn.Iter(sequence).ToList();
        if (items.Count != 9) throw new TypeError($"time.struct_time() takes a 9-sequence ({items.Count}-sequence given)");
        return new StructTime(items.Select(v => DateArgs.Int(v, "struct_time")).ToArray(), null, null);
    }

    /// <summary>
    /// The time-tuple argument of strftime, mktime and asctime: a struct_time, or any tuple of nine ints (CPython's
    /// TypeErrors otherwise, <paramref name="function"/> naming the caller).
    /// </summary>
    internal static StructTime FromArgument(object? value, string function)
    {
        if (value is StructTime st) return st;
        if (value is not ITuple t) throw new TypeError("Tuple or struct_time argument required");
        if (t.Length != 9) throw new TypeError($"{function}(): illegal time tuple argument");
        var values = new int[9];
        for (int i = 0; i < 9; i++) values[i] = DateArgs.Int(t[i], "time tuple");
        return new StructTime(values, null, null);
    }

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "tm_zone":
                value = Zone;
                return true;
            case "tm_gmtoff":
                value = GmtOffset is { } off ? new PyInt(off) : null;
                return true;
            default:
                return base.TryGetAttr(name, out value);
        }
    }
}
