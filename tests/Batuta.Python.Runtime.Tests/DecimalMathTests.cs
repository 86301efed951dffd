using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

// DecimalContext.Current is process-wide: the classes that set its precision run one at a time
/// <summary>Decimal's sqrt, exp, ln, log10 and max/min/compare/fma digit for digit against CPython at several precisions.</summary>
[Collection("decimal context")]
public sealed class DecimalMathTests
{
    private static readonly string[] Positives =
    {
        "2", "3", "0.5", "10", "1e-7", "123456.789", "0.999", "1.0001", "7E+3", "42", "0.1", "99999999", "1.00", "0.0004", "2.718281828459045",
    };

    private static readonly string[] Exponents = { "1", "-1.5", "0.001", "-7", "5.5", "20", "-0.25", "1e-30", "-1e-30" };

    private static readonly int[] Precisions = { 3, 9, 28, 60 };

    private static string[] Oracle(string body, string[] values) =>
        CPython.Lines("from decimal import Decimal, getcontext\nfor p in [" + string.Join(", ", Precisions) + "]:\n  getcontext().prec = p\n  for s in ["
            + string.Join(", ", values.Select(v => "'" + v + "'")) + "]:\n    d = Decimal(s)\n    " + body);

    private static string[] Ours(Func<PyDecimal, string> line, string[] values)
    {
        var lines = new List<string>();
        try
        {
            foreach (var p in Precisions)
            {
                DecimalContext.Current.SetAttr("prec", new PyInt(p));
                lines.AddRange(values.Select(v => line(PyDecimal.Create(v))));
            }
        }
        finally
        {
            DecimalContext.Current.SetAttr("prec", new PyInt(28));
        }
        return lines.ToArray();
    }

    [Fact]
    public void Sqrt_ln_and_log10_match_cpython()
    {
        var expected = Oracle("print(d.sqrt(), d.ln(), d.log10())", Positives);
        var actual = Ours(d => $"{d.Sqrt().PyStr()} {d.Ln().PyStr()} {d.Log10().PyStr()}", Positives);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Exp_matches_cpython()
    {
        var expected = Oracle("print(d.exp())", Exponents);
        var actual = Ours(d => d.Exp().PyStr(), Exponents);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Comparisons_and_fma_match_cpython()
    {
        string[] pairs = { "1.0 1", "-0 0", "2 3", "-2.50 -2.5", "7 -7.5" };
        var expected = CPython.Lines("from decimal import Decimal\nfor s in " + "['" + string.Join("', '", pairs) + "']:\n  a, b = map(Decimal, s.split())\n"
            + "  print(a.max(b), a.min(b), b.max(a), b.min(a), a.compare(b), a.copy_sign(b), a.fma(b, a))");
        var actual = pairs.Select(s => s.Split(' ')).Select(x => Row(PyDecimal.Create(x[0]), PyDecimal.Create(x[1]))).ToArray();
        Assert.Equal(expected, actual);
    }

    private static string Row(PyDecimal a, PyDecimal b)
    {
        string Call(PyDecimal x, string name, params object?[] args) => Assert.IsType<PyDecimal>(x.CallMethod(name, args, new PyDict<string, object?>())).PyStr();
        return string.Join(" ", Call(a, "max", b), Call(a, "min", b), Call(b, "max", a), Call(b, "min", a), a.Compare(b).PyStr(), a.CopySign(b).PyStr(), Call(a, "fma", b, a));
    }

    [Fact]
    public void Sqrt_and_ln_of_negatives_raise_invalid_operation()
    {
        Assert.Throws<InvalidOperation>(() => PyDecimal.Create("-4").Sqrt());
        Assert.Throws<InvalidOperation>(() => PyDecimal.Create("-1").Ln());
        Assert.Equal("-0", PyDecimal.Create("-0").Sqrt().PyStr());
    }
}
