using Microsoft.CodeAnalysis;

namespace Batuta.Analyzers.Infrastructure;

/// <summary>Builds descriptors with the help link and tags every Batuta rule shares.</summary>
internal static class Rule
{
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        bool isEnabledByDefault = true)
        => new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault,
            description,
            RuleIdentifiers.GetHelpUri(id),
            "Batuta", "Jidoka");
}
