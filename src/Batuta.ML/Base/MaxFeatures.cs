using System.Globalization;

namespace Batuta.ML;

/// <summary>
/// scikit-learn's <c>max_features</c>: "sqrt", "log2", an int (a count), a float (a fraction of the
/// features) or None (all features; use a null <c>MaxFeatures?</c>).
/// </summary>
public readonly struct MaxFeatures : IEquatable<MaxFeatures>
{
    private MaxFeatures(string? name, double value, bool isCount)
    {
        Name = name;
        Value = value;
        IsCount = isCount;
    }

    /// <summary>"sqrt", "log2" or "auto"; null for a number.</summary>
    public string? Name { get; }

    public double Value { get; }

    public bool IsCount { get; }

    public static MaxFeatures Sqrt => new("sqrt", 0, false);

    public static MaxFeatures Log2 => new("log2", 0, false);

    public static implicit operator MaxFeatures(string name) =>
        name is "sqrt" or "log2" or "auto" ? new(name, 0, false) : throw new ArgumentException($"max_features must be 'sqrt', 'log2', an int, a float or None; got '{name}'.", nameof(name));

    public static implicit operator MaxFeatures(int count) => new(null, count, true);

    public static implicit operator MaxFeatures(double fraction) => new(null, fraction, false);

    /// <summary>Resolves to a feature count as BaseDecisionTree.fit does.</summary>
    internal static int Resolve(MaxFeatures? mf, int nFeatures, bool classification, string estimator)
    {
        if (mf is not MaxFeatures m) return nFeatures;
        int result;
        switch (m.Name)
        {
            case "sqrt":
                result = Math.Max(1, (int)Math.Sqrt(nFeatures));
                break;
            case "log2":
                result = Math.Max(1, (int)Math.Log2(nFeatures));
                break;
            case "auto":
                MLWarnings.Warn(WarningCategory.User, "`max_features='auto'` has been deprecated in 1.1 and will be removed in 1.3. To keep the past behaviour, explicitly set `max_features='sqrt'` (classifiers) or `max_features=1.0` (regressors).");
                result = classification ? Math.Max(1, (int)Math.Sqrt(nFeatures)) : nFeatures;
                break;
            default:
                if (m.IsCount)
                {
                    if (m.Value < 1) throw new InvalidParameterException(estimator, "max_features", "an int in the range [1, inf), a float in the range (0.0, 1.0], a str among {'auto', 'log2', 'sqrt'} or None", (int)m.Value);
                    result = (int)m.Value;
                }
                else
                {
                    if (!(m.Value > 0 && m.Value <= 1)) throw new InvalidParameterException(estimator, "max_features", "an int in the range [1, inf), a float in the range (0.0, 1.0], a str among {'auto', 'log2', 'sqrt'} or None", m.Value);
                    result = Math.Max(1, (int)(m.Value * nFeatures));
                }
                break;
        }
        if (result > nFeatures) throw new InputValidationException($"max_features must be in (0, n_features]; got {result} for {nFeatures} features.", "max_features");
        return result;
    }

    public bool Equals(MaxFeatures other) => Name == other.Name && Value.Equals(other.Value) && IsCount == other.IsCount;

    public override bool Equals(object? obj) => obj is MaxFeatures m && Equals(m);

    public override int GetHashCode() => HashCode.Combine(Name, Value, IsCount);

    public static bool operator ==(MaxFeatures a, MaxFeatures b) => a.Equals(b);

    public static bool operator !=(MaxFeatures a, MaxFeatures b) => !a.Equals(b);

    public override string ToString() => Name ?? (IsCount ? ((long)Value).ToString(CultureInfo.InvariantCulture) : PyRepr.Float(Value));
}
