namespace Batuta.ML.Validation;

/// <summary>scikit-learn 1.2's parameter constraints, with its error messages.</summary>
internal static class Params
{
    public static void Positive(string est, string name, double v, bool allowZero = false)
    {
        if (double.IsNaN(v) || v < 0 || (!allowZero && v == 0))
            throw new InvalidParameterException(est, name, allowZero ? "a float in the range [0, inf)" : "a float in the range (0, inf]", v);
    }

    public static void Range(string est, string name, double v, double lo, double hi, bool loClosed = true, bool hiClosed = true)
    {
        bool ok = !double.IsNaN(v) && (loClosed ? v >= lo : v > lo) && (hiClosed ? v <= hi : v < hi);
        if (!ok) throw new InvalidParameterException(est, name, $"a float in the range {(loClosed ? "[" : "(")}{PyRepr.Float(lo)}, {(double.IsPositiveInfinity(hi) ? "inf" : PyRepr.Float(hi))}{(hiClosed ? "]" : ")")}", v);
    }

    public static void AtLeast(string est, string name, long v, long min)
    {
        if (v < min) throw new InvalidParameterException(est, name, $"an int in the range [{min}, inf)", v);
    }

    public static void OneOf(string est, string name, string? v, params string?[] options)
    {
        if (!options.Contains(v))
            throw new InvalidParameterException(est, name, "a str among {" + string.Join(", ", options.Where(o => o is not null).Order(StringComparer.Ordinal).Select(o => "'" + o + "'")) + "}" + (options.Contains(null) ? " or None" : ""), v);
    }
}
