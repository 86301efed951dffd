namespace Batuta.Python.Runtime.Modules;

/// <summary><c>date.isocalendar()</c>: a (year, week, weekday) tuple with named fields, as CPython 3.9+.</summary>
public sealed class IsoCalendarDate(int year, int week, int weekday)
    : PyStructSeq("datetime.IsoCalendarDate", ["year", "week", "weekday"], [new PyInt(year), new PyInt(week), new PyInt(weekday)]);
