using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>datetime.timezone</c>: a fixed UTC offset (whole seconds) with an optional name, what <c>timezone(timedelta(...))</c>,
/// <c>timezone.utc</c> and <c>strptime("%z")</c> give. Named time zones (zoneinfo) and tzinfo subclasses are not supported.
/// </summary>
public sealed class PyTimeZone : PyObject, IPyAttributes, IPyKeywordMethods, IPyHashable
{
    private const int DaySeconds = 86400;

    public PyTimeZone(int offsetSeconds, string? name = null)
    {
        OffsetSeconds = offsetSeconds;
        Name = name;
    }

    /// <summary><c>timezone.utc</c> (also <c>datetime.UTC</c>).</summary>
    public static PyTimeZone Utc { get; } = new(0);

    /// <summary><c>timezone.min</c> and <c>timezone.max</c>: ∓23:59.</summary>
    public static PyTimeZone Min { get; } = new(-(DaySeconds - 60));
    public static PyTimeZone Max { get; } = new(DaySeconds - 60);

    public int OffsetSeconds { get; }

    /// <summary>The name given to the constructor; null when none was (tzname() then spells the offset).</summary>
    public string? Name { get; }

    public override string PyTypeName => "timezone";

    /// <summary><c>timezone(offset, name=None)</c> with CPython's argument checks.</summary>
    public static PyTimeZone Create(object? offset, object? name = null)
    {
        if (offset is not PyTimeDelta td) throw new TypeError($"timezone() argument 1 must be datetime.timedelta, not {Dyn.TypeName(offset)}");
        if (name is not null and not string) throw new TypeError($"timezone() argument 2 must be str, not {Dyn.TypeName(name)}");
        if (BigInteger.Abs(td.TotalMicroseconds) >= (BigInteger)PyTimeDelta.MicrosPerDay)
            throw new ValueError($"offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {td.PyRepr()}.");
        if (td.Microseconds != 0) throw new NotSupportedException("timezone() with a sub-second offset is not supported by Batuta");
        int seconds = (int)(td.Days * DaySeconds + td.Seconds);
        return seconds == 0 && name is null ? Utc : new PyTimeZone(seconds, (string?)name);
    }

    public PyTimeDelta UtcOffset() => new(new BigInteger(OffsetSeconds) * 1_000_000);

    /// <summary>The name, else "UTC", or "UTC+05:30" / "UTC-08:00" (with ":SS" when the offset has seconds), as CPython's tzname().</summary>
    public string TzName() => Name ?? (OffsetSeconds == 0 ? "UTC" : "UTC" + Format(OffsetSeconds, ":"));

    /// <summary>±HH{sep}MM[{sep}SS]: isoformat uses ":", strftime's %z uses "".</summary>
    internal static string Format(int offset, string sep)
    {
        char sign = offset < 0 ? '-' : '+';
        int a = Math.Abs(offset);
        string s = string.Format(CultureInfo.InvariantCulture, "{0}{1:D2}{2}{3:D2}", sign, a / 3600, sep, a / 60 % 60);
        return a % 60 == 0 ? s : s + sep + (a % 60).ToString("D2", CultureInfo.InvariantCulture);
    }

    public override string PyStr() => TzName();

    public override string PyRepr() => OffsetSeconds == 0 && Name is null
        ? "datetime.timezone.utc"
        : "datetime.timezone(" + UtcOffset().PyRepr() + (Name is null ? "" : ", " + Repr.Of(Name)) + ")";

    // equal and hashed by offset alone, as CPython (the name does not count)
    public long PyHash() => UtcOffset().PyHash();
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
        "fromutc" when args.Length == 1 && args[0] is PyDateTime dt => dt.ShiftedTo(this),
        _ => throw new AttributeError($"'datetime.timezone' object has no attribute '{name}'"),
    };
}
