using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

// DecimalContext.Current is process-wide: the classes that set its precision run one at a time
/// <summary>Decimal's Infinity and NaN against CPython: text, arithmetic, comparisons and the errors of the default context.</summary>
[Collection("decimal context")]
public sealed class DecimalSpecialTests
{
    private static PyDecimal D(string s) => PyDecimal.Create(s);

    private static string Outcome(Func<object?> f)
    {
        try
        {
            return Repr.Of(f());
        }
        catch (PyException e)
        {
            return e.PyTypeName + ": " + e.PyStr();
        }
    }

    [Fact]
    public void Parses_and_prints_as_CPython()
    {
        string[] texts = { "inf", "-Infinity", "+INF", " nan", "-NaN", "NaN0012", "sNaN", "-snan7", "Infinity " };
        var expected = CPython.Lines("from decimal import Decimal\nfor s in [" + string.Join(", ", texts.Select(t => "'" + t + "'")) + "]:\n"
            + "    d = Decimal(s)\n    print(str(d), repr(d), d.is_nan(), d.is_infinite(), d.is_finite(), d.is_snan(), d.is_qnan(), d.is_signed(), d.as_tuple())");
        var ours = texts.Select(t =>
        {
            var d = D(t);
            object? M(string name) => d.CallMethod(name, [], new PyDict<string, object?>());
            return string.Join(" ", d.PyStr(), d.PyRepr(), Str.Of(M("is_nan")), Str.Of(M("is_infinite")), Str.Of(M("is_finite")), Str.Of(M("is_snan")),
                Str.Of(M("is_qnan")), Str.Of(M("is_signed")), Repr.Of(M("as_tuple")));
        });
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void Arithmetic_and_its_errors_match_CPython()
    {
        (string Py, Func<object?> Ours)[] cases =
        {
            ("I + 1", () => D("inf").PyAdd(new PyInt(1))),
            ("1 - I", () => D("1").PySub(D("inf"))),
            ("I - I", () => D("inf").PySub(D("inf"))),
            ("I * 0", () => D("inf").PyMul(new PyInt(0))),
            ("-I * 2", () => ((PyDecimal)D("inf").PyNeg()).PyMul(new PyInt(2))),
            ("I / I", () => D("inf").PyTrueDiv(D("inf"))),
            ("3 / I", () => D("3").PyTrueDiv(D("inf"))),
            ("I / 0", () => D("inf").PyTrueDiv(new PyInt(0))),
            ("I // 2", () => PyDecimal.FloorDivOrMod(D("inf"), new PyInt(2), true)),
            ("I % 2", () => PyDecimal.FloorDivOrMod(D("inf"), new PyInt(2), false)),
            ("D(5) % I", () => PyDecimal.FloorDivOrMod(D("5"), D("inf"), false)),
            ("(-I) ** 3", () => PyDecimal.Pow(D("-inf"), new PyInt(3))),
            ("I ** -2", () => PyDecimal.Pow(D("inf"), new PyInt(-2))),
            ("N + 1", () => D("nan").PyAdd(new PyInt(1))),
            ("1 - N", () => D("1").PySub(D("nan"))),
            ("S * 2", () => D("snan").PyMul(new PyInt(2))),
            ("abs(-I)", () => D("-inf").Abs()),
            ("-N", () => D("nan").PyNeg()),
        };
        var expected = CPython.Lines("from decimal import Decimal\nI, N, S = Decimal('inf'), Decimal('nan'), Decimal('snan')\nD = Decimal\n"
            + string.Concat(cases.Select(c => $"try:\n    print(repr({c.Py}))\nexcept Exception as e:\n    print(type(e).__name__ + ': ' + str(e))\n")));
        Assert.Equal(expected, cases.Select(c => Outcome(c.Ours)));
    }

    [Fact]
    public void Compares_converts_and_hashes_as_CPython()
    {
        var expected = CPython.Lines("from decimal import Decimal\nI, N = Decimal('inf'), Decimal('nan')\n"
            + "print(I > 10**40, -I < Decimal('-1e999'), I == float('inf'), N == N, N == 1, I == I)\n"
            + "print(float(I), float(-I), float(N), hash(I), hash(-I))\n"
            + "for f in [lambda: N < 1, lambda: int(I), lambda: int(N), lambda: round(I, 2), lambda: float(Decimal('snan')), lambda: hash(Decimal('snan'))]:\n"
            + "    try:\n        print(f())\n    except Exception as e:\n        print(type(e).__name__ + ': ' + str(e))");
        var i = D("inf");
        var n = D("nan");
        Assert.Equal(expected[0], string.Join(" ", Str.Of(i.PyCompare(PyInt.FromBig(System.Numerics.BigInteger.Pow(10, 40))) > 0), Str.Of(((PyDecimal)i.PyNeg()).PyCompare(D("-1e999")) < 0),
            Str.Of(Dyn.Eq(i, double.PositiveInfinity)), Str.Of(Dyn.Eq(n, n)), Str.Of(Dyn.Eq(n, new PyInt(1))), Str.Of(Dyn.Eq(i, i))));
        Assert.Equal(expected[1], string.Join(" ", Str.Of(i.ToDouble()), Str.Of(((PyDecimal)i.PyNeg()).ToDouble()), Str.Of(n.ToDouble()), i.PyHash(), ((PyDecimal)i.PyNeg()).PyHash()));
        Func<object?>[] errors =
        {
            () => n.PyCompare(new PyInt(1)), () => ((IPyInt)i).PyInt(), () => ((IPyInt)n).PyInt(), () => i.Round(2), () => D("snan").ToDouble(), () => D("snan").PyHash(),
        };
        Assert.Equal(expected.Skip(2), errors.Select(Outcome));
    }
}
