using System.Globalization;
using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Tests;

public sealed class FloatFormatTests
{
    private static readonly double[] Values =
    {
        0.1, 0.2, 0.30000000000000004, 1.0, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 123.456, 1e22, 1.5e300, 5e-324, 1.7976931348623157e308,
        -0.0, 2.5, 3.5, 2.675, 1.005, 0.125, 0.375, 1234567.891, 1.0 / 3, 2.0 / 3, 100.0, 12345678901234567.0, 0.000123456, 6.02214076e23, -1.5e-7,
    };

    private static string PyList() => "[" + string.Join(", ", Values.Select(v => "float('" + v.ToString("R", CultureInfo.InvariantCulture) + "')")) + "]";

    [Fact]
    public void Repr_matches_CPython()
    {
        var expected = CPython.Lines($"for v in {PyList()}: print(repr(v))");
        Assert.Equal(expected, Values.Select(FloatFormat.Repr).ToArray());
    }

    [Fact]
    public void Round_with_digits_matches_CPython()
    {
        var expected = CPython.Lines($"for v in {PyList()}:\n  print(' '.join(repr(round(v, n)) for n in (-2, 0, 1, 2, 3, 6)), round(v) if abs(v) < 1e300 else 0)");
        var actual = Values.Select(v => string.Join(" ", new long[] { -2, 0, 1, 2, 3, 6 }.Select(n => FloatFormat.Repr(FloatFormat.Round(v, n)))) + " " + (Math.Abs(v) < 1e300 ? FloatFormat.RoundToInt(v).ToString() : "0")).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Format_specs_match_CPython()
    {
        string[] specs = { ".2f", ".0f", "e", ".3e", "g", ".3g", "10.4f", "+.1f", ",.2f", "%", ".1%", "012.3f", "<10.2f", "^12g", "E", "G" };
        var expected = CPython.Lines($"for v in {PyList()}:\n  print('|'.join(format(v, s) for s in {("[" + string.Join(", ", specs.Select(s => "'" + s + "'")) + "]")}))");
        var actual = Values.Select(v => string.Join("|", specs.Select(s => Format.Apply(v, s)))).ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.True(expected[i] == actual[i], $"{Values[i]}:\n{expected[i]}\n{actual[i]}");
    }

    [Fact]
    public void Percent_format_matches_CPython()
    {
        var expected = CPython.Lines("print('%5.2f|%-8.3e|%g|%d|%05d|%x|%s|%r|%10s|' % (3.14159, 12345.678, 0.0001, 42, 7, 255, 'hi', 'q', 'right'))");
        var actual = PercentFormat.Format("%5.2f|%-8.3e|%g|%d|%05d|%x|%s|%r|%10s|", new PyTuple(3.14159, 12345.678, 0.0001, new PyInt(42), new PyInt(7), new PyInt(255), "hi", "q", "right"));
        Assert.Equal(expected[0], actual);
    }
}
