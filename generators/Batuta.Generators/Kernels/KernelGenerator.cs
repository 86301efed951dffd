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
            .Select(static (model, _) => model!)
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

        var diagnostics = parsed.Select(static (result, _) => result.Diagnostics).Where(static d => d.Count > 0);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var d in list)
                spc.ReportDiagnostic(Diagnostic.Create(KernelDiagnostics.Get(d.Id), d.Location?.ToLocation(), d.Arguments.Cast<object>().ToArray()));
        });
    }
}
