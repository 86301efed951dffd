namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The broken-down time <c>strftime</c> reads: a date's own fields, or a <c>struct_time</c>'s as given (C's strftime
/// takes the weekday and the day of the year from the tuple, not from the date). Weekday is Monday = 0; YearDay is 1-based.
/// </summary>
internal readonly record struct DateFields(int Year, int Month, int Day, int Hour, int Minute, int Second, int? Microsecond, int Weekday, int YearDay, string Offset, string Zone)
{
    /// <summary>The date alone, for the ISO calendar directives.</summary>
    public PyDate Date => new(Year, Month, Day, validate: false);

    /// <summary>A date or datetime: %z and %Z are an aware datetime's offset (+HHMM) and name, empty when naive, as CPython.</summary>
    public static DateFields Of(PyDate d) => d is PyDateTime t
        ? new DateFields(d.Year, d.Month, d.Day, t.Hour, t.Minute, t.Second, t.Microsecond, d.Weekday(), DayOfYear(d), OffsetOf(t.TzInfo), t.TzInfo?.TzName() ?? "")
        : new DateFields(d.Year, d.Month, d.Day, 0, 0, 0, 0, d.Weekday(), DayOfYear(d), "", "");

    private static int DayOfYear(PyDate d) => PyDate.DayOfYear(d.Year, d.Month, d.Day);

    private static string OffsetOf(PyTimeZone? tz) => tz is null ? "" : PyTimeZone.Format(tz.OffsetSeconds, "");
}
