using System.Collections.Concurrent;
using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Batuta.Analyzers.Rules.Tensors;

/// <summary>
/// BATQ012: the <c>[Kernel]</c> restrictions that the kernel generator (BATUTA-O-1xx) does not check, so the two
/// never report the same thing. The generator owns everything about one kernel's signature and body
/// (static partial, parameter types, constructs it cannot vectorise). This rule owns what needs a view across
/// kernels or program state: recursion between kernels, and kernels that touch mutable static state.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KernelRestrictionAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.KernelRestriction,
        "Kernel breaks a restriction of data-parallel code",
        "Kernel '{0}' {1}",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "A [Kernel] method runs for every element at once, on SIMD lanes and on GPU threads. It cannot recurse (GPUs have no call stack to speak of) and it cannot share mutable static state (data race, and device code cannot see managed statics).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = TensorSymbols.Create(start.Compilation).KernelAttribute;
            if (attribute is null) return;
            start.RegisterSymbolStartAction(symbolStart => AnalyzeType(symbolStart, attribute), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolStartAnalysisContext context, INamedTypeSymbol attribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        bool IsKernel(IMethodSymbol method)
            => method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
        if (!type.GetMembers().OfType<IMethodSymbol>().Any(IsKernel)) return;

        var calls = new ConcurrentQueue<(IMethodSymbol Caller, IMethodSymbol Callee, Location Location)>();
        context.RegisterOperationAction(c =>
        {
            var invocation = (IInvocationOperation)c.Operation;
            if (c.ContainingSymbol is IMethodSymbol caller && IsKernel(caller) && IsKernel(invocation.TargetMethod.OriginalDefinition))
                calls.Enqueue((caller, invocation.TargetMethod.OriginalDefinition, invocation.Syntax.GetLocation()));
        }, OperationKind.Invocation);

        context.RegisterOperationAction(c =>
        {
            var reference = (IFieldReferenceOperation)c.Operation;
            var field = reference.Field;
            if (!field.IsStatic || field.IsConst || field.IsReadOnly) return;
            if (c.ContainingSymbol is not IMethodSymbol kernel || !IsKernel(kernel)) return;
            c.ReportDiagnostic(Diagnostic.Create(Descriptor, reference.Syntax.GetLocation(), kernel.Name,
                "uses mutable static field '" + field.Name + "': kernels run in parallel, and device code cannot see managed statics"));
        }, OperationKind.FieldReference);

        context.RegisterSymbolEndAction(end =>
        {
            var graph = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var (caller, callee, _) in calls)
            {
                if (!graph.TryGetValue(caller, out var list)) graph[caller] = list = new List<IMethodSymbol>();
                list.Add(callee);
            }
            foreach (var (caller, callee, location) in calls)
            {
                var path = PathBetween(graph, callee, caller);
                if (path is null) continue;
                string cycle = string.Join(" -> ", new[] { caller }.Concat(path).Select(m => m.Name));
                end.ReportDiagnostic(Diagnostic.Create(Descriptor, location, caller.Name,
                    "is recursive (" + cycle + "): GPU kernels and vectorised loops cannot recurse"));
            }
        });
    }

    /// <summary>Breadth-first path from one kernel to another in the kernel call graph, both ends included.</summary>
    private static List<IMethodSymbol>? PathBetween(Dictionary<IMethodSymbol, List<IMethodSymbol>> graph, IMethodSymbol from, IMethodSymbol to)
    {
        var previous = new Dictionary<IMethodSymbol, IMethodSymbol?>(SymbolEqualityComparer.Default) { [from] = null };
        var queue = new Queue<IMethodSymbol>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (SymbolEqualityComparer.Default.Equals(current, to))
            {
                var path = new List<IMethodSymbol>();
                for (IMethodSymbol? m = current; m is not null; m = previous[m]) path.Add(m);
                path.Reverse();
                return path;
            }
            if (!graph.TryGetValue(current, out var next)) continue;
            foreach (var n in next)
            {
                if (previous.ContainsKey(n)) continue;
                previous[n] = current;
                queue.Enqueue(n);
            }
        }
        return null;
    }
}
