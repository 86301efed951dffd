namespace Batuta.Analyzers;

/// <summary>Diagnostic categories, named the way .NET's own analyzers name theirs.</summary>
public static class RuleCategories
{
    public const string Maintainability = "Maintainability";
    public const string Reliability = "Reliability";
    public const string Security = "Security";
    public const string Performance = "Performance";
    public const string Usage = "Usage";
}
