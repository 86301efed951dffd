using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Batuta.Analyzers.Rules.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Batuta.Analyzers.CodeFixes;

/// <summary>
/// BATQ009: <c>a == b</c> becomes <c>Math.Abs(a - b) &lt; Tolerance</c> (<c>&gt;=</c> for <c>!=</c>), with a named
/// constant added to the type when it has none: 1e-9 for double, 1e-6f for float (about 8 ulps at 1.0).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FloatEqualityCodeFixProvider)), Shared]
public sealed class FloatEqualityCodeFixProvider : CodeFixProvider
{
    public const string DoubleToleranceName = "Tolerance";
    public const string FloatToleranceName = "FloatTolerance";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.FloatEquality);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BinaryExpressionSyntax binary) continue;
            if (binary.FirstAncestorOrSelf<TypeDeclarationSyntax>() is null or InterfaceDeclarationSyntax) continue;
            bool isFloat = diagnostic.Properties.TryGetValue(FloatEqualityAnalyzer.TypeProperty, out var type) && type == "float";
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Compare with a tolerance",
                    ct => FixAsync(context.Document, binary, isFloat, ct),
                    equivalenceKey: nameof(FloatEqualityCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, BinaryExpressionSyntax binary, bool isFloat, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        string toleranceName = isFloat ? FloatToleranceName : DoubleToleranceName;

        var difference = BinaryExpression(SyntaxKind.SubtractExpression,
            Parenthesize(binary.Left.WithoutTrivia()), Parenthesize(binary.Right.WithoutTrivia()));
        var abs = InvocationExpression(
                ParseExpression("global::System.Math.Abs").WithAdditionalAnnotations(Simplifier.Annotation),
                ArgumentList(SingletonSeparatedList(Argument(difference))));
        var comparison = BinaryExpression(
                binary.IsKind(SyntaxKind.EqualsExpression) ? SyntaxKind.LessThanExpression : SyntaxKind.GreaterThanOrEqualExpression,
                abs, IdentifierName(toleranceName))
            .WithTriviaFrom(binary)
            .WithAdditionalAnnotations(Formatter.Annotation);

        var type = binary.FirstAncestorOrSelf<TypeDeclarationSyntax>().OrThrow();
        var newType = type.ReplaceNode(binary, Parenthesize(comparison));
        if (!type.Members.Any(m => DeclaresName(m, toleranceName)))
        {
            // Keep the document's own line ending for the blank line after the constant.
            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (newLine == default) newLine = CarriageReturnLineFeed;
            var constant = ParseMemberDeclaration(isFloat
                    ? "private const float " + FloatToleranceName + " = 1e-6f;"
                    : "private const double " + DoubleToleranceName + " = 1e-9;").OrThrow()
                .WithTrailingTrivia(newLine, newLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            newType = newType.WithMembers(newType.Members.Insert(0, constant));
        }
        return document.WithSyntaxRoot(root.ReplaceNode(type, newType));
    }

    private static bool DeclaresName(MemberDeclarationSyntax member, string name) => member switch
    {
        FieldDeclarationSyntax f => f.Declaration.Variables.Any(v => v.Identifier.ValueText == name),
        PropertyDeclarationSyntax p => p.Identifier.ValueText == name,
        _ => false,
    };

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
}
