using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>datetime.timezone</c>: a fixed UTC offset (whole seconds), what <c>strptime("%z")</c> attaches to a datetime.
/// Named time zones (zoneinfo) are not supported.
/// </summary>
public sealed class PyTimeZone : PyObject, IPyAttributes, IPyKeywordMethods, IPyHashable
{
    public PyTimeZone(int offsetSeconds) => OffsetSeconds = offsetSeconds;

    public int OffsetSeconds { get; }

    public override string PyTypeName => "timezone";

    public PyTimeDelta UtcOffset() => new(new BigInteger(OffsetSeconds) * 1_000_000);

    /// <summary>"UTC", or "UTC+05:30" / "UTC-08:00" (with ":SS" when the offset has seconds), as CPython's tzname().</summary>
    public string TzName() => OffsetSeconds == 0 ? "UTC" : "UTC" + Format(OffsetSeconds, ":");

    /// <summary>±HH{sep}MM[{sep}SS]: isoformat uses ":", strftime's %z uses "".</summary>
    internal static string Format(int offset, string sep)
    {
        char sign = offset < 0 ? '-' : '+';
        int a = Math.Abs(offset);
        string s = string.Format(CultureInfo.InvariantCulture, "{0}{1:D2}{2}{3:D2}", sign, a / 3600, sep, a / 60 % 60);
        return a % 60 == 0 ? s : s + sep + (a % 60).ToString("D2", CultureInfo.InvariantCulture);
    }

    public override string PyStr() => TzName();

    public override string PyRepr() => OffsetSeconds == 0 ? "datetime.timezone.utc" : $"datetime.timezone({UtcOffset().PyRepr()})";

    public long PyHash() => OffsetSeconds;
    public override bool Equals(object? obj) => obj is PyTimeZone o && o.OffsetSeconds == OffsetSeconds;
    public override int GetHashCode() => OffsetSeconds;

    public bool TryGetAttr(string name, out object? value)
    {
        value = null;
        return false;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "utcoffset" => UtcOffset(),
        "tzname" => TzName(),
        "dst" => null,
        _ => throw new AttributeError($"'datetime.timezone' object has no attribute '{name}'"),
    };
}
