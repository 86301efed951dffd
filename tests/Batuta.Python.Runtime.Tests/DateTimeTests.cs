using System.Globalization;
using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>The datetime types against CPython: calendars, formatting, parsing and timedelta arithmetic on many values.</summary>
public sealed class DateTimeTests
{
    private const string Directives = "%a %A %w %u %d %e %b %B %m %y %Y %C %G %g %V %j %U %W %x %X %c %H %I %p %M %S %f %%";

    private static List<(int Y, int M, int D, int H, int Mi, int S, int Us)> Samples()
    {
        var rng = new Random(20261126);
        var list = new List<(int, int, int, int, int, int, int)> { (1, 1, 1, 0, 0, 0, 0), (9999, 12, 31, 23, 59, 59, 999999), (2000, 2, 29, 12, 0, 0, 0), (1900, 3, 1, 0, 30, 0, 1) };
        for (int i = 0; i < 400; i++)
        {
            int y = rng.Next(0, 3) == 0 ? rng.Next(1, 10000) : rng.Next(1990, 2040);
            int m = rng.Next(1, 13);
            list.Add((y, m, rng.Next(1, PyDateTimeDays(y, m) + 1), rng.Next(0, 24), rng.Next(0, 60), rng.Next(0, 60), rng.Next(0, 3) == 0 ? 0 : rng.Next(0, 1_000_000)));
        }
        return list;
    }

    private static int PyDateTimeDays(int y, int m) => DateTime.DaysInMonth(y, m);

    private static string PyTuples(IEnumerable<(int Y, int M, int D, int H, int Mi, int S, int Us)> xs) =>
        "[" + string.Join(", ", xs.Select(x => string.Create(CultureInfo.InvariantCulture, $"({x.Y}, {x.M}, {x.D}, {x.H}, {x.Mi}, {x.S}, {x.Us})"))) + "]";

    [Fact]
    public void Str_repr_strftime_isocalendar_and_ordinals_match_CPython()
    {
        var samples = Samples();
        var expected = CPython.Lines($"import datetime\nfor t in {PyTuples(samples)}:\n  d = datetime.datetime(*t)\n  print(str(d), repr(d), str(d.date()), repr(d.date()), d.strftime({Repr.Of(Directives)}), tuple(d.isocalendar()), d.weekday(), d.toordinal(), d.isoformat(), d.time())");
        var actual = samples.Select(t =>
        {
            var d = Dt(t);
            var date = d.Date();
            var iso = date.IsoCalendar();
            return string.Join(" ", d.PyStr(), d.PyRepr(), date.PyStr(), date.PyRepr(), d.StrFTime(Directives), $"({iso[0]}, {iso[1]}, {iso[2]})", d.Weekday(), d.ToOrdinal(), d.IsoFormat(), d.Time().PyStr());
        }).ToArray();
        SameLines(expected, actual);
    }

    [Fact]
    public void Strptime_reads_back_what_strftime_wrote_as_CPython_does()
    {
        var samples = Samples().Where(s => s.Y >= 1000).Take(150).ToList();
        string[] formats = ["%Y-%m-%d %H:%M:%S.%f", "%d %B %Y %I:%M %p", "%a, %d %b %y %H:%M", "%Y %j", "%m/%d/%Y"];
        var expected = CPython.Lines($"import datetime\nfor t in {PyTuples(samples)}:\n  d = datetime.datetime(*t)\n  print(' | '.join(str(datetime.datetime.strptime(d.strftime(f), f)) for f in {Py(formats)}))");
        var actual = samples.Select(t =>
        {
            var d = Dt(t);
            return string.Join(" | ", formats.Select(f => PyDateTime.StrPTime(d.StrFTime(f), f).PyStr()));
        }).ToArray();
        SameLines(expected, actual);
    }

    [Fact]
    public void Timedelta_normalisation_str_repr_and_arithmetic_match_CPython()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 300).Select(_ => (Days: rng.Next(-2000, 2000), Seconds: rng.Next(-200000, 200000), Micro: rng.Next(-3_000_000, 3_000_000), Factor: rng.Next(-7, 8), F: Math.Round(rng.NextDouble() * 10 - 5, 3))).ToList();
        var list = "[" + string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"({v.Days}, {v.Seconds}, {v.Micro}, {v.Factor}, {v.F})"))) + "]";
        var expected = CPython.Lines($"import datetime\nfor d, s, u, k, f in {list}:\n  t = datetime.timedelta(days=d, seconds=s, microseconds=u)\n  o = datetime.timedelta(hours=f)\n  print(str(t), repr(t), t.total_seconds(), str(t * k), str(t * f), str(-t), str(abs(t)), str(t + o), str(t - o), repr(o), (t // k) if k else '-', (t / o) if o else '-', (t // o) if o else '-', (t % o) if o else '-')");
        var actual = values.Select(v =>
        {
            var t = PyTimeDelta.Create(new PyInt(v.Days), new PyInt(v.Seconds), new PyInt(v.Micro));
            var o = PyTimeDelta.Create(hours: v.F);
            string Q(Func<object?> f) => o.PyBool() ? Str.Of(f()) : "-";
            return string.Join(" ", t.PyStr(), t.PyRepr(), Repr.Of(t.TotalSeconds()), Str.Of(t.PyMul(new PyInt(v.Factor))), Str.Of(t.PyMul(v.F)), t.Negate().PyStr(), t.Abs().PyStr(),
                Str.Of(t.PyAdd(o)), Str.Of(t.PySub(o)), o.PyRepr(), v.Factor != 0 ? Str.Of(t.FloorDiv(new PyInt(v.Factor))) : "-", Q(() => t.PyTrueDiv(o)), Q(() => t.FloorDiv(o)), Q(() => t.Mod(o)));
        }).ToArray();
        SameLines(expected, actual);
    }

    [Theory]
    [InlineData("2024-02-30", "%Y-%m-%d", "day is out of range for month")]
    [InlineData("2024/01/01", "%Y-%m-%d", "time data '2024/01/01' does not match format '%Y-%m-%d'")]
    [InlineData("2024-01-01 junk", "%Y-%m-%d", "unconverted data remains:  junk")]
    public void Strptime_errors_are_CPythons_ValueErrors(string text, string format, string message)
    {
        var e = Assert.Throws<ValueError>(() => PyDateTime.StrPTime(text, format));
        Assert.Equal(message, e.PyStr());
        Assert.Equal(message, CPython.Lines($"import datetime\ntry:\n  datetime.datetime.strptime({Repr.Of(text)}, {Repr.Of(format)})\nexcept ValueError as e:\n  print(e)")[0]);
    }

    [Fact]
    public void Dates_and_datetimes_never_compare_across_types()
    {
        var d = new PyDate(new PyInt(2024), new PyInt(1), new PyInt(1));
        var t = new PyDateTime(new PyInt(2024), new PyInt(1), new PyInt(1));
        Assert.False(Dyn.Eq(d, t));
        Assert.Equal("can't compare datetime.datetime to datetime.date", Assert.Throws<TypeError>(() => Dyn.Lt(d, t)).PyStr());
        Assert.Equal("datetime.timedelta(days=366)", Repr.Of(Dyn.Sub(new PyDate(new PyInt(2025), new PyInt(1), new PyInt(1)), d)));
    }

    /// <summary>Equal line lists, failing with the first line that differs (whole, both sides).</summary>
    private static void SameLines(string[] expected, string[] actual)
    {
        for (int i = 0; i < Math.Min(expected.Length, actual.Length); i++)
            Assert.True(expected[i] == actual[i], $"line {i}:\nCPython: {expected[i]}\nBatuta:  {actual[i]}");
        Assert.Equal(expected.Length, actual.Length);
    }

    private static PyDateTime Dt((int Y, int M, int D, int H, int Mi, int S, int Us) t) =>
        new(new PyInt(t.Y), new PyInt(t.M), new PyInt(t.D), new PyInt(t.H), new PyInt(t.Mi), new PyInt(t.S), new PyInt(t.Us));

    private static string Py(IEnumerable<string> xs) => "[" + string.Join(", ", xs.Select(x => Repr.Of(x))) + "]";
}
