using System.Globalization;
using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>time's struct_time functions against CPython on many timestamps and tuples (the host's zone is CPython's too).</summary>
public sealed class TimeStructTests
{
    private const string Directives = "%a %A %w %d %e %b %B %m %y %Y %C %j %U %W %H %I %p %M %S %c %x %X %z %Z %f %%";

    private static List<long> Stamps()
    {
        var rng = new Random(20261127);
        var list = new List<long> { 0, -1, 86399, 951782400, 2147483647, -2208988800, 253402300799 };
        for (int i = 0; i < 300; i++) list.Add(rng.NextInt64(-60_000_000_000, 250_000_000_000));
        return list;
    }

    private static string PyList(IEnumerable<long> xs) => "[" + string.Join(", ", xs.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]";

    [Fact]
    public void Gmtime_localtime_strftime_asctime_and_mktime_match_CPython()
    {
        var stamps = Stamps();
        var expected = CPython.Lines($"import time\nfor s in {PyList(stamps)}:\n  g = time.gmtime(s); l = time.localtime(s)\n"
            + $"  print(g, g.tm_zone, g.tm_gmtoff, time.strftime({Repr.Of(Directives)}, g), time.asctime(g), time.ctime(s), l[:], time.mktime(l))");
        var actual = stamps.Select(s =>
        {
            var g = TimeModule.GmTime(new PyInt(s));
            var l = TimeModule.LocalTime(new PyInt(s));
            return string.Join(" ", g.PyRepr(), g.Zone, Str.Of(g.GmtOffset), TimeModule.StrFTime(Directives, g), TimeModule.AscTime(g), TimeModule.CTime(new PyInt(s)),
                Repr.Of(new PyTuple(l.ToArray())), Repr.Of(TimeModule.MkTime(l)));
        }).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Plain_tuples_keep_their_weekday_and_day_of_year_and_mktime_normalises()
    {
        var rng = new Random(7);
        var tuples = Enumerable.Range(0, 200).Select(_ => new[] { rng.Next(1, 3000), rng.Next(0, 13), rng.Next(0, 32), rng.Next(0, 24), rng.Next(0, 60), rng.Next(0, 62), rng.Next(-1, 12), rng.Next(0, 367), rng.Next(-1, 2) }).ToList();
        string Py(int[] t) => "(" + string.Join(", ", t) + ")";
        var expected = CPython.Lines($"import time\nfor t in [{string.Join(", ", tuples.Select(Py))}]:\n"
            + "  print(repr(time.strftime('%a %A %w %j %U %W %d %b %Y %H:%M:%S %z %Z', t)), time.asctime(t), time.mktime(t[:8] + (-1,)))");
        var actual = tuples.Select(t =>
        {
            var tuple = new PyTuple(t.Select(v => (object?)new PyInt(v)).ToArray());
            var mk = new PyTuple(t.Take(8).Select(v => (object?)new PyInt(v)).Append(new PyInt(-1)).ToArray());
            return string.Join(" ", Repr.Of(TimeModule.StrFTime("%a %A %w %j %U %W %d %b %Y %H:%M:%S %z %Z", tuple)), TimeModule.AscTime(tuple), Repr.Of(TimeModule.MkTime(mk)));
        }).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(new[] { 2024, 13, 1, 0, 0, 0, 0, 1, 0 }, "month out of range")]
    [InlineData(new[] { 2024, 1, 32, 0, 0, 0, 0, 1, 0 }, "day of month out of range")]
    [InlineData(new[] { 2024, 1, 1, 24, 0, 0, 0, 1, 0 }, "hour out of range")]
    [InlineData(new[] { 2024, 1, 1, 0, 60, 0, 0, 1, 0 }, "minute out of range")]
    [InlineData(new[] { 2024, 1, 1, 0, 0, 62, 0, 1, 0 }, "seconds out of range")]
    [InlineData(new[] { 2024, 1, 1, 0, 0, 0, -3, 1, 0 }, "day of week out of range")]
    [InlineData(new[] { 2024, 1, 1, 0, 0, 0, 0, 367, 0 }, "day of year out of range")]
    public void Out_of_range_tuples_are_CPythons_ValueErrors(int[] fields, string message)
    {
        var tuple = new PyTuple(fields.Select(v => (object?)new PyInt(v)).ToArray());
        Assert.Equal(message, Assert.Throws<ValueError>(() => TimeModule.StrFTime("%Y", tuple)).Message);
        Assert.Equal("strftime(): illegal time tuple argument", Assert.Throws<TypeError>(() => TimeModule.StrFTime("%Y", new PyTuple(new PyInt(1)))).Message);
        Assert.Equal("Tuple or struct_time argument required", Assert.Throws<TypeError>(() => TimeModule.MkTime(new PyInt(5))).Message);
    }

    [Fact]
    public void Strptime_gives_CPythons_struct_time()
    {
        var expected = CPython.Lines("import time\nfor s, f in [('2024-03-05 14:30:00', '%Y-%m-%d %H:%M:%S'), ('Tue Nov 14 22:13:20 2023', '%a %b %d %H:%M:%S %Y'), ('+0130 2020', '%z %Y'), ('366 2024', '%j %Y')]:\n"
            + "  p = time.strptime(s, f)\n  print(p, p.tm_zone, p.tm_gmtoff, repr(time.strftime('%z|%Z', p)))");
        var actual = new[] { ("2024-03-05 14:30:00", "%Y-%m-%d %H:%M:%S"), ("Tue Nov 14 22:13:20 2023", "%a %b %d %H:%M:%S %Y"), ("+0130 2020", "%z %Y"), ("366 2024", "%j %Y") }
            .Select(x => TimeModule.StrPTime(x.Item1, x.Item2)).Select(p => string.Join(" ", p.PyRepr(), Str.Of(p.Zone), Str.Of(p.GmtOffset), Repr.Of(TimeModule.StrFTime("%z|%Z", p)))).ToList();
        Assert.Equal(expected, actual);
    }
}
