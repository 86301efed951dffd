using System.Collections.Concurrent;
using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Tensors;

/// <summary>
/// BATQ012: the <c>[Kernel]</c> restriction that the kernel generator does not check, so the two never report the
/// same thing. The generator (BATUTA-O-1xx) owns everything inside a kernel: its signature, its containing type, and
/// every construct of its body, recursion and static fields included. What it cannot see is how ordinary code
/// uses a kernel: a kernel called once per element inside a loop runs its scalar path, element by element, and never
/// reaches the SIMD and GPU code generated for it. This rule reports such calls.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KernelRestrictionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.KernelRestriction,
        "Kernel called element by element",
        "Kernel '{0}' is called once per element inside a loop, which runs its scalar path: call its generated span or Tensor overload on the whole data instead",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        "A [Kernel] method is compiled into SIMD loops, a GPU kernel and a dispatch that picks between them. Those run only through the generated span and Tensor overloads; calling the scalar method in a loop gives none of it.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = TensorSymbols.Create(start.Compilation).KernelAttribute;
            if (attribute is null) return;
            var kernels = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            bool IsKernel(IMethodSymbol method) => kernels.GetOrAdd(method.OriginalDefinition,
                m => m.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)));
            start.RegisterSyntaxNodeAction(c => Analyze(c, IsKernel), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, Func<IMethodSymbol, bool> isKernel)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        // Syntax first: only calls that sit in a loop of the same function, with scalar-looking arguments.
        if (invocation.ArgumentList.Arguments.Count == 0 || !InLoop(invocation)) return;
        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method || !isKernel(method)) return;
        // The generated overloads take spans or tensors; a call with such arguments is already the whole-data form.
        if (method.Parameters.Any(p => p.Type is not { SpecialType: SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64 }))
            return;
        // Kernels may call kernels: the generator inlines them into its vector code.
        if (context.ContainingSymbol is IMethodSymbol caller && isKernel(caller)) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.GetLocation(), method.Name));
    }

    private static bool InLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ForStatementSyntax f when f.Statement.Span.Contains(node.Span):
                case ForEachStatementSyntax fe when fe.Statement.Span.Contains(node.Span):
                case WhileStatementSyntax w when w.Statement.Span.Contains(node.Span):
                case DoStatementSyntax d when d.Statement.Span.Contains(node.Span):
                    return true;
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }
        return false;
    }
}
