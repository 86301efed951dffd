using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Batuta.Analyzers.Rules.Complexity;

/// <summary>
/// Cognitive complexity as specified by G. Ann Campbell (SonarSource, 2017): +1 for each break in the
/// linear flow, plus the current nesting depth for the structures that nest. <c>else if</c> and
/// <c>else</c> add one without nesting; each run of like logical operators adds one; a direct
/// recursive call adds one. Lambdas and local functions raise the nesting of their bodies.
/// </summary>
internal sealed class CognitiveComplexity : CSharpSyntaxWalker
{
    private readonly string? _memberName;
    private int _nesting;

    private CognitiveComplexity(string? memberName) => _memberName = memberName;

    public int Value { get; private set; }

    /// <summary>Cyclomatic complexity of the same walk (starts at 1).</summary>
    public int Cyclomatic { get; private set; } = 1;

    public static int Compute(SyntaxNode body, string? memberName) => Measure(body, memberName).Cognitive;

    /// <summary>Both metrics in one walk of the body.</summary>
    public static (int Cyclomatic, int Cognitive) Measure(SyntaxNode body, string? memberName)
    {
        var walker = new CognitiveComplexity(memberName);
        walker.Visit(body);
        return (walker.Cyclomatic, walker.Value);
    }

    public override void Visit(SyntaxNode? node)
    {
        if (node is null) return;
        Cyclomatic += CyclomaticComplexity.Increment(node);
        base.Visit(node);
    }

    public override void VisitIfStatement(IfStatementSyntax node)
    {
        // An `if` that is the body of an `else` was already counted as `else if`, without nesting.
        bool isElseIf = node.Parent is ElseClauseSyntax;
        Value += isElseIf ? 1 : 1 + _nesting;
        Visit(node.Condition);
        Nested(node.Statement);
        if (node.Else is { } elseClause)
        {
            if (elseClause.Statement is IfStatementSyntax elseIf)
            {
                Visit(elseIf);
            }
            else
            {
                Value += 1;
                Nested(elseClause.Statement);
            }
        }
    }

    public override void VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        Value += 1 + _nesting;
        Visit(node.Condition);
        Nested(node.WhenTrue);
        Nested(node.WhenFalse);
    }

    public override void VisitSwitchStatement(SwitchStatementSyntax node)
    {
        Value += 1 + _nesting;
        Visit(node.Expression);
        _nesting++;
        foreach (var section in node.Sections) Visit(section);
        _nesting--;
    }

    public override void VisitSwitchExpression(SwitchExpressionSyntax node)
    {
        Value += 1 + _nesting;
        Visit(node.GoverningExpression);
        _nesting++;
        foreach (var arm in node.Arms) Visit(arm);
        _nesting--;
    }

    public override void VisitForStatement(ForStatementSyntax node) => Loop(node, node.Statement);

    public override void VisitForEachStatement(ForEachStatementSyntax node) => Loop(node, node.Statement);

    public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node) => Loop(node, node.Statement);

    public override void VisitWhileStatement(WhileStatementSyntax node) => Loop(node, node.Statement);

    public override void VisitDoStatement(DoStatementSyntax node) => Loop(node, node.Statement);

    public override void VisitCatchClause(CatchClauseSyntax node)
    {
        Value += 1 + _nesting;
        _nesting++;
        foreach (var child in node.ChildNodes()) Visit(child);
        _nesting--;
    }

    public override void VisitGotoStatement(GotoStatementSyntax node)
    {
        Value += 1;
        base.VisitGotoStatement(node);
    }

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => Nested(node.Body);

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => Nested(node.Body);

    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => Nested(node.Body);

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        Nested(node.Body);
        Nested(node.ExpressionBody);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (IsLogical(node) && !IsLogical(SkipWrappers(node.Parent)))
        {
            // The top of a chain of && and ||: one for the first run, one more for each change of operator.
            var operators = new List<SyntaxKind>();
            CollectOperators(node, operators);
            int runs = 0;
            for (int i = 0; i < operators.Count; i++)
                if (i == 0 || operators[i] != operators[i - 1]) runs++;
            Value += runs;
        }
        base.VisitBinaryExpression(node);
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (_memberName is not null && node.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == _memberName)
            Value += 1;
        base.VisitInvocationExpression(node);
    }

    private void Loop(SyntaxNode node, StatementSyntax body)
    {
        Value += 1 + _nesting;
        foreach (var child in node.ChildNodes())
            if (child != body) Visit(child);
        Nested(body);
    }

    private void Nested(SyntaxNode? node)
    {
        if (node is null) return;
        _nesting++;
        Visit(node);
        _nesting--;
    }

    private static bool IsLogical(SyntaxNode? node)
        => node is BinaryExpressionSyntax b && (b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression));

    private static SyntaxNode? SkipWrappers(SyntaxNode? node)
    {
        while (node is ParenthesizedExpressionSyntax || node.IsKind(SyntaxKind.LogicalNotExpression))
            node = node!.Parent;
        return node;
    }

    private static void CollectOperators(ExpressionSyntax expression, List<SyntaxKind> operators)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                CollectOperators(p.Expression, operators);
                break;
            case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression):
                CollectOperators(u.Operand, operators);
                break;
            case BinaryExpressionSyntax b when IsLogical(b):
                CollectOperators(b.Left, operators);
                operators.Add(b.Kind());
                CollectOperators(b.Right, operators);
                break;
        }
    }
}
