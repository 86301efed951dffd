using System.Collections.Immutable;
using Batuta.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Batuta.Analyzers.Rules.Security;

/// <summary>
/// BATQ007: pickle-based model files (<c>.pkl</c>, <c>.pt</c>, <c>.bin</c>, ...). Unpickling runs code chosen by
/// whoever wrote the file, and safetensors/GGUF carry the same weights as plain data. The rule reports path
/// literals that name such a file and calls to known unpickling loaders.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsafeModelFormatAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Extensions that are pickle archives whatever the file is called.</summary>
    private static readonly string[] PickleExtensions = { ".pkl", ".pickle", ".pt", ".pth", ".ckpt", ".joblib" };

    /// <summary>Known unpickling entry points: metadata name of the type, then method names.</summary>
    private static readonly (string Type, string[] Methods)[] Loaders =
    {
        ("Razorvine.Pickle.Unpickler", new[] { "load", "loads" }),
        ("TorchSharp.PyBridge.PyBridgeModuleExtensions", new[] { "load_py" }),
        ("TorchSharp.PyBridge.PyTorchUnpickler", new[] { "UnpickleStateDict" }),
    };

    internal static readonly DiagnosticDescriptor Descriptor = Rule.Create(
        RuleIdentifiers.UnsafeModelFormat,
        "Pickle-based model format",
        "{0} is pickle-based and runs arbitrary code when loaded: use safetensors (.safetensors) or GGUF (.gguf)",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "PyTorch .pt/.pth/.bin checkpoints and .pkl/.joblib files are Python pickles: loading one executes code chosen by its author. safetensors and GGUF hold the same tensors as plain data and load faster.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInterpolation, SyntaxKind.InterpolatedStringExpression);
        context.RegisterCompilationStartAction(start =>
        {
            var loaders = new Dictionary<INamedTypeSymbol, string[]>(SymbolEqualityComparer.Default);
            foreach (var (typeName, methods) in Loaders)
                if (start.Compilation.GetTypeByMetadataName(typeName) is { } type)
                    loaders[type] = methods;
            if (loaders.Count == 0) return;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, loaders), OperationKind.Invocation);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        if (IsPicklePath(literal.Token.ValueText))
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, literal.GetLocation(), "'" + literal.Token.ValueText + "'"));
    }

    private static void AnalyzeInterpolation(SyntaxNodeAnalysisContext context)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
        // Only the tail decides the extension: $"{dir}/model.pt".
        if (interpolated.Contents.LastOrDefault() is InterpolatedStringTextSyntax tail && IsPicklePath(tail.TextToken.ValueText, allowBareName: interpolated.Contents.Count > 1))
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, interpolated.GetLocation(), "'" + tail.TextToken.ValueText.TrimStart('/', '\\') + "'"));
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, string[]> loaders)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (loaders.TryGetValue(method.ContainingType.OriginalDefinition, out var names) && names.Contains(method.Name, StringComparer.Ordinal))
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.Syntax.GetLocation(), "'" + method.ContainingType.Name + "." + method.Name + "'"));
    }

    /// <summary>
    /// A path whose file name ends in a pickle extension. A bare extension (".pkl") or a glob ("*.pt") is a
    /// constant about formats, not a file being loaded. <c>.bin</c> is pickle only for PyTorch weights, so
    /// it counts when the name says so (<c>pytorch_model.bin</c>, <c>weights.bin</c>).
    /// </summary>
    internal static bool IsPicklePath(string text, bool allowBareName = false)
    {
        // Runs on every string literal: no allocation, and out at the first test for the common case.
        int dot = text.LastIndexOf('.');
        if (dot < 0 || text.Length - dot > 8) return false;
        int nameStart = Math.Max(text.LastIndexOf('/'), text.LastIndexOf('\\')) + 1;
        // No dot, or the last dot belongs to a folder or host ("https://api.example.com/").
        if (dot < nameStart) return false;
        int stemLength = dot - nameStart;
        // In $"{name}.pt" the stem is the interpolation.
        if (stemLength == 0 && !allowBareName) return false;
        if (text.IndexOfAny(NotInFileNames, nameStart, stemLength) >= 0) return false;
        foreach (var candidate in PickleExtensions)
            if (EndsWith(text, dot, candidate)) return true;
        if (EndsWith(text, dot, ".bin"))
        {
            foreach (var hint in BinWeightHints)
                if (text.IndexOf(hint, nameStart, stemLength, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }
        return false;
    }

    private static readonly char[] NotInFileNames = { '*', '?', ' ', '{', '}' };
    private static readonly string[] BinWeightHints = { "model", "weights", "checkpoint", "pytorch" };

    private static bool EndsWith(string text, int dot, string extension)
        => text.Length - dot == extension.Length && string.Compare(text, dot, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
