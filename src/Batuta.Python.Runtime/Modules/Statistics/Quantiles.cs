namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// statistics.quantiles, geometric_mean and harmonic_mean, computed as CPython 3.11's Lib/statistics.py computes them
/// (the same integer index arithmetic and the same order of float operations, so the same last digits).
/// </summary>
public static class StatisticsMeans
{
    public static PyList<double> Quantiles<T>(IEnumerable<T> data, long n = 4, string method = "exclusive")
    {
        if (n < 1) throw new StatisticsError("n must be at least 1");
        var xs = Py.Sorted(data).Select(x => Dyn.BoxValue(x)).ToList();
        long ld = xs.Count;
        if (ld < 2) throw new StatisticsError("must have at least two data points");
        return method switch
        {
            "inclusive" => Inclusive(xs, n),
            "exclusive" => Exclusive(xs, n),
            _ => throw new ValueError($"Unknown method: {Repr.Of(method)}"),
        };
    }

    /// <summary>quantiles() of a dynamic value (a list whose element type is not known statically).</summary>
    public static PyList<double> Quantiles(object? data, long n = 4, string method = "exclusive") => Quantiles(Dyn.Iter(data), n, method);

    public static double GeometricMean(object? data) => GeometricMean(Dyn.Iter(data));

    public static object HarmonicMean(object? data) => HarmonicMean(Dyn.Iter(data));

    private static PyList<double> Inclusive(List<object?> data, long n)
    {
        long m = data.Count - 1;
        var result = new PyList<double>();
        for (long i = 1; i < n; i++)
        {
            long j = i * m / n, delta = i * m % n;
            result.Append(Interpolate(data[(int)j], data[(int)j + 1], n, delta));
        }
        return result;
    }

    private static PyList<double> Exclusive(List<object?> data, long n)
    {
        long ld = data.Count, m = ld + 1;
        var result = new PyList<double>();
        for (long i = 1; i < n; i++)
        {
            long j = Math.Clamp(i * m / n, 1, ld - 1);
            long delta = i * m - j * n;
            result.Append(Interpolate(data[(int)j - 1], data[(int)j], n, delta));
        }
        return result;
    }

    /// <summary>(lo * (n - delta) + hi * delta) / n with Python's operators (ints stay exact until the true division).</summary>
    private static double Interpolate(object? lo, object? hi, long n, long delta) =>
        Dyn.Cast<double>(Dyn.TrueDiv(Dyn.Add(Dyn.Mul(lo, new PyInt(n - delta)), Dyn.Mul(hi, new PyInt(delta))), new PyInt(n)));

    /// <summary>exp(fmean(map(log, data))), any failure reported as CPython reports it.</summary>
    public static double GeometricMean<T>(IEnumerable<T> data)
    {
        var logs = new List<double>();
        foreach (var x in data)
        {
            double v = Dyn.Cast<double>(Dyn.BoxValue(x));
            if (!(v > 0)) throw GeometricError();
            logs.Add(Math.Log(v));
        }
        if (logs.Count == 0) throw GeometricError();
        return Math.Exp(MathModule.Fsum(logs) / logs.Count);
    }

    private static StatisticsError GeometricError() => new("geometric mean requires a non-empty dataset containing positive numbers");

    /// <summary>
    /// harmonic_mean(data) without weights: n divided by the exact sum of the float reciprocals, rounded once (a float);
    /// the int 0 when a value is 0, as CPython.
    /// </summary>
    public static object HarmonicMean<T>(IEnumerable<T> data)
    {
        var xs = data.Select(x => Dyn.Cast<double>(Dyn.BoxValue(x))).ToList();
        if (xs.Count == 0) throw new StatisticsError("harmonic_mean requires at least one data point");
        if (xs.Any(x => x < 0)) throw new StatisticsError("harmonic mean does not support negative values");
        if (xs.Any(x => x == 0)) return new PyInt(0);
        var total = ExactFraction.Of(0.0);
        foreach (var x in xs) total += ExactFraction.Of(1.0 / x);
        if (total.Num.Sign <= 0) throw new StatisticsError("Weighted sum must be positive");
        return new ExactFraction(total.Den * xs.Count, total.Num).ToDouble();
    }
}
