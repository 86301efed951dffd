using System.Globalization;
using System.Numerics;
using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Tests;

public sealed class IntFloatTests
{
    // Around powers of two and ten, halfway cases (2**54 + 2, + 6), and the overflow edge.
    private static readonly string[] Ints =
    {
        "10**30", "10**22", "10**23", "2**70 + 1", "2**53 + 1", "2**53 + 3", "2**54 + 2", "2**54 + 6", "2**63 - 1", "-(2**63)",
        "2**64 + 2**11", "2**64 + 2**11 + 1", "-(10**30)", "12345678901234567890123", "2**1024 - 2**970 - 1", "3**200", "7**300 + 1",
        "2**53", "-(2**53) - 1", "0", "1", "-1", "10**308", "2**1023",
    };

    private static PyInt Eval(string expr) => PyInt.Parse(CPython.Lines("print(" + expr + ")")[0]);

    private static readonly double[] Floats = { 0.0, 1.0, -1.0, 2.5, 1e30, 1e22, 9007199254740992.0, 9007199254740994.0, 1e308, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1.7976931348623157e308, 1e300, -1e30, 9.2233720368547758e18 };

    private static string PyFloat(double d) => "float('" + d.ToString("R", CultureInfo.InvariantCulture) + "')";

    [Fact]
    public void Int_to_float_is_correctly_rounded()
    {
        var values = CPython.Lines("for v in [" + string.Join(", ", Ints) + "]: print(v)").Select(s => PyInt.Parse(s)).ToArray();
        var expected = CPython.Lines("for v in [" + string.Join(", ", Ints) + "]: print(repr(float(v)), repr(v * 1.0), format(v, '.2f') if abs(v) < 10**300 else '-')");
        var actual = values.Select(v => $"{FloatFormat.Repr(v.ToDouble())} {FloatFormat.Repr((double)v * 1.0)} {(BigInteger.Abs(v) < BigInteger.Pow(10, 300) ? Format.Apply(v, ".2f") : "-")}").ToArray();
        Assert.Equal(expected, actual);
        Assert.Throws<OverflowError>(() => Eval("2**1024 - 2**970").ToDouble());
        Assert.Throws<OverflowError>(() => Eval("10**400").ToDouble());
    }

    [Fact]
    public void Int_float_comparisons_are_exact()
    {
        var ints = Ints.Append("10**400").Append("-(10**400)").ToArray();
        var values = CPython.Lines("for v in [" + string.Join(", ", ints) + "]: print(v)").Select(s => PyInt.Parse(s)).ToArray();
        var script = "for a in [" + string.Join(", ", ints) + "]:\n  for b in [" + string.Join(", ", Floats.Select(PyFloat)) + "]:\n"
            + "    print(a == b, a != b, a < b, a <= b, a > b, a >= b, b < a, b >= a, b == a)";
        var expected = CPython.Lines(script);
        var actual = new List<string>();
        foreach (var a in values)
        {
            foreach (var b in Floats)
            {
                bool[] r = { Ops.Eq(a, b), Ops.Ne(a, b), Ops.Lt(a, b), Ops.Le(a, b), Ops.Gt(a, b), Ops.Ge(a, b), Ops.Lt(b, a), Ops.Ge(b, a), Ops.Eq(b, a) };
                actual.Add(string.Join(" ", r.Select(x => x ? "True" : "False")));
                if (a.IsSmall) Assert.Equal(r[2], Ops.Lt(a.Small, b));
                if (!double.IsNaN(b)) Assert.Equal(r[0], Dyn.Eq(a, b));
                if (!double.IsNaN(b)) Assert.Equal(r[2], Dyn.Lt(a, b));
                if (!double.IsNaN(b)) Assert.Equal(r[6], Dyn.Lt(b, a));
            }
        }
        Assert.Equal(expected, actual);
    }
}
