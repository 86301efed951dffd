using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class BytesPaddingAndCalendarDatesTests
{
    private static PyBytes B(string ascii) => new(System.Text.Encoding.ASCII.GetBytes(ascii));

    [Fact]
    public void Hex_groups_count_from_the_right_or_from_the_left_when_negative()
    {
        var data = new PyBytes(new byte[] { 1, 2, 3, 4, 5 });
        var expected = CPython.Lines("d = b'\\x01\\x02\\x03\\x04\\x05'\nfor n in (1, 2, -2, 0, 5, 7, -4):\n    print(d.hex(':', n))\nprint(repr(b''.hex('-', 2)))");
        long[] ns = [1, 2, -2, 0, 5, 7, -4];
        for (int i = 0; i < ns.Length; i++) Assert.Equal(expected[i], data.Hex(":", ns[i]));
        Assert.Equal(expected[7], Repr.Of(PyBytes.Empty.Hex("-", 2)));
    }

    [Fact]
    public void Padding_takes_one_fill_byte_as_CPython()
    {
        var expected = CPython.Lines("print(b'ab'.ljust(5, b'.'), b'ab'.rjust(4), b'ab'.center(7, b'*'), b'-5'.zfill(5), b'abc'.ljust(2))");
        Assert.Equal(expected[0], string.Join(" ", Repr.Of(B("ab").LJust(5, B("."))), Repr.Of(B("ab").RJust(4)), Repr.Of(B("ab").Center(7, B("*"))), Repr.Of(B("-5").ZFill(5)), Repr.Of(B("abc").LJust(2))));
        Assert.Equal("ljust() argument 2 must be a byte string of length 1, not bytes", Assert.Throws<TypeError>(() => B("a").LJust(5, B("xy"))).Message);
    }

    [Fact]
    public void Calendar_dates_cover_the_whole_weeks_of_the_month()
    {
        var expected = CPython.Lines("import calendar\nc = calendar.Calendar(6)\nd = list(c.itermonthdates(2024, 3))\nprint(len(d), d[0], d[-1])\n"
            + "print(list(c.itermonthdays2(2024, 3))[:7])\nprint([str(x) for x in c.monthdatescalendar(2024, 2)[0]])");
        var c = new TextCalendar(6);
        var dates = c.IterMonthDates(2024, 3);
        Assert.Equal(expected[0], $"{dates.Count} {Str.Of(dates[0])} {Str.Of(dates[dates.Count - 1])}");
        Assert.Equal(expected[1], Repr.Of(new PyList<(long, long)>(c.IterMonthDays2(2024, 3).Take(7))));
        Assert.Equal(expected[2], Repr.Of(new PyList<string>(c.MonthDatesCalendar(2024, 2)[0].Select(Str.Of))));
    }
}
