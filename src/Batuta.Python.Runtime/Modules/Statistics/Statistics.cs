using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>statistics.StatisticsError (a ValueError).</summary>
public sealed class StatisticsError : ValueError
{
    public StatisticsError(string message) : base(message) { }
    public override string PyModule => "statistics";
}

/// <summary>
/// Python's <c>statistics</c> module (3.11): exact sums as CPython's (a mean of ints that divides evenly is an int,
/// <c>variance([1, 3, 5])</c> is 4), medians that keep the element, the first mode, CPython's error messages.
/// </summary>
public static class Statistics
{
    public static object? Mean<T>(IEnumerable<T> data)
    {
        var (sum, n, kind) = Sum(data, "mean requires at least one data point");
        return Convert(sum / n, kind);
    }

    public static double FMean<T>(IEnumerable<T> data)
    {
        var xs = data.Select(x => ToDouble(x)).ToList();
        if (xs.Count == 0) throw new StatisticsError("fmean requires at least one data point");
        return MathModule.Fsum(xs) / xs.Count;
    }

    public static object? Median<T>(IEnumerable<T> data)
    {
        var xs = SortedData(data, "no median for empty data");
        int n = xs.Count;
        if (n % 2 == 1) return Dyn.BoxValue(xs[n / 2]);
        return Dyn.TrueDiv(Dyn.Add(Dyn.BoxValue(xs[n / 2 - 1]), Dyn.BoxValue(xs[n / 2])), new PyInt(2));
    }

    public static T MedianLow<T>(IEnumerable<T> data)
    {
        var xs = SortedData(data, "no median for empty data");
        return xs.Count % 2 == 1 ? xs[xs.Count / 2] : xs[xs.Count / 2 - 1];
    }

    public static T MedianHigh<T>(IEnumerable<T> data)
    {
        var xs = SortedData(data, "no median for empty data");
        return xs[xs.Count / 2];
    }

    public static T Mode<T>(IEnumerable<T> data)
    {
        var modes = MultiMode(data);
        if (modes.Count == 0) throw new StatisticsError("no mode for empty data");
        return modes[0];
    }

    public static PyList<T> MultiMode<T>(IEnumerable<T> data)
    {
        var counts = new PyDict<T, long>();
        foreach (var x in data) counts[x] = counts.Get(x, 0L) + 1;
        if (counts.Count == 0) return new PyList<T>();
        long most = counts.Items().Max(kv => kv.Item2);
        return new PyList<T>(counts.Items().Where(kv => kv.Item2 == most).Select(kv => kv.Item1));
    }

    public static object? Variance<T>(IEnumerable<T> data) => Convert(Spread(data, 2, "variance requires at least two data points"));
    public static double Stdev<T>(IEnumerable<T> data) => Spread(data, 2, "stdev requires at least two data points").V.Sqrt();
    public static object? PVariance<T>(IEnumerable<T> data) => Convert(Spread(data, 1, "pvariance requires at least one data point"));
    public static double PStdev<T>(IEnumerable<T> data) => Spread(data, 1, "pstdev requires at least one data point").V.Sqrt();

    /// <summary>The exact variance: the sum of squared deviations over n - 1 (sample, minimum 2) or n (population).</summary>
    private static (ExactFraction V, NumberKind Kind) Spread<T>(IEnumerable<T> data, int minimum, string tooFew)
    {
        var xs = data.ToList();
        if (xs.Count < minimum) throw new StatisticsError(tooFew);
        var (ss, kind) = SumOfSquares(xs);
        return (ss / (minimum == 2 ? xs.Count - 1 : xs.Count), kind);
    }

    private static (ExactFraction Ss, NumberKind Kind) SumOfSquares<T>(List<T> xs)
    {
        var (sum, n, kind) = Sum(xs, "");
        var mean = sum / n;
        var ss = ExactFraction.Of(BigInteger.Zero);
        foreach (var x in xs)
        {
            var d = Exact(x) - mean;
            ss += d * d;
        }
        return (ss, kind);
    }

    private static (ExactFraction Sum, int N, NumberKind Kind) Sum<T>(IEnumerable<T> data, string empty)
    {
        var sum = ExactFraction.Of(BigInteger.Zero);
        int n = 0;
        var kind = NumberKind.Int;
        foreach (var x in data)
        {
            sum += Exact(x);
            kind = (NumberKind)Math.Max((int)kind, (int)KindOf(x));
            n++;
        }
        if (n == 0) throw new StatisticsError(empty);
        return (sum, n, kind);
    }

    private static List<T> SortedData<T>(IEnumerable<T> data, string empty)
    {
        var xs = Py.Sorted(data);
        if (xs.Count == 0) throw new StatisticsError(empty);
        return xs.ToList();
    }

    private static object? Convert((ExactFraction V, NumberKind Kind) r) => Convert(r.V, r.Kind);

    /// <summary>CPython's _convert: the data's type, except that an int result that is not whole is a float.</summary>
    private static object? Convert(ExactFraction v, NumberKind kind) => kind switch
    {
        NumberKind.Int when v.IsInteger => PyInt.FromBig(v.Num),
        NumberKind.Fraction => new PyFraction(v.Num, v.Den),
        _ => v.ToDouble(),
    };

    /// <summary>The result type of mixed data, as CPython's _coerce: ints widen to Fractions, and both to floats.</summary>
    private enum NumberKind { Int, Fraction, Float }

    private static NumberKind KindOf(object? x) => x switch
    {
        long or int or PyInt or bool => NumberKind.Int,
        PyFraction => NumberKind.Fraction,
        _ => NumberKind.Float,
    };

    private static ExactFraction Exact(object? x) => x switch
    {
        double d => ExactFraction.Of(d),
        long l => ExactFraction.Of(new BigInteger(l)),
        int i => ExactFraction.Of(new BigInteger(i)),
        bool b => ExactFraction.Of(b ? BigInteger.One : BigInteger.Zero),
        PyInt p => ExactFraction.Of(p.ToBig()),
        PyFraction f => new ExactFraction(f.Numerator, f.Denominator),
        _ => throw new TypeError($"can't convert type '{Dyn.TypeName(x)}' to numerator/denominator"),
    };

    private static double ToDouble(object? x) => x switch
    {
        double d => d,
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        PyInt p => (double)p,
        PyFraction f => f.ToDouble(),
        _ => throw new TypeError($"must be real number, not {Dyn.TypeName(x)}"),
    };
}
