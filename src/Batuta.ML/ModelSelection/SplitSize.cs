using System.Globalization;

namespace Batuta.ML;

/// <summary>
/// A <c>test_size</c>/<c>train_size</c> as scikit-learn takes it: an int is a number of samples, a float a
/// fraction in (0, 1). C# keeps the distinction through the literal's type: <c>testSize: 0.25</c> or <c>testSize: 100</c>.
/// </summary>
public readonly struct SplitSize : IEquatable<SplitSize>
{
    private SplitSize(double value, bool isCount)
    {
        Value = value;
        IsCount = isCount;
    }

    public double Value { get; }

    public bool IsCount { get; }

    public static implicit operator SplitSize(int count) => new(count, true);

    public static implicit operator SplitSize(double fraction) => new(fraction, false);

    public static SplitSize FromCount(int count) => count;

    public static SplitSize FromFraction(double fraction) => fraction;

    public bool Equals(SplitSize other) => Value.Equals(other.Value) && IsCount == other.IsCount;

    public override bool Equals(object? obj) => obj is SplitSize s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(Value, IsCount);

    public static bool operator ==(SplitSize a, SplitSize b) => a.Equals(b);

    public static bool operator !=(SplitSize a, SplitSize b) => !a.Equals(b);

    public override string ToString() => IsCount ? ((long)Value).ToString(CultureInfo.InvariantCulture) : PyRepr.Float(Value);
}
