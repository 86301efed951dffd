namespace Batuta.Python.Runtime.Modules;

/// <summary>Module-level values of <c>datetime</c>.</summary>
public static class DateTimeModule
{
    public const int MinYear = 1;
    public const int MaxYear = 9999;
}
