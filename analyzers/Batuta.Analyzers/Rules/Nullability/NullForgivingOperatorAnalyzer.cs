using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Nullability;

/// <summary>
/// BATQ006: the null-forgiving operator <c>x!</c>, C#'s <c>unwrap()</c>. It silences the compiler's proof that a
/// null can arrive and turns it into a NullReferenceException far from the cause. Test projects are exempt
/// (a test that dereferences null fails loudly anyway), and so are <c>null!</c> / <c>default!</c>, which
/// declare late initialisation rather than dereference anything.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NullForgivingOperatorAnalyzer : DiagnosticAnalyzer
{
    public const string AllowLiteralOption = "allow_null_literal";

    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.NullForgivingOperator,
        "Null-forgiving operator in library code",
        "'{0}!' silences a possible null: check it and throw a clear exception, or fix the annotation",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "The '!' operator tells the compiler a value cannot be null without checking. When it is wrong the failure is a NullReferenceException far from the cause. Check explicitly and throw an exception that names the value.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ProjectKind.IsTestProject(start.Compilation, start.Options)) return;
            start.RegisterSyntaxNodeAction(Analyze, SyntaxKind.SuppressNullableWarningExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var node = (PostfixUnaryExpressionSyntax)context.Node;
        if (IsNullOrDefaultLiteral(node.Operand)
            && RuleOptions.GetBool(context.Options, node.SyntaxTree, RuleIdentifiers.NullForgivingOperator, AllowLiteralOption, defaultValue: true))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, node.GetLocation(), node.Operand.ToString()));
    }

    private static bool IsNullOrDefaultLiteral(ExpressionSyntax operand)
        => operand.IsKind(SyntaxKind.NullLiteralExpression)
            || operand.IsKind(SyntaxKind.DefaultLiteralExpression)
            || operand is DefaultExpressionSyntax;
}
