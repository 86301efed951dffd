using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

// DecimalContext.Current is process-wide: the classes that set its precision run one at a time
/// <summary>Decimal ** against CPython: non-integral exponents (exact and rounded results), special bases and exponents, at several precisions.</summary>
[Collection("decimal context")]
public sealed class DecimalPowerTests
{
    private static readonly string[] Pairs =
    {
        "2 0.5", "4 0.5", "0.25 -1.5", "100 0.5", "1.0 0.5", "3 1.5", "10 -0.5", "1e10 0.1", "1.05 12.5", "0.5 2.5", "7 0.333",
        "8 0.3333333333333333333333333333", "2 2.0", "-2 3", "2 -2", "0 -1", "0 0.5", "Infinity -0.5", "2 Infinity", "0.5 Infinity", "1.00 3",
        "1.5 -2", "123.456 0.75", "0.0001 0.25", "9 -0.5",
    };

    private static readonly int[] Precisions = { 5, 10, 28, 40 };

    [Fact]
    public void Powers_match_cpython_at_several_precisions()
    {
        var expected = CPython.Lines("from decimal import Decimal, getcontext\nfor p in [" + string.Join(", ", Precisions) + "]:\n  getcontext().prec = p\n  for s in ['"
            + string.Join("', '", Pairs) + "']:\n    a, b = map(Decimal, s.split())\n    print(a ** b)");
        var actual = new List<string>();
        try
        {
            foreach (var p in Precisions)
            {
                DecimalContext.Current.SetAttr("prec", new PyInt(p));
                actual.AddRange(Pairs.Select(s => s.Split(' ')).Select(x => Str.Of(PyDecimal.Pow(PyDecimal.Create(x[0]), PyDecimal.Create(x[1])))));
            }
        }
        finally
        {
            DecimalContext.Current.SetAttr("prec", new PyInt(28));
        }
        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public void Invalid_powers_raise_as_cpython()
    {
        Assert.Throws<InvalidOperation>(() => PyDecimal.Pow(PyDecimal.Create("0"), PyDecimal.Create("0")));
        Assert.Throws<InvalidOperation>(() => PyDecimal.Pow(PyDecimal.Create("-8"), PyDecimal.Create("0.5")));
        Assert.Throws<InvalidOperation>(() => PyDecimal.Pow(PyDecimal.Create("-Infinity"), PyDecimal.Create("0.5")));
        var overflow = Assert.Throws<DecimalOverflow>(() => PyDecimal.Pow(PyDecimal.Create("2"), PyDecimal.Create("100000000")));
        Assert.Equal("[<class 'decimal.Overflow'>]", overflow.Message);
    }
}
