namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The machine's local time zone, as CPython reads it through C's localtime/mktime: the offset at an instant or at a
/// wall-clock time, whether daylight saving time is in effect, and the zone's name (tm_zone).
/// </summary>
internal static class LocalZone
{
    // the seconds since the epoch that System.DateTime can hold (years 1..9999)
    private const long MinSeconds = -62_135_596_800L, MaxSeconds = 253_402_300_799L;

    private static DateTime At(long seconds, DateTimeKind kind) =>
        DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(Math.Clamp(seconds, MinSeconds, MaxSeconds)), kind);

    /// <summary>Seconds east of UTC at the instant <paramref name="utcSeconds"/> after the epoch.</summary>
    public static int OffsetAtUtc(long utcSeconds) => (int)TimeZoneInfo.Local.GetUtcOffset(At(utcSeconds, DateTimeKind.Utc)).TotalSeconds;

    /// <summary>Seconds east of UTC of a local wall-clock time, given as seconds after 1970-01-01 00:00 on the local clock.</summary>
    public static int OffsetAtWall(long wallSeconds) => (int)TimeZoneInfo.Local.GetUtcOffset(At(wallSeconds, DateTimeKind.Unspecified)).TotalSeconds;

    public static bool IsDst(long utcSeconds) => TimeZoneInfo.Local.IsDaylightSavingTime(At(utcSeconds, DateTimeKind.Utc));

    /// <summary>
    /// tm_zone: "UTC" for a zone that is UTC all year (what CPython prints with TZ unset or UTC); otherwise .NET's name
    /// for the zone, which is the abbreviation (CET) only where the platform gives one.
    /// </summary>
    public static string Name(bool dst)
    {
        var zone = TimeZoneInfo.Local;
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime) return "UTC";
        return dst ? zone.DaylightName : zone.StandardName;
    }

    /// <summary>The local zone at an instant as a fixed-offset timezone, what <c>astimezone()</c> without an argument attaches.</summary>
    public static PyTimeZone ZoneAt(long utcSeconds)
    {
        bool dst = IsDst(utcSeconds);
        return new PyTimeZone(OffsetAtUtc(utcSeconds), Name(dst));
    }
}
