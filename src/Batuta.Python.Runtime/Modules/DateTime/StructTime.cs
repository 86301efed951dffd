namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>time.struct_time</c> as <c>date.timetuple()</c> builds it: nine fields, with <c>tm_zone</c> and <c>tm_gmtoff</c>
/// None (CPython fills them only from the C library's local time).
/// </summary>
public sealed class StructTime : PyStructSeq
{
    private static readonly string[] Fields = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

    /// <summary>A wall-clock time: tm_isdst is -1 (unknown), as for naive values and fixed offsets, which have no dst().</summary>
    internal StructTime(PyDate date, int hour, int minute, int second)
        : base("time.struct_time", Fields, Ints(date.Year, date.Month, date.Day, hour, minute, second, date.Weekday(), PyDate.DayOfYear(date.Year, date.Month, date.Day), -1))
    {
    }

    private static object?[] Ints(params int[] values) => values.Select(v => (object?)new PyInt(v)).ToArray();

    public override bool TryGetAttr(string name, out object? value)
    {
        value = null;
        return name is "tm_zone" or "tm_gmtoff" || base.TryGetAttr(name, out value);
    }
}
