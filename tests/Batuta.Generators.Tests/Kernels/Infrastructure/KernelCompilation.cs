using System.Collections.Immutable;
using Batuta.Generators.Kernels;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Batuta.Generators.Tests.Kernels.Infrastructure;

/// <summary>
/// Runs the [Kernel] generator on in-memory sources through a real <see cref="GeneratorDriver"/>,
/// against the real reference set (.NET, Batuta.Tensor and, unless left out, ILGPU).
/// </summary>
internal static class KernelCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    private static readonly Lazy<MetadataReference> Tensor = new(() => MetadataReference.CreateFromFile(typeof(Batuta.Tensors.KernelAttribute).Assembly.Location));

    private static readonly Lazy<MetadataReference> Ilgpu = new(() => MetadataReference.CreateFromFile(typeof(ILGPU.Index1D).Assembly.Location));

    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> sources, bool ilgpu = true)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path));
        var references = Framework.Value.Add(Tensor.Value);
        if (ilgpu) references = references.Add(Ilgpu.Value);
        return CSharpCompilation.Create("KernelTests", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false));
    }

    public static CSharpCompilation Create(string source, bool ilgpu = true) => Create([("Kernels.cs", source)], ilgpu);

    public static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        [new KernelGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its result and the compilation with the generated sources added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(string source, bool ilgpu = true) => Run(Create(source, ilgpu));

    /// <summary>Errors anywhere, and warnings in generated files: generated code must compile cleanly.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)).ToList();

    public static void AssertCompiles(Compilation output)
    {
        var problems = Problems(output);
        Assert.True(problems.Count == 0, "the generated code does not compile:\n" + string.Join("\n", problems.Take(20)));
    }
}
