using Batuta.Generators.Kernels.Diagnostics;
using Batuta.Generators.Kernels.Emit;
using Batuta.Generators.Kernels.Model;
using Batuta.Generators.Kernels.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Batuta.Generators.Kernels;

/// <summary>
/// Compiles <c>[Kernel]</c> methods (scalar element-wise math) into SIMD operator structs, span and
/// Tensor entry points, an ILGPU kernel and a dispatch through Batuta.Tensor's backend selector.
/// </summary>
/// <remarks>
/// Pipeline: <c>ForAttributeWithMetadataName</c> → <see cref="KernelParser"/> (the only step that
/// sees symbols) → equatable <see cref="KernelModel"/>s → <see cref="KernelEmitter"/>. Diagnostics
/// travel on their own branch, so a comment that moves a kernel's lines changes the diagnostics'
/// locations but leaves the generated source cached. Tracked step names (for tests):
/// <see cref="ParseStep"/>, <see cref="ModelStep"/>, <see cref="SourceStep"/>.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class KernelGenerator : IIncrementalGenerator
{
    public const string ParseStep = "KernelParse";
    public const string ModelStep = "KernelModel";
    public const string SourceStep = "KernelSource";
    public const string FactsStep = "KernelCompilationFacts";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider.ForAttributeWithMetadataName(
                KernelSymbols.AttributeName,
                static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
                KernelParser.Parse)
            .WithTrackingName(ParseStep);

        var facts = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationFacts(compilation.GetTypeByMetadataName("ILGPU.Index1D") is not null))
            .WithTrackingName(FactsStep);

        var models = parsed
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model.OrThrow())
            .WithTrackingName(ModelStep);

        var sources = models
            .Combine(facts)
            .Select(static (pair, _) => (pair.Left.HintName, Source: KernelEmitter.Emit(pair.Left, pair.Right)))
            .WithTrackingName(SourceStep);

        context.RegisterSourceOutput(sources, static (spc, source) => spc.AddSource(source.HintName, source.Source));

        var anyKernel = models.Where(static m => m.Kernel is not null).Collect().Select(static (all, _) => !all.IsEmpty);
        context.RegisterSourceOutput(anyKernel, static (spc, any) =>
        {
            if (any) spc.AddSource(SupportEmitter.HintName, SupportEmitter.Source);
        });

        // Diagnostics are plain data in the model; to report them they are tied back to the compilation's
        // syntax tree, so #pragma warning disable and .editorconfig severities apply to them (a location made
        // from a file path alone is an external location, which the compiler cannot suppress).
        var diagnostics = parsed.Select(static (result, _) => result.Diagnostics).Where(static d => d.Count > 0)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(diagnostics, static (spc, pair) =>
        {
            foreach (var d in pair.Left)
                spc.ReportDiagnostic(Diagnostic.Create(KernelDiagnostics.Get(d.Id), SourceLocation(d.Location, pair.Right), d.Arguments.Cast<object>().ToArray()));
        });
    }

    private static Location? SourceLocation(LocationInfo? info, Compilation compilation)
    {
        if (info is null) return null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == info.FilePath && info.Start + info.Length <= tree.Length)
                return Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(info.Start, info.Length));
        }
        return info.ToLocation();
    }
}
