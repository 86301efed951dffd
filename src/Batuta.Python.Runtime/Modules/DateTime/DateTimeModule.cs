using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>Module-level values of <c>datetime</c>, and the class attributes of its types (date.min, timedelta.max...).</summary>
public static class DateTimeModule
{
    public const int MinYear = 1;
    public const int MaxYear = 9999;

    public static PyDate DateMin { get; } = new(MinYear, 1, 1, validate: false);
    public static PyDate DateMax { get; } = new(MaxYear, 12, 31, validate: false);
    public static PyDateTime DateTimeMin { get; } = new(MinYear, 1, 1, 0, 0, 0, 0, validate: false);
    public static PyDateTime DateTimeMax { get; } = new(MaxYear, 12, 31, 23, 59, 59, 999_999, validate: false);
    public static PyTime TimeMin { get; } = new(0, 0, 0, 0, validate: false);
    public static PyTime TimeMax { get; } = new(23, 59, 59, 999_999, validate: false);
    public static PyTimeDelta TimeDeltaMin { get; } = new(-999_999_999 * (BigInteger)PyTimeDelta.MicrosPerDay);
    public static PyTimeDelta TimeDeltaMax { get; } = new(1_000_000_000 * (BigInteger)PyTimeDelta.MicrosPerDay - 1);

    /// <summary>date.resolution: one day; datetime, time and timedelta resolve to the microsecond.</summary>
    public static PyTimeDelta DayResolution { get; } = new(PyTimeDelta.MicrosPerDay);
    public static PyTimeDelta Resolution { get; } = new(BigInteger.One);
}
