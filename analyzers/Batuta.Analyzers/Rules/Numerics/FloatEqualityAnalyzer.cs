using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Numerics;

/// <summary>
/// BATQ009: <c>==</c> / <c>!=</c> on float or double. Rounding makes two computations of the same value
/// differ in the last bits, so exact comparison is a latent bug. Exact comparisons that are meaningful are
/// allowed: against 0 (configurable) and infinities, inside equality and comparison members, whose contract is
/// exactness, and in the comparer tie-break idiom <c>a != b ? a.CompareTo(b) : ...</c>.
/// Comparing with NaN is always reported: <c>x == double.NaN</c> is always false.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloatEqualityAnalyzer : DiagnosticAnalyzer
{
    public const string AllowZeroOption = "allow_zero";
    public const string TypeProperty = "Type";

    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.FloatEquality,
        "Floating-point equality comparison",
        "'{0}' compares {1} values exactly: compare the difference with a tolerance",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Floating-point arithmetic rounds, so values that are equal on paper differ in their last bits. Compare |a - b| with a named tolerance (or use double.IsNaN for NaN).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var binary = (BinaryExpressionSyntax)context.Node;
        // Cheap syntactic exits before binding anything: comparisons with null, strings, chars, booleans, and with 0 when
        // zero is allowed, are never reported.
        bool allowZero = RuleOptions.GetBool(context.Options, binary.SyntaxTree, RuleIdentifiers.FloatEquality, AllowZeroOption, defaultValue: true);
        if (IsNeverFloatLiteral(binary.Left) || IsNeverFloatLiteral(binary.Right)) return;
        if (allowZero && (IsZeroLiteral(binary.Left) || IsZeroLiteral(binary.Right))) return;
        if (IsInEqualityMember(binary) || IsComparerTieBreak(binary) || IsIntegralityTest(binary)) return;

        var model = context.SemanticModel;
        if (model.GetSymbolInfo(binary, context.CancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.BuiltinOperator } op
            || op.Parameters.Length != 2)
            return;
        var special = op.Parameters[0].Type.SpecialType;
        if (special is not (SpecialType.System_Double or SpecialType.System_Single)) return;

        var left = model.GetConstantValue(binary.Left, context.CancellationToken);
        var right = model.GetConstantValue(binary.Right, context.CancellationToken);
        if (left.HasValue && right.HasValue) return;
        if (IsExactConstant(left, allowZero) || IsExactConstant(right, allowZero)) return;

        string typeName = special == SpecialType.System_Single ? "float" : "double";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(TypeProperty, typeName);
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, binary.GetLocation(), properties, binary.ToString(), typeName));
    }

    /// <summary><c>x == Math.Floor(x)</c> (also Ceiling, Truncate, Round, MathF, <c>double.Floor</c>) asks whether x is whole: exact by design.</summary>
    private static bool IsIntegralityTest(BinaryExpressionSyntax binary)
    {
        return Rounds(binary.Left, binary.Right) || Rounds(binary.Right, binary.Left);

        static bool Rounds(ExpressionSyntax call, ExpressionSyntax value)
            => call is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Floor" or "Ceiling" or "Truncate" or "Round" },
                ArgumentList.Arguments: { Count: 1 } arguments,
            }
            && SyntaxFactory.AreEquivalent(arguments[0].Expression, value);
    }

    private static bool IsNeverFloatLiteral(ExpressionSyntax operand) => operand.Kind() is SyntaxKind.NullLiteralExpression
        or SyntaxKind.StringLiteralExpression or SyntaxKind.CharacterLiteralExpression or SyntaxKind.TrueLiteralExpression
        or SyntaxKind.FalseLiteralExpression or SyntaxKind.InterpolatedStringExpression;

    private static bool IsZeroLiteral(ExpressionSyntax operand)
        => operand is LiteralExpressionSyntax { Token.Value: int and 0 or long and 0 or double and 0 or float and 0 or uint and 0 or ulong and 0 or decimal and 0 };

    /// <summary>Zero and the infinities are represented exactly and compare exactly; NaN never compares equal.</summary>
    private static bool IsExactConstant(Optional<object?> constant, bool allowZero)
    {
        if (!constant.HasValue) return false;
        double value = constant.Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => double.NaN,
        };
        if (double.IsNaN(value)) return false;
        return double.IsInfinity(value) || (allowZero && value == 0);
    }

    /// <summary>
    /// The comparer idiom <c>a.X != b.X ? a.X.CompareTo(b.X) : tieBreak</c> needs exact equality to stay a total order.
    /// </summary>
    private static bool IsComparerTieBreak(BinaryExpressionSyntax binary)
    {
        SyntaxNode node = binary;
        while (node.Parent is ParenthesizedExpressionSyntax) node = node.Parent;
        if (node.Parent is not ConditionalExpressionSyntax conditional || conditional.Condition != node) return false;
        return CallsCompare(conditional.WhenTrue) || CallsCompare(conditional.WhenFalse);

        static bool CallsCompare(ExpressionSyntax branch) => branch.DescendantNodesAndSelf().Any(n =>
            n is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompareTo" or "Compare" } });
    }

    private static bool IsInEqualityMember(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText is "Equals" or "GetHashCode" or "CompareTo" or "Compare";
                case OperatorDeclarationSyntax op:
                    return op.OperatorToken.IsKind(SyntaxKind.EqualsEqualsToken) || op.OperatorToken.IsKind(SyntaxKind.ExclamationEqualsToken);
                case TypeDeclarationSyntax:
                    return false;
            }
        }
        return false;
    }
}
