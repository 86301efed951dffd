namespace Batuta.Analyzers;

/// <summary>
/// Every Batuta quality-gate rule ID, in one place. IDs are never reused or renumbered: presets,
/// <c>.editorconfig</c> files and suppressions in user code refer to them.
/// </summary>
public static class RuleIdentifiers
{
    public const string CyclomaticComplexity = "BATQ001";
    public const string CognitiveComplexity = "BATQ002";
    public const string TechnicalDebtComment = "BATQ003";
    public const string BlockingCallInAsyncCode = "BATQ004";
    public const string BlockingCallInSyncCode = "BATQ005";
    public const string NullForgivingOperator = "BATQ006";
    public const string UnsafeModelFormat = "BATQ007";
    public const string SovereignNetworkCall = "BATQ008";
    public const string FloatEquality = "BATQ009";
    public const string UndisposedResource = "BATQ010";
    public const string TensorShapeMismatch = "BATQ011";
    public const string KernelRestriction = "BATQ012";

    /// <summary>Where the rule pages live; one constant so that a move of the repository is one edit.</summary>
    public const string HelpLinkBase = "https://github.com/batuta/batuta/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
}
