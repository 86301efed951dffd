using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Infrastructure;

/// <summary>
/// Reads rule options. Per-file keys come from <c>.editorconfig</c> (<c>batuta.BATQ001.maximum_complexity = 12</c>);
/// project-wide facts come from MSBuild through <c>build_property.*</c> in the global analyzer config.
/// </summary>
internal static class RuleOptions
{
    public static string Key(string ruleId, string option) => "batuta." + ruleId + "." + option;

    public static int GetInt(AnalyzerOptions options, SyntaxTree tree, string ruleId, string option, int defaultValue)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return config.TryGetValue(Key(ruleId, option), out var text)
            && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value > 0
            ? value
            : defaultValue;
    }

    public static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string ruleId, string option, bool defaultValue)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (!config.TryGetValue(Key(ruleId, option), out var text)) return defaultValue;
        return text.Trim().ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => defaultValue,
        };
    }

    public static string? GetString(AnalyzerOptions options, SyntaxTree tree, string ruleId, string option)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return config.TryGetValue(Key(ruleId, option), out var text) ? text.Trim() : null;
    }

    public static string? BuildProperty(AnalyzerOptions options, string name)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + name, out var value)
            ? value.Trim()
            : null;

    public static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
