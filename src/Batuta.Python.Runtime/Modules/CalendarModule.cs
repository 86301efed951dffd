using System.Text;
using StrOps = Batuta.Python.Runtime.Text.PyStr;

namespace Batuta.Python.Runtime.Modules;

/// <summary>calendar.IllegalMonthError and calendar.IllegalWeekdayError: ValueErrors with CPython's texts.</summary>
public sealed class IllegalMonthError(long month) : ValueError($"bad month number {month}; must be 1-12")
{
    public override string PyModule => "calendar";
}

public sealed class IllegalWeekdayError(long weekday) : ValueError($"bad weekday number {weekday}; must be 0 (Monday) to 6 (Sunday)")
{
    public override string PyModule => "calendar";
}

/// <summary>
/// Python's <c>calendar</c> module (English names, as CPython's C locale): leap years, weekdays, month ranges and
/// matrices, and the text calendar of <c>month()</c>/<c>TextCalendar.formatmonth</c> byte for byte.
/// </summary>
public static class CalendarModule
{
    // month_name[0] and month_abbr[0] are '' so that January is 1, as in CPython
    public static readonly PyList<string> MonthName = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    public static readonly PyList<string> MonthAbbr = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    public static readonly PyList<string> DayName = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    public static readonly PyList<string> DayAbbr = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static readonly int[] MonthDays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>The calendar behind the module-level functions (what setfirstweekday changes).</summary>
    private static readonly TextCalendar Default = new();

    public static bool IsLeap(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>Leap years in [y1, y2), with Python's floor division for years before 1.</summary>
    public static long LeapDays(long y1, long y2)
    {
        y1--;
        y2--;
        return (FloorDiv(y2, 4) - FloorDiv(y1, 4)) - (FloorDiv(y2, 100) - FloorDiv(y1, 100)) + (FloorDiv(y2, 400) - FloorDiv(y1, 400));
    }

    private static long FloorDiv(long a, long b) => a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);

    internal static long Mod7(long x) => ((x % 7) + 7) % 7;

    /// <summary>0 is Monday; years outside 1..9999 fold into the 400-year cycle, as CPython's.</summary>
    public static long Weekday(long year, long month, long day)
    {
        if (year is < 1 or > 9999) year = 2000 + ((year % 400) + 400) % 400;
        if (month is < 1 or > 12) throw new ValueError("month must be in 1..12");
        if (day < 1 || day > DaysIn(year, month)) throw new ValueError("day is out of range for month");
        return Mod7((long)new DateTime((int)year, (int)month, (int)day).DayOfWeek - 1);
    }

    private static long DaysIn(long year, long month) => MonthDays[month] + (month == 2 && IsLeap(year) ? 1 : 0);

    public static (long, long) MonthRange(long year, long month)
    {
        if (month is < 1 or > 12) throw new IllegalMonthError(month);
        return (Weekday(year, month, 1), DaysIn(year, month));
    }

    public static PyList<PyList<long>> MonthCalendar(long year, long month) => Default.MonthDaysCalendar(year, month);

    public static long FirstWeekday() => Default.FirstWeekday;

    public static void SetFirstWeekday(long firstweekday)
    {
        if (firstweekday is < 0 or > 6) throw new IllegalWeekdayError(firstweekday);
        Default.FirstWeekday = firstweekday;
    }

    public static string Month(long theyear, long themonth, long w = 0, long l = 0) => Default.FormatMonth(theyear, themonth, w, l);

    public static void PrMonth(long theyear, long themonth, long w = 0, long l = 0) => Default.PrMonth(theyear, themonth, w, l);

    public static string WeekHeader(long width) => Default.FormatWeekHeader(width);

    /// <summary>calendar.calendar(year, w, l, c, m): the default calendar's formatyear.</summary>
    public static string Calendar(long theyear, long w = 2, long l = 1, long c = 6, long m = 3) => Default.FormatYear(theyear, w, l, c, m);

    public static void PrCal(long theyear, long w = 2, long l = 1, long c = 6, long m = 3) => Sys.StdoutWriter.Write(Calendar(theyear, w, l, c, m));
}

/// <summary>calendar.TextCalendar (and calendar.Calendar's day matrices): the month as CPython's plain text.</summary>
public sealed class TextCalendar(long firstweekday = 0) : IPyObject, IPyTyped, IPyAttributes, IPySetAttr, IPyKeywordMethods
{
    // the methods as dynamic code calls them: positional or keyword arguments (formatmonth(y, m, w=3))
    private static readonly Dictionary<string, Func<TextCalendar, CalendarArgs, object?>> Methods = new(StringComparer.Ordinal)
    {
        ["formatmonth"] = (c, a) => c.FormatMonth(a.Long(0, "theyear"), a.Long(1, "themonth"), a.Long(2, "w", 0), a.Long(3, "l", 0)),
        ["formatyear"] = (c, a) => c.FormatYear(a.Long(0, "theyear"), a.Long(1, "w", 2), a.Long(2, "l", 1), a.Long(3, "c", 6), a.Long(4, "m", 3)),
        ["pryear"] = (c, a) => { Sys.StdoutWriter.Write(c.FormatYear(a.Long(0, "theyear"), a.Long(1, "w", 2), a.Long(2, "l", 1), a.Long(3, "c", 6), a.Long(4, "m", 3))); return null; },
        ["prmonth"] = (c, a) => { c.PrMonth(a.Long(0, "theyear"), a.Long(1, "themonth"), a.Long(2, "w", 0), a.Long(3, "l", 0)); return null; },
        ["formatmonthname"] = (c, a) => c.FormatMonthName(a.Long(0, "theyear"), a.Long(1, "themonth"), a.Long(2, "width"), a.Get(3, "withyear") is not { } y || Dyn.Truth(y)),
        ["formatweekheader"] = (c, a) => c.FormatWeekHeader(a.Long(0, "width")),
        ["formatweekday"] = (c, a) => c.FormatWeekDay(a.Long(0, "day"), a.Long(1, "width")),
        ["formatday"] = (c, a) => c.FormatDay(a.Long(0, "day"), a.Long(1, "weekday"), a.Long(2, "width")),
        ["monthdayscalendar"] = (c, a) => c.MonthDaysCalendar(a.Long(0, "year"), a.Long(1, "month")),
        ["itermonthdays"] = (c, a) => c.IterMonthDays(a.Long(0, "year"), a.Long(1, "month")),
        ["itermonthdays2"] = (c, a) => c.IterMonthDays2(a.Long(0, "year"), a.Long(1, "month")),
        ["itermonthdates"] = (c, a) => c.IterMonthDates(a.Long(0, "year"), a.Long(1, "month")),
        ["monthdays2calendar"] = (c, a) => c.MonthDays2Calendar(a.Long(0, "year"), a.Long(1, "month")),
        ["monthdatescalendar"] = (c, a) => c.MonthDatesCalendar(a.Long(0, "year"), a.Long(1, "month")),
        ["iterweekdays"] = (c, _) => c.IterWeekDays(),
        ["getfirstweekday"] = (c, _) => c.FirstWeekday,
        ["setfirstweekday"] = (c, a) => { c.FirstWeekday = a.Long(0, "firstweekday"); return null; },
    };

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) =>
        Methods.TryGetValue(name, out var method) ? method(this, new CalendarArgs(name, args, kwargs)) : throw new AttributeError($"'TextCalendar' object has no attribute '{name}'");

    private readonly struct CalendarArgs(string method, object?[] args, PyDict<string, object?> kwargs)
    {
        public object? Get(int i, string key) => i < args.Length ? args[i] : kwargs.Get(key);

        public long Long(int i, string key, long? fallback = null) => Get(i, key) is { } v ? Dyn.Cast<long>(v)
            : fallback ?? throw new TypeError($"{method}() missing 1 required positional argument: '{key}'");
    }

    private long _firstWeekday = firstweekday;

    public long FirstWeekday { get => CalendarModule.Mod7(_firstWeekday); set => _firstWeekday = value; }

    public string PyTypeName => "TextCalendar";

    public bool TryGetAttr(string name, out object? value)
    {
        value = name == "firstweekday" ? FirstWeekday : null;
        return name == "firstweekday";
    }

    public void SetAttr(string name, object? value)
    {
        if (name != "firstweekday") throw new AttributeError($"'TextCalendar' object has no attribute '{name}'");
        FirstWeekday = Dyn.Cast<long>(value);
    }

    public long GetFirstWeekday() => FirstWeekday;

    public void SetFirstWeekday(long firstweekday) => FirstWeekday = firstweekday;

    public PyList<long> IterWeekDays() => new(Enumerable.Range(0, 7).Select(i => CalendarModule.Mod7(FirstWeekday + i)));

    /// <summary>The month's days padded with zeros to whole weeks that start on the first weekday.</summary>
    public PyList<long> IterMonthDays(long year, long month)
    {
        var (day1, ndays) = CalendarModule.MonthRange(year, month);
        long before = CalendarModule.Mod7(day1 - FirstWeekday), after = CalendarModule.Mod7(FirstWeekday - day1 - ndays);
        var days = Enumerable.Repeat(0L, (int)before).Concat(Enumerable.Range(1, (int)ndays).Select(d => (long)d)).Concat(Enumerable.Repeat(0L, (int)after));
        return new PyList<long>(days);
    }

    /// <summary>(day, weekday) pairs of the padded month: the padding days are 0 with their weekday.</summary>
    public PyList<(long, long)> IterMonthDays2(long year, long month) =>
        new(IterMonthDays(year, month).Select((d, i) => (d, CalendarModule.Mod7(FirstWeekday + i))));

    /// <summary>The dates of the whole weeks that hold the month (the days around it from the months before and after).</summary>
    public PyList<PyDate> IterMonthDates(long year, long month)
    {
        var days = IterMonthDays(year, month);
        long start = new PyDate(year, month, 1L).ToOrdinal() - days.TakeWhile(d => d == 0).Count();
        return new(Enumerable.Range(0, days.Count).Select(i => PyDate.FromOrdinal(start + i)));
    }

    public PyList<PyList<(long, long)>> MonthDays2Calendar(long year, long month) =>
        new(IterMonthDays2(year, month).Chunk(7).Select(week => new PyList<(long, long)>(week)));

    public PyList<PyList<PyDate>> MonthDatesCalendar(long year, long month) =>
        new(IterMonthDates(year, month).Chunk(7).Select(week => new PyList<PyDate>(week)));

    public PyList<PyList<long>> MonthDaysCalendar(long year, long month) =>
        new(IterMonthDays(year, month).Chunk(7).Select(week => new PyList<long>(week)));

    public string FormatDay(long day, long weekday, long width) => StrOps.Center(day == 0 ? "" : day.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(2), width);

    public string FormatWeekDay(long day, long width)
    {
        var names = width >= 9 ? CalendarModule.DayName : CalendarModule.DayAbbr;
        string name = names[(int)day];
        return StrOps.Center(name.Length > width ? name[..(int)width] : name, width);
    }

    public string FormatWeekHeader(long width) => string.Join(" ", IterWeekDays().Select(d => FormatWeekDay(d, width)));

    public string FormatMonthName(long theyear, long themonth, long width, bool withyear = true) =>
        StrOps.Center(withyear ? $"{CalendarModule.MonthName[(int)themonth]} {theyear}" : CalendarModule.MonthName[(int)themonth], width);

    public string FormatMonth(long theyear, long themonth, long w = 0, long l = 0)
    {
        w = Math.Max(2, w);
        l = Math.Max(1, l);
        string newlines = new('\n', (int)l);
        var s = new StringBuilder();
        // CPython reads month_name[themonth] first: month 13 is an IndexError there, month 0 fails in monthrange
        if (themonth > 12) throw new IndexError("list index out of range");
        if (themonth < 1) throw new IllegalMonthError(themonth);
        s.Append(FormatMonthName(theyear, themonth, 7 * (w + 1) - 1).TrimEnd()).Append(newlines);
        s.Append(FormatWeekHeader(w).TrimEnd()).Append(newlines);
        var days = IterMonthDays(theyear, themonth);
        for (int i = 0; i < days.Count; i += 7)
        {
            var week = string.Join(" ", Enumerable.Range(i, 7).Select(j => FormatDay(days[j], CalendarModule.Mod7(FirstWeekday + j), w)));
            s.Append(week.TrimEnd()).Append(newlines);
        }
        return s.ToString();
    }

    public void PrMonth(long theyear, long themonth, long w = 0, long l = 0) => Sys.StdoutWriter.Write(FormatMonth(theyear, themonth, w, l));

    /// <summary>A week's days (0 outside the month) as formatweek writes them, each centered in width.</summary>
    private string FormatWeek(IReadOnlyList<long> week, long width) =>
        string.Join(" ", week.Select((d, j) => FormatDay(d, CalendarModule.Mod7(FirstWeekday + j), width)));

    /// <summary>TextCalendar.formatyear: the months m to a row, each column (w + 1) * 7 - 1 wide, c spaces apart.</summary>
    public string FormatYear(long theyear, long w = 2, long l = 1, long c = 6, long m = 3)
    {
        w = Math.Max(2, w);
        l = Math.Max(1, l);
        c = Math.Max(2, c);
        long colwidth = (w + 1) * 7 - 1;
        string newlines = new('\n', (int)l);
        var s = new StringBuilder();
        s.Append(StrOps.Center(theyear.ToString(System.Globalization.CultureInfo.InvariantCulture), colwidth * m + c * (m - 1)).TrimEnd()).Append(newlines);
        string header = FormatWeekHeader(w);
        for (long first = 1; first <= 12; first += m)
        {
            var months = Enumerable.Range((int)first, (int)Math.Min(m, 13 - first)).ToList();
            var weeks = months.Select(k => MonthDaysCalendar(theyear, k)).ToList();
            s.Append(newlines);
            s.Append(Columns(months.Select(k => FormatMonthName(theyear, k, colwidth, false)), colwidth, c)).Append(newlines);
            s.Append(Columns(months.Select(_ => header), colwidth, c)).Append(newlines);
            int height = weeks.Max(cal => cal.Count);
            for (int j = 0; j < height; j++)
                s.Append(Columns(weeks.Select(cal => j < cal.Count ? FormatWeek(cal[j], w) : ""), colwidth, c)).Append(newlines);
        }
        return s.ToString();
    }

    // CPython's calendar.formatstring, right-stripped as formatyear uses it
    private static string Columns(IEnumerable<string> cols, long colwidth, long spacing) =>
        string.Join(new string(' ', (int)spacing), cols.Select(col => StrOps.Center(col, colwidth))).TrimEnd();

    public string PyRepr() => $"<calendar.TextCalendar object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}

/// <summary>calendar.HTMLCalendar: formatmonth and formatyear as CPython's HTML, with its CSS class names.</summary>
public sealed class HtmlCalendar(long firstweekday = 0) : IPyObject, IPyTyped, IPyKeywordMethods
{
    private static readonly string[] CssClasses = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    // the day matrices, shared with TextCalendar
    private readonly TextCalendar _days = new(firstweekday);

    public string PyTypeName => "HTMLCalendar";

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "formatmonth" => FormatMonth(Arg<long>(args, kwargs, 0, "theyear"), Arg<long>(args, kwargs, 1, "themonth"), Flag(args, kwargs, 2, "withyear")),
        "formatyear" => FormatYear(Arg<long>(args, kwargs, 0, "theyear"), Optional(args, kwargs, 1, "width") is { } width ? Dyn.Cast<long>(width) : 3),
        _ => throw new AttributeError($"'HTMLCalendar' object has no attribute '{name}'"),
    };

    private static object? Optional(object?[] args, PyDict<string, object?> kwargs, int i, string key) => i < args.Length ? args[i] : kwargs.Get(key);

    private static T Arg<T>(object?[] args, PyDict<string, object?> kwargs, int i, string key) =>
        Dyn.Cast<T>(Optional(args, kwargs, i, key) ?? throw new TypeError($"missing required argument: '{key}'"));

    private static bool Flag(object?[] args, PyDict<string, object?> kwargs, int i, string key) => Optional(args, kwargs, i, key) is not { } v || Dyn.Truth(v);

    private static string FormatDay(long day, long weekday) =>
        day == 0 ? "<td class=\"noday\">&nbsp;</td>" : $"<td class=\"{CssClasses[weekday]}\">{day}</td>";

    private string FormatWeekHeader() =>
        "<tr>" + string.Concat(_days.IterWeekDays().Select(d => $"<th class=\"{CssClasses[d]}\">{CalendarModule.DayAbbr[(int)d]}</th>")) + "</tr>";

    public string FormatMonth(long theyear, long themonth, bool withyear = true)
    {
        var s = new StringBuilder("<table border=\"0\" cellpadding=\"0\" cellspacing=\"0\" class=\"month\">\n");
        string name = withyear ? $"{CalendarModule.MonthName[(int)themonth]} {theyear}" : CalendarModule.MonthName[(int)themonth];
        s.Append("<tr><th colspan=\"7\" class=\"month\">").Append(name).Append("</th></tr>\n");
        s.Append(FormatWeekHeader()).Append('\n');
        foreach (var week in _days.MonthDaysCalendar(theyear, themonth))
            s.Append("<tr>").Append(string.Concat(week.Select((d, j) => FormatDay(d, CalendarModule.Mod7(_days.FirstWeekday + j))))).Append("</tr>\n");
        return s.Append("</table>\n").ToString();
    }

    public string FormatYear(long theyear, long width = 3)
    {
        width = Math.Max(width, 1);
        var s = new StringBuilder("<table border=\"0\" cellpadding=\"0\" cellspacing=\"0\" class=\"year\">\n");
        s.Append($"<tr><th colspan=\"{width}\" class=\"year\">{theyear}</th></tr>");
        for (long first = 1; first <= 12; first += width)
        {
            s.Append("<tr>");
            for (long k = first; k < Math.Min(first + width, 13); k++) s.Append("<td>").Append(FormatMonth(theyear, k, withyear: false)).Append("</td>");
            s.Append("</tr>");
        }
        return s.Append("</table>").ToString();
    }

    public string PyRepr() => $"<calendar.HTMLCalendar object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();
}
