using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Tensors;

/// <summary>
/// BATQ011: a matmul or element-wise operation whose operand shapes are both known at compile time and do not
/// fit (numpy's matmul and broadcasting rules). The library would throw at run time; the compiler can say so now.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TensorShapeMismatchAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.TensorShapeMismatch,
        "Tensor shapes do not match",
        "'{0}' cannot combine shapes {1} and {2}: {3}",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Both operand shapes are compile-time constants and violate numpy's matmul or broadcasting rules, so the operation throws at run time.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TensorSymbols.Create(start.Compilation);
            if (!symbols.HasTensors) return;
            start.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, symbols), SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(
                c => AnalyzeOperator(c, symbols),
                SyntaxKind.AddExpression, SyntaxKind.SubtractExpression, SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression);
        });
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, TensorSymbols symbols)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        string? name = (invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
        if (name is null) return;
        bool matmul = ShapeInference.MatMulNames.Contains(name);
        if (!matmul && !ShapeInference.ElementwiseNames.Contains(name)) return;
        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method || !symbols.IsTensorApi(method)) return;

        var inference = new ShapeInference(symbols, context.SemanticModel, context.CancellationToken);
        if (inference.Operands(invocation, method) is not { } operands) return;
        Check(context, inference, invocation, method.Name, operands.Left, operands.Right, matmul);
    }

    private static void AnalyzeOperator(SyntaxNodeAnalysisContext context, TensorSymbols symbols)
    {
        var binary = (BinaryExpressionSyntax)context.Node;
        // A literal operand is a scalar, which always broadcasts.
        if (binary.Left is LiteralExpressionSyntax || binary.Right is LiteralExpressionSyntax) return;
        if (context.SemanticModel.GetSymbolInfo(binary, context.CancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op
            || !symbols.IsTensor(op.ContainingType))
            return;
        var inference = new ShapeInference(symbols, context.SemanticModel, context.CancellationToken);
        Check(context, inference, binary, binary.OperatorToken.Text, binary.Left, binary.Right, matmul: false);
    }

    private static void Check(SyntaxNodeAnalysisContext context, ShapeInference inference, SyntaxNode node, string operation,
        ExpressionSyntax left, ExpressionSyntax right, bool matmul)
    {
        var a = inference.Infer(left);
        if (a is null) return;
        var b = inference.Infer(right);
        if (b is null) return;
        string? reason;
        var result = matmul ? Shape.MatMul(a, b, out reason) : Shape.Broadcast(a, b, out reason);
        if (result is not null) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, node.GetLocation(), operation, Shape.Format(a), Shape.Format(b), reason));
    }
}
