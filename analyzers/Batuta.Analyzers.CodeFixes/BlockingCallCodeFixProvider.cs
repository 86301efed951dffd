using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Batuta.Analyzers.Rules.Async;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Batuta.Analyzers.CodeFixes;

/// <summary>
/// BATQ004: inside an async function, <c>t.Result</c>, <c>t.Wait()</c> and <c>t.GetAwaiter().GetResult()</c>
/// become <c>await t</c>, and a <c>Task.WaitAll(tasks)</c> statement becomes <c>await Task.WhenAll(tasks)</c>. Forms with a
/// different meaning (<c>Wait(timeout)</c>, <c>WaitAll</c> with a timeout or token, <c>WaitAny</c>) get no automatic fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallCodeFixProvider)), Shared]
public sealed class BlockingCallCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingCallInAsyncCode);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            // await is not allowed inside lock statements.
            if (node.FirstAncestorOrSelf<LockStatementSyntax>() is not null) continue;
            string? form = diagnostic.Properties.TryGetValue(BlockingCallAnalyzer.FormProperty, out var f) ? f : null;
            if (form == BlockingCallAnalyzer.WaitAllForm)
            {
                await RegisterWhenAllAsync(context, diagnostic, node).ConfigureAwait(false);
                continue;
            }
            var task = TaskOf(node, form);
            if (task is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Use 'await'", ct => FixAsync(context.Document, node, task, ct), equivalenceKey: nameof(BlockingCallCodeFixProvider)),
                diagnostic);
        }
    }

    /// <summary><c>Task.WaitAll(a, b);</c> as a statement, with tasks only (no timeout or token): <c>await Task.WhenAll(a, b);</c>.</summary>
    private static async Task RegisterWhenAllAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax { Parent: ExpressionStatementSyntax, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAll" } access } invocation)
            return;
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model?.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method) return;
        if (method.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Int32 || p.Type.Name is "TimeSpan" or "CancellationToken")) return;
        context.RegisterCodeFix(
            CodeAction.Create("Use 'await Task.WhenAll'", async ct =>
            {
                var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                if (root is null) return context.Document;
                var whenAll = invocation.WithExpression(access.WithName(IdentifierName("WhenAll")));
                var replacement = AwaitExpression(whenAll.WithoutTrivia()).WithTriviaFrom(invocation);
                return context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
            }, equivalenceKey: nameof(BlockingCallCodeFixProvider) + ".WhenAll"),
            diagnostic);
    }

    /// <summary>The awaited expression for each blocking form, or null when there is no equivalent await.</summary>
    private static ExpressionSyntax? TaskOf(SyntaxNode node, string? form) => form switch
    {
        BlockingCallAnalyzer.ResultForm when node is MemberAccessExpressionSyntax access => access.Expression,
        BlockingCallAnalyzer.WaitForm when node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax access } => access.Expression,
        BlockingCallAnalyzer.GetResultForm when node is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } }
        } => getAwaiter.Expression,
        _ => null,
    };

    private static async Task<Document> FixAsync(Document document, SyntaxNode node, ExpressionSyntax task, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        ExpressionSyntax awaited = AwaitExpression(task.WithoutTrivia());
        // Parentheses keep `(await t).Length` right; the simplifier drops them where they are not needed.
        var replacement = ParenthesizedExpression(awaited).WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }
}
