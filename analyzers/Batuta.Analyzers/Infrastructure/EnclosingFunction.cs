using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Batuta.Analyzers.Infrastructure;

/// <summary>The innermost method, accessor, local function or lambda around a node, found on syntax alone.</summary>
internal static class EnclosingFunction
{
    public static SyntaxNode? Find(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax }:
                case GlobalStatementSyntax:
                    return current;
                case TypeDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    public static bool IsAsync(SyntaxNode? function) => function switch
    {
        AnonymousFunctionExpressionSyntax f => f.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax f => f.Modifiers.Any(SyntaxKind.AsyncKeyword),
        BaseMethodDeclarationSyntax m => m.Modifiers.Any(SyntaxKind.AsyncKeyword),
        // Top-level statements are async as soon as they contain an await.
        GlobalStatementSyntax g => g.Parent is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>()
            .Any(s => s.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax).Any(n => n is AwaitExpressionSyntax)),
        _ => false,
    };

    /// <summary>The body to search for other uses of a local: the function's body, or the member for expression-bodied ones.</summary>
    public static SyntaxNode? Body(SyntaxNode? function) => function switch
    {
        AnonymousFunctionExpressionSyntax f => f.Body,
        LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
        BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
        AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
        GlobalStatementSyntax g => g.Parent,
        _ => function,
    };
}
