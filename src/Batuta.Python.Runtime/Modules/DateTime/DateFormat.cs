using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>strftime</c> as glibc writes it in the C locale, <c>strptime</c> as CPython's <c>_strptime</c> parses (the same
/// regular expression per directive, case-insensitive, whole input), and the ISO 8601 forms of <c>fromisoformat</c>.
/// </summary>
internal static class DateFormat
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] MonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string StrFTime(PyDate d, string format) => StrFTime(DateFields.Of(d), format);

    public static string StrFTime(DateFields f, string format)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            char c = format[++i];
            sb.Append(Directive(f, c) ?? "%" + c);
        }
        return sb.ToString();
    }

    private static string? Directive(DateFields f, char c) => DateDirective(f, c) ?? ClockDirective(f, c) ?? CompositeDirective(f, c);

    private static string? DateDirective(DateFields f, char c)
    {
        int weekday = f.Weekday, yday = f.YearDay - 1, sundayFirst = (weekday + 1) % 7;
        return c switch
        {
            'a' => DayNames[weekday].Substring(0, 3),
            'A' => DayNames[weekday],
            'w' => sundayFirst.ToString(Inv),
            'u' => (weekday + 1).ToString(Inv),
            'd' => f.Day.ToString("D2", Inv),
            'e' => f.Day.ToString(Inv).PadLeft(2),
            'b' or 'h' => MonthNames[f.Month - 1].Substring(0, 3),
            'B' => MonthNames[f.Month - 1],
            'm' => f.Month.ToString("D2", Inv),
            'y' => (f.Year % 100).ToString("D2", Inv),
            'Y' => f.Year.ToString(Inv),
            'C' => (f.Year / 100).ToString(Inv),
            'G' => IsoCalendar(f.Date).Year.ToString(Inv),
            'g' => (IsoCalendar(f.Date).Year % 100).ToString("D2", Inv),
            'V' => IsoCalendar(f.Date).Week.ToString("D2", Inv),
            'j' => (yday + 1).ToString("D3", Inv),
            'U' => ((yday - sundayFirst + 7) / 7).ToString("D2", Inv),
            'W' => ((yday - weekday + 7) / 7).ToString("D2", Inv),
            _ => null,
        };
    }

    private static string? ClockDirective(DateFields f, char c) => c switch
    {
        'H' => f.Hour.ToString("D2", Inv),
        'I' => (f.Hour % 12 == 0 ? 12 : f.Hour % 12).ToString("D2", Inv),
        'p' => f.Hour < 12 ? "AM" : "PM",
        'M' => f.Minute.ToString("D2", Inv),
        'S' => f.Second.ToString("D2", Inv),
        // C's strftime has no %f: time.strftime leaves it as written
        'f' => f.Microsecond?.ToString("D6", Inv),
        'z' => f.Offset,
        'Z' => f.Zone,
        _ => null,
    };

    private static string? CompositeDirective(DateFields f, char c) => c switch
    {
        'c' => StrFTime(f, "%a %b %e %H:%M:%S %Y"),
        'x' or 'D' => StrFTime(f, "%m/%d/%y"),
        'X' or 'T' => StrFTime(f, "%H:%M:%S"),
        'F' => StrFTime(f, "%Y-%m-%d"),
        'R' => StrFTime(f, "%H:%M"),
        'r' => StrFTime(f, "%I:%M:%S %p"),
        'n' => "\n",
        't' => "\t",
        '%' => "%",
        _ => null,
    };

    /// <summary>ISO year, week (1..53) and weekday (1..7), CPython's <c>isocalendar</c>.</summary>
    public static (int Year, int Week, int Day) IsoCalendar(PyDate d)
    {
        int year = d.Year;
        long today = d.ToOrdinal();
        long monday = IsoWeek1Monday(year);
        long week = FloorDiv(today - monday, 7), day = today - monday - week * 7;
        if (week < 0)
        {
            year--;
            monday = IsoWeek1Monday(year);
            week = FloorDiv(today - monday, 7);
            day = today - monday - week * 7;
        }
        else if (week >= 52 && today >= IsoWeek1Monday(year + 1))
        {
            year++;
            week = 0;
        }
        return (year, (int)week + 1, (int)day + 1);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long IsoWeek1Monday(int year)
    {
        long first = new PyDate(year, 1, 1, validate: false).ToOrdinal();
        long firstWeekday = (first + 6) % 7;
        long monday = first - firstWeekday;
        return firstWeekday > 3 ? monday + 7 : monday;
    }

    // ---- strptime ----

    private static readonly string Days = string.Join("|", DayNames.Select(n => n.ToLowerInvariant()));
    private static readonly string DaysShort = string.Join("|", DayNames.Select(n => n.Substring(0, 3).ToLowerInvariant()));
    private static readonly string Months = string.Join("|", MonthNames.Select(n => n.ToLowerInvariant()));
    private static readonly string MonthsShort = string.Join("|", MonthNames.Select(n => n.Substring(0, 3).ToLowerInvariant()));

    private static string? Pattern(char c) => c switch
    {
        'd' => "(?<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])",
        'f' => "(?<f>[0-9]{1,6})",
        'H' => "(?<H>2[0-3]|[0-1]\\d|\\d)",
        'I' => "(?<I>1[0-2]|0[1-9]|[1-9])",
        'j' => "(?<j>36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])",
        'm' => "(?<m>1[0-2]|0[1-9]|[1-9])",
        'M' => "(?<M>[0-5]\\d|\\d)",
        'S' => "(?<S>6[0-1]|[0-5]\\d|\\d)",
        'U' => "(?<U>5[0-3]|[0-4]\\d|\\d)",
        'W' => "(?<W>5[0-3]|[0-4]\\d|\\d)",
        'w' => "(?<w>[0-6])",
        'u' => "(?<u>[1-7])",
        'y' => "(?<y>\\d\\d)",
        'Y' => "(?<Y>\\d\\d\\d\\d)",
        'A' => $"(?<A>{Days})",
        'a' => $"(?<a>{DaysShort})",
        'B' => $"(?<B>{Months})",
        'b' => $"(?<b>{MonthsShort})",
        'p' => "(?<p>am|pm)",
        'z' => "(?<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z))",
        '%' => "%",
        _ => null,
    };

    private static string Expand(char c) => c switch
    {
        'c' => "%a %b %d %H:%M:%S %Y",
        'x' => "%m/%d/%y",
        'X' => "%H:%M:%S",
        _ => "",
    };

    private static Regex Compile(string format)
    {
        var sb = new StringBuilder("^");
        var seen = new HashSet<char>();
        AppendFormat(sb, format, seen);
        try { return new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant); }
        catch (ArgumentException) { throw new ValueError($"'{format}' is a bad directive in format '%'"); }
    }

    private static void AppendFormat(StringBuilder sb, string format, HashSet<char> seen)
    {
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (char.IsWhiteSpace(c))
            {
                while (i + 1 < format.Length && char.IsWhiteSpace(format[i + 1])) i++;
                sb.Append("\\s+");
                continue;
            }
            if (c != '%') { sb.Append(Regex.Escape(c.ToString())); continue; }
            if (i + 1 >= format.Length) throw new ValueError("stray % in format '" + format + "'");
            AppendDirective(sb, format, format[++i], seen);
        }
    }

    private static void AppendDirective(StringBuilder sb, string format, char d, HashSet<char> seen)
    {
        if (d is 'c' or 'x' or 'X') { AppendFormat(sb, Expand(d), seen); return; }
        var p = Pattern(d) ?? throw new ValueError($"'{d}' is a bad directive in format '{format}'");
        if (d != '%' && !seen.Add(d)) throw new ValueError($"redefinition of group name '{d}'");
        sb.Append(p);
    }

    public static PyDateTime StrPTime(string text, string format)
    {
        var m = Compile(format).Match(text);
        if (!m.Success) throw new ValueError($"time data {Repr.Of(text)} does not match format {Repr.Of(format)}");
        if (m.Length != text.Length) throw new ValueError("unconverted data remains: " + text.Substring(m.Length));
        int year = Year(m), month = Month(m), day = Group(m, "d", 0);
        if (m.Groups["j"].Success && month == 0 && day == 0)
            (year, month, day) = PyDate.FromOrdinalParts(new PyDate(year, 1, 1, validate: false).ToOrdinal() + Group(m, "j", 1) - 1);
        int micro = m.Groups["f"].Success ? int.Parse(m.Groups["f"].Value.PadRight(6, '0'), Inv) : 0;
        var result = new PyDateTime(year, month == 0 ? 1 : month, day == 0 ? 1 : day, Hour(m), Group(m, "M", 0), Group(m, "S", 0), micro, validate: true);
        return m.Groups["z"].Success ? result.WithTz(new PyTimeZone(UtcOffset(m.Groups["z"].Value))) : result;
    }

    /// <summary>%z's text as seconds east of UTC: Z, ±HHMM[SS], or ±HH:MM[:SS] (colons used consistently), as _strptime.</summary>
    private static int UtcOffset(string text)
    {
        if (text == "Z") return 0;
        string z = text;
        if (z[3] == ':')
        {
            z = z[..3] + z[4..];
            if (z.Length > 5)
            {
                if (z[5] != ':') throw new ValueError($"Inconsistent use of : in {text}");
                z = z[..5] + z[6..];
            }
        }
        if (z.Length > 7 && z[8..].Any(ch => ch != '0')) throw new NotSupportedException("strptime %z with fractional seconds is not supported by Batuta");
        int seconds = int.Parse(z[1..3], Inv) * 3600 + int.Parse(z[3..5], Inv) * 60 + (z.Length >= 7 ? int.Parse(z[5..7], Inv) : 0);
        if (seconds >= 86400)
            throw new ValueError($"offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {new PyTimeDelta(new System.Numerics.BigInteger(z[0] == '-' ? -seconds : seconds) * 1_000_000).PyRepr()}.");
        return z[0] == '-' ? -seconds : seconds;
    }

    private static int Group(Match m, string name, int fallback) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value.Trim(), Inv) : fallback;

    /// <summary>%Y, or %y as CPython reads it (69-99 → 1900s, 00-68 → 2000s); 1900 when neither is given.</summary>
    private static int Year(Match m)
    {
        if (m.Groups["Y"].Success) return Group(m, "Y", 1900);
        if (!m.Groups["y"].Success) return 1900;
        int y = Group(m, "y", 0);
        return y < 69 ? 2000 + y : 1900 + y;
    }

    private static int Month(Match m)
    {
        if (m.Groups["B"].Success) return Array.FindIndex(MonthNames, n => n.Equals(m.Groups["B"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        if (m.Groups["b"].Success) return Array.FindIndex(MonthNames, n => n.Substring(0, 3).Equals(m.Groups["b"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        return Group(m, "m", 0);
    }

    private static int Hour(Match m)
    {
        if (!m.Groups["I"].Success) return Group(m, "H", 0);
        int hour = Group(m, "I", 12) % 12;
        return m.Groups["p"].Success && m.Groups["p"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase) ? hour + 12 : hour;
    }

    // ---- fromisoformat ----

    /// <summary>YYYY-MM-DD or YYYYMMDD at <paramref name="start"/>: the index after it, or -1.</summary>
    public static int TryIsoDate(string s, int start, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (Digits(s, start, 4) is not { } y) return -1;
        year = y;
        bool dashed = start + 4 < s.Length && s[start + 4] == '-';
        int i = start + (dashed ? 5 : 4);
        if (Digits(s, i, 2) is not { } mo) return -1;
        i += 2;
        if (dashed) { if (i >= s.Length || s[i] != '-') return -1; i++; }
        if (Digits(s, i, 2) is not { } d) return -1;
        month = mo;
        day = d;
        return i + 2;
    }

    /// <summary>
    /// HH[:MM[:SS]] or HH[MM[SS]] (the first separator decides), then an optional fraction after any of them, at
    /// <paramref name="start"/>: the index after it, or -1. CPython 3.11's rules: the fraction keeps six digits and
    /// skips the rest.
    /// </summary>
    public static int TryIsoTime(string s, int start, out int hour, out int minute, out int second, out int micro)
    {
        hour = minute = second = micro = 0;
        if (Digits(s, start, 2) is not { } h) return -1;
        hour = h;
        int i = start + 2;
        bool colons = i < s.Length && s[i] == ':';
        if (Component(s, ref i, colons) is { } mi)
        {
            minute = mi;
            if (Component(s, ref i, colons) is { } sec) second = sec;
        }
        return i < s.Length && s[i] is '.' or ',' ? Fraction(s, i, out micro) : i;
    }

    /// <summary>The next two-digit component (after its ':' in the extended form), moving past it; null when there is none.</summary>
    private static int? Component(string s, ref int i, bool colons)
    {
        int at = colons ? i + 1 : i;
        if ((colons && (i >= s.Length || s[i] != ':')) || Digits(s, at, 2) is not { } v) return null;
        i = at + 2;
        return v;
    }

    /// <summary>
    /// The UTC offset that ends a fromisoformat string at <paramref name="start"/>: Z, or ±HH[[:]MM[[:]SS]] (3.11's forms);
    /// null when the rest of the string is not one. Zero is <c>timezone.utc</c>, as CPython attaches.
    /// </summary>
    public static PyTimeZone? TryIsoOffset(string s, int start)
    {
        if (s.Length - start == 1 && s[start] == 'Z') return PyTimeZone.Utc;
        if (s[start] is not ('+' or '-')) return null;
        int end = TryIsoTime(s, start + 1, out var h, out var m, out var sec, out var us);
        if (end != s.Length) return null;
        if (us != 0) throw new NotSupportedException("fromisoformat() with a sub-second UTC offset is not supported by Batuta");
        int seconds = (s[start] == '-' ? -1 : 1) * (h * 3600 + m * 60 + sec);
        if (Math.Abs(seconds) >= 86400) throw new ValueError($"Invalid isoformat string: {Repr.Of(s)}");
        return seconds == 0 ? PyTimeZone.Utc : new PyTimeZone(seconds);
    }

    /// <summary>The fraction after '.' or ',': the index after its digits, or -1 when there are none.</summary>
    private static int Fraction(string s, int dot, out int micro)
    {
        micro = 0;
        int j = dot + 1;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        if (j == dot + 1) return -1;
        micro = int.Parse(s.Substring(dot + 1, Math.Min(6, j - dot - 1)).PadRight(6, '0'), Inv);
        return j;
    }

    private static int? Digits(string s, int start, int count)
    {
        if (start < 0 || start + count > s.Length) return null;
        int v = 0;
        for (int k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k])) return null;
            v = v * 10 + (s[k] - '0');
        }
        return v;
    }
}
