using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Batuta.Analyzers.Rules.Async;

/// <summary>
/// BATQ004 / BATQ005: blocking on a task with <c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>,
/// <c>Task.WaitAll</c> or <c>Task.WaitAny</c>. In an async function this is a defect with an obvious fix (await);
/// in sync code it may be a deliberate bridge, so it gets its own ID and a milder default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the blocking form, read by the code fix.</summary>
    public const string FormProperty = "Form";
    public const string ResultForm = "Result";
    public const string WaitForm = "Wait";
    public const string GetResultForm = "GetResult";
    public const string WaitAllForm = "WaitAll";

    internal static readonly DiagnosticDescriptor AsyncRule = Rule.Create(
        RuleIdentifiers.BlockingCallInAsyncCode,
        "Blocking on a task inside async code",
        "'{0}' blocks the thread inside an async function: use 'await' instead",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Blocking inside an async function holds a thread-pool thread, can deadlock under a synchronization context, and wraps exceptions in AggregateException. Await the task.");

    internal static readonly DiagnosticDescriptor SyncRule = Rule.Create(
        RuleIdentifiers.BlockingCallInSyncCode,
        "Blocking on a task in synchronous code",
        "'{0}' blocks the thread on a task: make the caller async, or isolate this sync-over-async bridge",
        RuleCategories.Reliability,
        DiagnosticSeverity.Info,
        "Sync-over-async starves the thread pool and deadlocks under a synchronization context. Prefer async all the way; if a bridge is unavoidable keep it in one place and suppress this rule there.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AsyncRule, SyncRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = TaskTypes.Create(start.Compilation);
            if (types is null) return;
            start.RegisterSyntaxNodeAction(c => Analyze(c, types), SyntaxKind.SimpleMemberAccessExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, TaskTypes types)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        string name = access.Name.Identifier.ValueText;
        SyntaxNode reported;
        string form;
        switch (name)
        {
            case "Result" when access.Parent is not InvocationExpressionSyntax invoked || invoked.Expression != access:
                if (!types.IsGenericTask(context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type)) return;
                if (AwaitedEarlier(access)) return;
                reported = access;
                form = ResultForm;
                break;
            case "Wait" when access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access:
                if (!types.IsTask(context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type)) return;
                reported = invocation;
                form = WaitForm;
                break;
            case "GetResult" when access.Parent is InvocationExpressionSyntax invocation
                && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter }:
                if (!types.IsTask(context.SemanticModel.GetTypeInfo(SkipConfigureAwait(getAwaiter.Expression), context.CancellationToken).Type)) return;
                reported = invocation;
                form = GetResultForm;
                break;
            case "WaitAll" or "WaitAny" when access.Parent is InvocationExpressionSyntax invocation:
                if (context.SemanticModel.GetSymbolInfo(access, context.CancellationToken).Symbol is not IMethodSymbol { IsStatic: true } method
                    || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Task)) return;
                reported = invocation;
                form = WaitAllForm;
                break;
            default:
                return;
        }

        bool inAsync = EnclosingFunction.IsAsync(EnclosingFunction.Find(access));
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FormProperty, form);
        context.ReportDiagnostic(Diagnostic.Create(inAsync ? AsyncRule : SyncRule, reported.GetLocation(), properties, Display(reported)));
    }

    /// <summary><c>t.ConfigureAwait(false).GetAwaiter().GetResult()</c> blocks just the same.</summary>
    internal static ExpressionSyntax SkipConfigureAwait(ExpressionSyntax expression)
        => expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure }
            ? configure.Expression
            : expression;

    private static string Display(SyntaxNode node)
    {
        string text = node.ToString();
        return text.Length <= 60 ? text : "..." + text.Substring(text.Length - 57);
    }

    /// <summary>
    /// <c>await t; ... t.Result</c> and <c>await Task.WhenAll(a, b); ... a.Result</c> read a finished task; they do not block.
    /// </summary>
    private static bool AwaitedEarlier(MemberAccessExpressionSyntax access)
    {
        if (access.Expression is not IdentifierNameSyntax receiver) return false;
        var body = EnclosingFunction.Body(EnclosingFunction.Find(access));
        if (body is null) return false;
        string name = receiver.Identifier.ValueText;
        foreach (var await in body.DescendantNodes().OfType<AwaitExpressionSyntax>())
        {
            if (await.SpanStart >= access.SpanStart) break;
            if (await.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == name))
                return true;
        }
        return false;
    }

    private sealed class TaskTypes
    {
        public required INamedTypeSymbol Task { get; init; }
        public required INamedTypeSymbol GenericTask { get; init; }
        public INamedTypeSymbol? ValueTask { get; init; }
        public INamedTypeSymbol? GenericValueTask { get; init; }

        public static TaskTypes? Create(Compilation compilation)
        {
            var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            var generic = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            if (task is null || generic is null) return null;
            return new TaskTypes
            {
                Task = task,
                GenericTask = generic,
                ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask"),
                GenericValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1"),
            };
        }

        public bool IsGenericTask(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            {
                var definition = t.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, GenericTask) || SymbolEqualityComparer.Default.Equals(definition, GenericValueTask))
                    return true;
            }
            return false;
        }

        public bool IsTask(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            {
                var definition = t.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, Task)
                    || SymbolEqualityComparer.Default.Equals(definition, GenericTask)
                    || SymbolEqualityComparer.Default.Equals(definition, ValueTask)
                    || SymbolEqualityComparer.Default.Equals(definition, GenericValueTask))
                    return true;
            }
            return false;
        }
    }
}
