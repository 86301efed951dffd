using System.Collections.Immutable;
using System.Threading;
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
/// <remarks>
/// Constant shapes only come from a factory call with a literal dimension (<c>Tensor.Zeros(3, 4)</c>) in the same
/// member, since fields and parameters have unknown shapes. So the rule scans a file's text for factory names, then
/// looks only inside members that make such a call, and binds nothing elsewhere. This keeps it cheap on
/// arithmetic-heavy code such as the tensor library itself.
/// </remarks>
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
            start.RegisterSemanticModelAction(c => AnalyzeModel(c, symbols));
        });
    }

    private static void AnalyzeModel(SemanticModelAnalysisContext context, TensorSymbols symbols)
    {
        var tree = context.SemanticModel.SyntaxTree;
        var text = tree.GetText(context.CancellationToken).ToString();
        if (!ShapeInference.FactoryNames.Any(name => text.IndexOf(name, StringComparison.Ordinal) >= 0)) return;

        var inference = new ShapeInference(symbols, context.SemanticModel, context.CancellationToken);
        var root = tree.GetRoot(context.CancellationToken);
        foreach (var member in Members(root))
        {
            if (!member.DescendantNodes().Any(IsLiteralFactoryCall)) continue;
            foreach (var node in member.DescendantNodes())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        AnalyzeInvocation(context, inference, symbols, invocation);
                        break;
                    case BinaryExpressionSyntax binary when ShapeInference.IsArithmetic(binary):
                        AnalyzeOperator(context, inference, symbols, binary);
                        break;
                }
            }
        }
    }

    /// <summary>Members (and top-level statements, as one unit), without entering any body.</summary>
    private static IEnumerable<SyntaxNode> Members(SyntaxNode root)
    {
        var members = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .Where(n => n is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not BaseTypeDeclarationSyntax and not GlobalStatementSyntax and not DelegateDeclarationSyntax);
        return root is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax)
            ? members.Append(unit)
            : members;
    }

    private static void AnalyzeInvocation(SemanticModelAnalysisContext context, ShapeInference inference, TensorSymbols symbols, InvocationExpressionSyntax invocation)
    {
        string? name = (invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
        if (name is null) return;
        bool matmul = ShapeInference.MatMulNames.Contains(name);
        if (!matmul && !ShapeInference.ElementwiseNames.Contains(name)) return;
        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method || !symbols.IsTensorApi(method)) return;
        if (inference.Operands(invocation, method) is not { } operands) return;
        Check(context, inference, invocation, method.Name, operands.Left, operands.Right, matmul);
    }

    private static void AnalyzeOperator(SemanticModelAnalysisContext context, ShapeInference inference, TensorSymbols symbols, BinaryExpressionSyntax binary)
    {
        // A literal operand is a scalar, which always broadcasts.
        if (binary.Left is LiteralExpressionSyntax || binary.Right is LiteralExpressionSyntax) return;
        if (context.SemanticModel.GetSymbolInfo(binary, context.CancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op
            || !symbols.IsTensor(op.ContainingType))
            return;
        Check(context, inference, binary, binary.OperatorToken.Text, binary.Left, binary.Right, matmul: false);
    }

    private static void Check(SemanticModelAnalysisContext context, ShapeInference inference, SyntaxNode node, string operation,
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

    /// <summary>A factory call with at least one literal dimension: the only source of a constant shape.</summary>
    private static bool IsLiteralFactoryCall(SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax invocation) return false;
        string? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax { Name: SimpleNameSyntax n } => n.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => null,
        };
        return name is not null && ShapeInference.IsFactoryName(name)
            && invocation.ArgumentList.Arguments.Any(a => a.Expression.DescendantNodesAndSelf().Any(e => e.IsKind(SyntaxKind.NumericLiteralExpression)));
    }
}
