using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Batuta.Analyzers.Rules.Complexity;

/// <summary>
/// McCabe's cyclomatic complexity counted on syntax: 1 plus one for every branch point. Lambdas and
/// local functions count toward the member that contains them, because they are read as part of it.
/// </summary>
internal static class CyclomaticComplexity
{
    public static int Compute(SyntaxNode body)
    {
        int complexity = 1;
        foreach (var node in body.DescendantNodes()) complexity += Increment(node);
        return complexity;
    }

    /// <summary>What one node adds; the cognitive walker calls this too, so a member is walked once for both metrics.</summary>
    public static int Increment(SyntaxNode node)
        => node.Kind() switch
            {
                SyntaxKind.IfStatement => 1,
                SyntaxKind.ConditionalExpression => 1,
                SyntaxKind.WhileStatement => 1,
                SyntaxKind.DoStatement => 1,
                SyntaxKind.ForStatement => 1,
                SyntaxKind.ForEachStatement => 1,
                SyntaxKind.ForEachVariableStatement => 1,
                SyntaxKind.CaseSwitchLabel => 1,
                SyntaxKind.CasePatternSwitchLabel => 1,
                SyntaxKind.SwitchExpressionArm => ((SwitchExpressionArmSyntax)node).Pattern is DiscardPatternSyntax ? 0 : 1,
                SyntaxKind.CatchClause => 1,
                SyntaxKind.LogicalAndExpression => 1,
                SyntaxKind.LogicalOrExpression => 1,
                SyntaxKind.CoalesceExpression => 1,
                SyntaxKind.CoalesceAssignmentExpression => 1,
                SyntaxKind.ConditionalAccessExpression => 1,
                SyntaxKind.AndPattern => 1,
                SyntaxKind.OrPattern => 1,
                SyntaxKind.GotoCaseStatement => 1,
                _ => 0,
            };
}
