using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Batuta.Analyzers.CodeFixes;

/// <summary>
/// BATQ006: <c>x!</c> becomes <c>(x ?? throw new ...)</c>: an explicit null check that fails where the null is,
/// with <c>ArgumentNullException(nameof(x))</c> for parameters and <c>InvalidOperationException</c> naming the
/// expression otherwise. Offered for reference types and type parameters; a nullable value type's <c>!</c> keeps
/// its type, so <c>??</c> would change it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullForgivingCodeFixProvider)), Shared]
public sealed class NullForgivingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.NullForgivingOperator);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not PostfixUnaryExpressionSyntax suppression
                || !suppression.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                continue;
            var type = model.GetTypeInfo(suppression.Operand, context.CancellationToken).Type;
            if (type is null || type.IsValueType) continue;
            bool isParameter = model.GetSymbolInfo(suppression.Operand, context.CancellationToken).Symbol is IParameterSymbol;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Check for null and throw",
                    ct => FixAsync(context.Document, suppression, isParameter, ct),
                    equivalenceKey: nameof(NullForgivingCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, PostfixUnaryExpressionSyntax suppression, bool isParameter, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var operand = suppression.Operand.WithoutTrivia();
        var exceptionType = ParseTypeName(isParameter ? "global::System.ArgumentNullException" : "global::System.InvalidOperationException")
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var argument = isParameter
            ? ParseExpression("nameof(" + operand + ")")
            : LiteralExpression(SyntaxKind.StringLiteralExpression, Literal("'" + operand + "' was null."));
        var thrown = ObjectCreationExpression(exceptionType.WithLeadingTrivia(Space), ArgumentList(SingletonSeparatedList(Argument(argument))), null);
        var check = BinaryExpression(SyntaxKind.CoalesceExpression, operand, ThrowExpression(thrown));
        var replacement = ParenthesizedExpression(check).WithTriviaFrom(suppression).WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(suppression, replacement));
    }
}
