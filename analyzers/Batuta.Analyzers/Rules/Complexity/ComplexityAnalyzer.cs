using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Complexity;

/// <summary>BATQ001 (cyclomatic) and BATQ002 (cognitive): per-member complexity above a configurable limit.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ComplexityAnalyzer : DiagnosticAnalyzer
{
    public const int DefaultCyclomaticLimit = 10;
    public const int DefaultCognitiveLimit = 15;
    public const string LimitOption = "maximum_complexity";

    internal static readonly DiagnosticDescriptor CyclomaticRule = Rule.Create(
        RuleIdentifiers.CyclomaticComplexity,
        "Method is too complex (cyclomatic complexity)",
        "'{0}' has a cyclomatic complexity of {1} (limit {2}): split it into smaller methods",
        RuleCategories.Maintainability,
        DiagnosticSeverity.Warning,
        "Each branch point adds a path to test. Above the limit a method needs more tests than anyone writes, so parts of it run untested.");

    internal static readonly DiagnosticDescriptor CognitiveRule = Rule.Create(
        RuleIdentifiers.CognitiveComplexity,
        "Method is hard to understand (cognitive complexity)",
        "'{0}' has a cognitive complexity of {1} (limit {2}): flatten nesting or extract methods",
        RuleCategories.Maintainability,
        DiagnosticSeverity.Warning,
        "Nested and interrupted control flow is what makes code hard to read. Above the limit, extract methods, return early or replace conditionals with data.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(CyclomaticRule, CognitiveRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            AnalyzeMember,
            SyntaxKind.MethodDeclaration,
            SyntaxKind.ConstructorDeclaration,
            SyntaxKind.DestructorDeclaration,
            SyntaxKind.OperatorDeclaration,
            SyntaxKind.ConversionOperatorDeclaration,
            SyntaxKind.GetAccessorDeclaration,
            SyntaxKind.SetAccessorDeclaration,
            SyntaxKind.InitAccessorDeclaration,
            SyntaxKind.AddAccessorDeclaration,
            SyntaxKind.RemoveAccessorDeclaration,
            SyntaxKind.PropertyDeclaration,
            SyntaxKind.IndexerDeclaration);
    }

    private static void AnalyzeMember(SyntaxNodeAnalysisContext context)
    {
        var (body, name, location) = Describe(context.Node);
        if (body is null) return;

        var tree = context.Node.SyntaxTree;
        int cyclomaticLimit = RuleOptions.GetInt(context.Options, tree, RuleIdentifiers.CyclomaticComplexity, LimitOption, DefaultCyclomaticLimit);
        int cyclomatic = CyclomaticComplexity.Compute(body);
        if (cyclomatic > cyclomaticLimit)
            context.ReportDiagnostic(Diagnostic.Create(CyclomaticRule, location, name, cyclomatic, cyclomaticLimit));

        int cognitiveLimit = RuleOptions.GetInt(context.Options, tree, RuleIdentifiers.CognitiveComplexity, LimitOption, DefaultCognitiveLimit);
        int cognitive = CognitiveComplexity.Compute(body, context.Node is MethodDeclarationSyntax m ? m.Identifier.ValueText : null);
        if (cognitive > cognitiveLimit)
            context.ReportDiagnostic(Diagnostic.Create(CognitiveRule, location, name, cognitive, cognitiveLimit));
    }

    private static (SyntaxNode? Body, string Name, Location Location) Describe(SyntaxNode node)
    {
        switch (node)
        {
            case MethodDeclarationSyntax m:
                return (Body(m.Body, m.ExpressionBody), m.Identifier.ValueText, m.Identifier.GetLocation());
            case ConstructorDeclarationSyntax c:
                return (Body(c.Body, c.ExpressionBody), c.Identifier.ValueText, c.Identifier.GetLocation());
            case DestructorDeclarationSyntax d:
                return (Body(d.Body, d.ExpressionBody), "~" + d.Identifier.ValueText, d.Identifier.GetLocation());
            case OperatorDeclarationSyntax o:
                return (Body(o.Body, o.ExpressionBody), "operator " + o.OperatorToken.Text, o.OperatorToken.GetLocation());
            case ConversionOperatorDeclarationSyntax c:
                return (Body(c.Body, c.ExpressionBody), "operator " + c.Type, c.Type.GetLocation());
            case AccessorDeclarationSyntax a when a.Parent?.Parent is BasePropertyDeclarationSyntax owner:
                return (Body(a.Body, a.ExpressionBody), OwnerName(owner) + "." + a.Keyword.ValueText, a.Keyword.GetLocation());
            case PropertyDeclarationSyntax p when p.ExpressionBody is not null:
                return (p.ExpressionBody, p.Identifier.ValueText, p.Identifier.GetLocation());
            case IndexerDeclarationSyntax i when i.ExpressionBody is not null:
                return (i.ExpressionBody, "this[]", i.ThisKeyword.GetLocation());
            default:
                return (null, "", Location.None);
        }
    }

    private static SyntaxNode? Body(BlockSyntax? block, ArrowExpressionClauseSyntax? arrow) => (SyntaxNode?)block ?? arrow;

    private static string OwnerName(BasePropertyDeclarationSyntax owner) => owner switch
    {
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        EventDeclarationSyntax e => e.Identifier.ValueText,
        _ => "this[]",
    };
}
