using System.Threading;
using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Resources;

/// <summary>
/// BATQ010: a Batuta tensor or an ILGPU device buffer that is created and then neither disposed, put in a
/// <c>using</c>, nor handed on (returned, passed, stored). Their memory comes from pools and device heaps,
/// which the garbage collector does not see, so a leak shows up as an out-of-memory far from its cause.
/// A created resource whose value is thrown away (an expression statement) is reported too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndisposedResourceAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.UndisposedResource,
        "Tensor or device buffer is not disposed",
        "{0} is never disposed: declare it with 'using', dispose it, or hand it on",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Tensors and GPU buffers hold pooled or device memory the garbage collector does not track. Dispose them deterministically with 'using', or return or store them so their owner disposes them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TensorSymbols.Create(start.Compilation);
            if (!symbols.HasTensors && symbols.MemoryBuffer is null) return;
            start.RegisterSyntaxNodeAction(c => AnalyzeDeclaration(c, symbols), SyntaxKind.LocalDeclarationStatement);
            start.RegisterSyntaxNodeAction(c => AnalyzeDiscard(c, symbols), SyntaxKind.ExpressionStatement);
        });
    }

    private static void AnalyzeDeclaration(SyntaxNodeAnalysisContext context, TensorSymbols symbols)
    {
        var statement = (LocalDeclarationStatementSyntax)context.Node;
        if (statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)) return;
        // int, double[], (a, b) and the like need no binding.
        if (!statement.Declaration.Type.IsVar && !MayNameResource(statement.Declaration.Type)) return;
        foreach (var declarator in statement.Declaration.Variables)
        {
            if (declarator.Initializer is not { } initializer || !IsCreation(initializer.Value)) continue;
            if (context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is not ILocalSymbol local) continue;
            if (!symbols.IsOwnedResource(local.Type)) continue;
            var scope = EnclosingFunction.Body(EnclosingFunction.Find(statement)) ?? statement.Parent;
            if (scope is null || IsHandled(local, scope, context.SemanticModel, context.CancellationToken)) continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, declarator.Identifier.GetLocation(), "'" + local.Name + "'"));
        }
    }

    private static void AnalyzeDiscard(SyntaxNodeAnalysisContext context, TensorSymbols symbols)
    {
        var statement = (ExpressionStatementSyntax)context.Node;
        var expression = Unwrap(statement.Expression);
        if (!IsCreation(expression)) return;
        if (expression is InvocationExpressionSyntax invocation && IsInPlaceName(invocation)) return;
        var type = context.SemanticModel.GetTypeInfo(expression, context.CancellationToken).Type;
        if (!symbols.IsOwnedResource(type)) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, statement.Expression.GetLocation(), "The result of '" + Short(expression) + "'"));
    }

    /// <summary>Built-in, array, pointer and tuple types are never a tensor or a buffer; named types (and aliases) may be.</summary>
    private static bool MayNameResource(TypeSyntax type)
    {
        if (type is NullableTypeSyntax nullable) type = nullable.ElementType;
        return type is not (PredefinedTypeSyntax or ArrayTypeSyntax or PointerTypeSyntax or TupleTypeSyntax or FunctionPointerTypeSyntax);
    }

    /// <summary>Calls and <c>new</c> create; reading a variable, field or property does not transfer ownership.</summary>
    private static bool IsCreation(ExpressionSyntax expression)
        => Unwrap(expression) is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax;

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p: expression = p.Expression; break;
                case AwaitExpressionSyntax a: expression = a.Expression; break;
                case CastExpressionSyntax c: expression = c.Expression; break;
                default: return expression;
            }
        }
    }

    /// <summary>numpy and PyTorch style in-place operations return their receiver: <c>t.AddInPlace(x)</c>, <c>t.add_(x)</c>.</summary>
    private static bool IsInPlaceName(InvocationExpressionSyntax invocation)
    {
        string? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
            _ => null,
        };
        return name is not null && (name.EndsWith("InPlace", StringComparison.Ordinal) || name.EndsWith("_", StringComparison.Ordinal));
    }

    /// <summary>
    /// Disposed (<c>x.Dispose()</c>, <c>x?.Dispose()</c>, <c>using (x)</c>) or handed on: any use other than
    /// reading through it (<c>x.Shape</c>, <c>x.Add(y)</c>, <c>x[i]</c>, <c>x + y</c>) counts as a transfer of
    /// ownership, so the rule stays quiet whenever someone else may dispose it.
    /// </summary>
    private static bool IsHandled(ILocalSymbol local, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name) continue;
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local)) continue;

            switch (identifier.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == identifier:
                    if (access.Name.Identifier.ValueText is "Dispose" or "DisposeAsync") return true;
                    continue;
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == identifier:
                    if (conditional.WhenNotNull is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Dispose" or "DisposeAsync" } })
                        return true;
                    continue;
                case ElementAccessExpressionSyntax element when element.Expression == identifier:
                case BinaryExpressionSyntax:
                case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                case IsPatternExpressionSyntax:
                    continue;
                default:
                    return true;
            }
        }
        return false;
    }

    private static string Short(SyntaxNode node)
    {
        string text = node.ToString();
        return text.Length <= 50 ? text : text.Substring(0, 47) + "...";
    }
}
