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
        // One tree action that finds the members itself, descending only through namespaces and types, is much cheaper
        // than node actions: those make the driver test every node of every body against this analyzer's kinds.
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        var limits = (
            Cyclomatic: RuleOptions.GetInt(context.Options, context.Tree, RuleIdentifiers.CyclomaticComplexity, LimitOption, DefaultCyclomaticLimit),
            Cognitive: RuleOptions.GetInt(context.Options, context.Tree, RuleIdentifiers.CognitiveComplexity, LimitOption, DefaultCognitiveLimit));
        foreach (var member in Members(root))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            AnalyzeMember(context, member, limits);
        }
    }

    /// <summary>Methods, constructors, operators, accessors and expression-bodied properties, without entering any body.</summary>
    private static IEnumerable<SyntaxNode> Members(SyntaxNode root)
        => root.DescendantNodes(descendIntoChildren: n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax
                or BasePropertyDeclarationSyntax or AccessorListSyntax)
            .Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax);

    private static void AnalyzeMember(SyntaxTreeAnalysisContext context, SyntaxNode member, (int Cyclomatic, int Cognitive) limits)
    {
        var (body, name, location) = Describe(member);
        if (body is null) return;

        var (cyclomatic, cognitive) = CognitiveComplexity.Measure(body, member is MethodDeclarationSyntax m ? m.Identifier.ValueText : null);
        if (cyclomatic > limits.Cyclomatic)
            context.ReportDiagnostic(Diagnostic.Create(CyclomaticRule, location, name, cyclomatic, limits.Cyclomatic));
        if (cognitive > limits.Cognitive)
            context.ReportDiagnostic(Diagnostic.Create(CognitiveRule, location, name, cognitive, limits.Cognitive));
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
