using System.Globalization;
using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>Fixed-offset time zones against CPython: conversion between zones, formatting, parsing and the zone objects themselves.</summary>
public sealed class AwareDateTimeTests
{
    private static readonly int[] Offsets = [0, 3600, -18000, 19800, 20700, -34200, 86340, -86340, 45];

    private static PyTimeZone Zone(int seconds, string? name) => PyTimeZone.Create(PyTimeDelta.Create(seconds: new PyInt(seconds)), name);

    [Fact]
    public void Astimezone_str_repr_isoformat_and_strftime_match_CPython()
    {
        var rng = new Random(11);
        var cases = Enumerable.Range(0, 150).Select(_ => (Y: rng.Next(2, 9999), M: rng.Next(1, 13), D: rng.Next(1, 29), H: rng.Next(0, 24), Mi: rng.Next(0, 60), S: rng.Next(0, 60), Us: rng.Next(0, 2) * rng.Next(0, 1_000_000),
            From: Offsets[rng.Next(Offsets.Length)], To: Offsets[rng.Next(Offsets.Length)], Named: rng.Next(0, 2) == 1)).ToList();
        var list = string.Join(", ", cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"({c.Y}, {c.M}, {c.D}, {c.H}, {c.Mi}, {c.S}, {c.Us}, {c.From}, {c.To}, {(c.Named ? "'Zed'" : "None")})")));
        var expected = CPython.Lines("from datetime import datetime, timedelta, timezone\n"
            + "def tz(s, n): return timezone(timedelta(seconds=s), n) if n else timezone(timedelta(seconds=s))\n"
            + $"for y, m, d, h, mi, s, us, a, b, n in [{list}]:\n"
            + "  x = datetime(y, m, d, h, mi, s, us, tzinfo=tz(a, n)); z = x.astimezone(tz(b, None))\n"
            + "  print(x, repr(x), z, repr(z), x.isoformat(timespec='seconds'), z.strftime('%Y-%m-%d %H:%M:%S %z %Z'), x == z, x.utcoffset(), x.tzname(), repr(x.tzinfo), x.utctimetuple()[:6], z.timestamp())");
        var actual = cases.Select(c =>
        {
            var x = new PyDateTime(new PyInt(c.Y), new PyInt(c.M), new PyInt(c.D), new PyInt(c.H), new PyInt(c.Mi), new PyInt(c.S), new PyInt(c.Us), Zone(c.From, c.Named ? "Zed" : null));
            var z = x.AsTimeZone(Zone(c.To, null));
            var utc = Assert.IsType<StructTime>(Dyn.CallMethod(x, "utctimetuple"));
            return string.Join(" ", x.PyStr(), x.PyRepr(), z.PyStr(), z.PyRepr(), x.IsoFormat("T", "seconds"), z.StrFTime("%Y-%m-%d %H:%M:%S %z %Z"), Str.Of(x.Equals(z)),
                Str.Of(Dyn.CallMethod(x, "utcoffset")), Str.Of(Dyn.CallMethod(x, "tzname")), Repr.Of(x.TzInfo), Repr.Of(new PyTuple(utc.Take(6).ToArray())), Repr.Of(z.Timestamp()));
        }).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Fromisoformat_reads_the_offsets_of_CPython_3_11()
    {
        var inputs = new[] { "2024-01-01T12:00:00+00:00", "2024-01-01T12:00:00Z", "2024-01-01T12:00+0530", "2024-01-01T12:00:00-08", "2024-01-01T12:00:00+05:30:15", "2024-01-01 12:00:00.5+01:00" };
        var expected = CPython.Lines($"from datetime import datetime\nfor s in {Repr.Of(new PyList<string>(inputs))}:\n  print(repr(datetime.fromisoformat(s)))");
        Assert.Equal(expected, inputs.Select(s => PyDateTime.FromIsoFormat(s).PyRepr()).ToList());
        Assert.Throws<ValueError>(() => PyDateTime.FromIsoFormat("2024-01-01T12:00:00+5"));
    }

    [Fact]
    public void Timezone_checks_its_arguments_as_CPython()
    {
        Assert.Same(PyTimeZone.Utc, PyTimeZone.Create(PyTimeDelta.Create()));
        Assert.Equal("datetime.timezone(datetime.timedelta(days=-1, seconds=68400), 'EST')", Zone(-18000, "EST").PyRepr());
        Assert.Equal("UTC+05:30", Zone(19800, null).PyStr());
        Assert.Equal(Zone(3600, "A"), Zone(3600, "B"));
        Assert.Throws<ValueError>(() => PyTimeZone.Create(PyTimeDelta.Create(hours: new PyInt(24))));
        Assert.Throws<TypeError>(() => PyTimeZone.Create(new PyInt(5)));
        Assert.Throws<TypeError>(() => new PyDateTime(new PyInt(2024), new PyInt(1), new PyInt(1), tzinfo: "UTC"));
        var naive = new PyDateTime(new PyInt(2024), new PyInt(1), new PyInt(1));
        var aware = naive.AsTimeZone(PyTimeZone.Utc);
        Assert.Throws<TypeError>(() => naive.PyCompare(aware));
        Assert.False(naive.Equals(aware));
    }
}
