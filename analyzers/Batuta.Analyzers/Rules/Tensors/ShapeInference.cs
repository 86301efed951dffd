using System.Threading;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Batuta.Analyzers.Rules.Tensors;

/// <summary>
/// Works out a tensor expression's shape when every dimension is a compile-time constant: factories
/// (<c>Tensor.Zeros(3, 4)</c>, <c>Ones</c>, <c>Empty</c>, <c>Full</c>, <c>Eye</c>, random ones), locals that are
/// assigned once, and shape-changing operations (matmul, element-wise, transpose, reshape). Anything else is unknown.
/// </summary>
internal sealed class ShapeInference
{
    private const int MaxDepth = 8;

    private static readonly HashSet<string> AllIntFactories = new(StringComparer.Ordinal)
    {
        "Zeros", "Ones", "Empty", "Rand", "Randn", "Random", "Uniform", "Normal",
    };

    /// <summary>Calls whose result has a shape known from their constant arguments alone.</summary>
    public static bool IsFactoryName(string name) => AllIntFactories.Contains(name) || name is "Full" or "Eye";

    public static IEnumerable<string> FactoryNames => AllIntFactories.Concat(new[] { "Full", "Eye" });

    internal static readonly HashSet<string> MatMulNames = new(StringComparer.Ordinal) { "MatMul", "Matmul", "Dot" };

    internal static readonly HashSet<string> ElementwiseNames = new(StringComparer.Ordinal)
    {
        "Add", "Subtract", "Sub", "Multiply", "Mul", "Divide", "Div", "Maximum", "Minimum", "Pow",
    };

    private readonly TensorSymbols _symbols;
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;

    public ShapeInference(TensorSymbols symbols, SemanticModel model, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public int[]? Infer(ExpressionSyntax expression, int depth = 0)
    {
        if (depth > MaxDepth) return null;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax p:
                return Infer(p.Expression, depth + 1);
            case IdentifierNameSyntax identifier:
                return InferLocal(identifier, depth);
            case InvocationExpressionSyntax invocation:
                return InferInvocation(invocation, depth);
            case BinaryExpressionSyntax binary when IsArithmetic(binary):
                var left = Infer(binary.Left, depth + 1);
                var right = Infer(binary.Right, depth + 1);
                return left is not null && right is not null ? Shape.Broadcast(left, right, out _) : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "T" } transpose
                when _model.GetSymbolInfo(transpose, _cancellationToken).Symbol is IPropertySymbol property && _symbols.IsTensor(property.ContainingType):
                return Infer(transpose.Expression, depth + 1) is { } shape ? Enumerable.Reverse(shape).ToArray() : null;
            default:
                return null;
        }
    }

    /// <summary>The operands of a binary tensor call: receiver and argument, or both arguments of the static form.</summary>
    public (ExpressionSyntax Left, ExpressionSyntax Right)? Operands(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (method.ReducedFrom is null && method.IsStatic)
            return arguments.Count == 2 ? (arguments[0].Expression, arguments[1].Expression) : null;
        if (invocation.Expression is MemberAccessExpressionSyntax access && arguments.Count == 1)
            return (access.Expression, arguments[0].Expression);
        return null;
    }

    public static bool IsArithmetic(BinaryExpressionSyntax binary)
        => binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression;

    private int[]? InferLocal(IdentifierNameSyntax identifier, int depth)
    {
        if (_model.GetSymbolInfo(identifier, _cancellationToken).Symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length != 1) return null;
        if (local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator) return null;
        if (declarator.SyntaxTree != identifier.SyntaxTree || IsReassigned(local, declarator)) return null;
        return Infer(value, depth + 1);
    }

    /// <summary>A local written again (assignment, ++, ref/out) no longer has its initializer's shape.</summary>
    private bool IsReassigned(ILocalSymbol local, VariableDeclaratorSyntax declarator)
    {
        var scope = EnclosingFunction.Body(EnclosingFunction.Find(declarator)) ?? declarator.Parent;
        if (scope is null) return true;
        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name) continue;
            bool written = identifier.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == identifier,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                _ => false,
            };
            if (written && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(identifier, _cancellationToken).Symbol, local)) return true;
        }
        return false;
    }

    private int[]? InferInvocation(InvocationExpressionSyntax invocation, int depth)
    {
        string? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            IdentifierNameSyntax i => i.Identifier.ValueText,
            GenericNameSyntax g => g.Identifier.ValueText,
            _ => null,
        };
        if (name is null) return null;
        bool known = AllIntFactories.Contains(name) || MatMulNames.Contains(name) || ElementwiseNames.Contains(name)
            || name is "Full" or "Eye" or "Transpose" or "Reshape";
        if (!known) return null;
        if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol method || !_symbols.IsTensorApi(method)) return null;

        if (MatMulNames.Contains(name) || ElementwiseNames.Contains(name))
        {
            if (Operands(invocation, method) is not { } operands) return null;
            var left = Infer(operands.Left, depth + 1);
            var right = Infer(operands.Right, depth + 1);
            if (left is null || right is null) return null;
            return MatMulNames.Contains(name) ? Shape.MatMul(left, right, out _) : Shape.Broadcast(left, right, out _);
        }

        if (_model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation operation) return null;
        switch (name)
        {
            case "Transpose" when operation.Instance is { Syntax: ExpressionSyntax receiver } && operation.Arguments.Length == 0:
                return Infer(receiver, depth + 1) is { } shape ? Enumerable.Reverse(shape).ToArray() : null;
            case "Reshape" when operation.Instance is { Syntax: ExpressionSyntax receiver }:
                var from = Infer(receiver, depth + 1);
                var to = ConstantInts(operation.Arguments);
                return from is not null && to is not null ? Shape.Reshape(from, to, out _) : null;
            case "Eye" when operation.Instance is null:
                var n = ConstantInts(operation.Arguments);
                return n switch { { Length: 1 } => new[] { n[0], n[0] }, { Length: 2 } => n, _ => null };
            case "Full" when operation.Instance is null:
                return ConstantInts(operation.Arguments.Where(a => a.Parameter?.Name is "shape" or "dims" or "dimensions"));
            default:
                return operation.Instance is null && AllIntFactories.Contains(name) ? ConstantInts(operation.Arguments) : null;
        }
    }

    /// <summary>All arguments as int constants (params arrays, array creations and collection expressions unpacked), or null.</summary>
    private static int[]? ConstantInts(IEnumerable<IArgumentOperation> arguments)
    {
        var dims = new List<int>();
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
            if (!AddConstants(argument.Value, dims)) return null;
        }
        return dims.Count == 0 ? null : dims.ToArray();
    }

    private static bool AddConstants(IOperation value, List<int> dims)
    {
        while (value is IConversionOperation conversion && value.ConstantValue.HasValue is false) value = conversion.Operand;
        if (value.ConstantValue is { HasValue: true, Value: int dim })
        {
            dims.Add(dim);
            return true;
        }
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.All(e => AddConstants(e, dims));
            case ICollectionExpressionOperation collection:
                return collection.Elements.All(e => AddConstants(e, dims));
            default:
                return false;
        }
    }
}
