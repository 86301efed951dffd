using Batuta.Generators.Kernels;
using Batuta.Generators.Tests.Kernels.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Batuta.Generators.Tests.Kernels;

/// <summary>
/// The pipeline stays cached across edits that do not change a kernel: the tracked steps are run
/// twice on a driver that keeps its state, and their reasons are checked after each edit.
/// </summary>
public sealed class KernelIncrementalityTests
{
    private const string KernelFile = """
        using Batuta.Tensors;
        namespace Samples;
        public static partial class Blas
        {
            [Kernel]
            public static partial float Saxpy(float a, float x, float y) => a * x + y;

            [Kernel]
            public static partial float Square(float x) => x * x;
        }
        """;

    private const string OtherFile = """
        namespace Samples;
        public static class Program
        {
            public static float Twice(float x) => 2 * x;
        }
        """;

    /// <summary>Runs the generator on the original sources, applies <paramref name="edit"/> to one file and runs again.</summary>
    private static GeneratorRunResult RunAfterEdit(string path, Func<string, string> edit)
    {
        var compilation = KernelCompilation.Create([("Blas.cs", KernelFile), ("Program.cs", OtherFile)]);
        var driver = KernelCompilation.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edit(tree.ToString()), KernelCompilation.ParseOptions, path));
        driver = driver.RunGenerators(edited);
        return driver.GetRunResult().Results.Single();
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static void AllCached(GeneratorRunResult result, string step) =>
        Assert.All(Reasons(result, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

    [Fact]
    public void AddingACommentToTheKernelFileKeepsTheOutputCached()
    {
        var result = RunAfterEdit("Blas.cs", s => s.Replace("    [Kernel]\n    public static partial float Saxpy", "    // y = a x + y, the BLAS level-1 classic.\n    [Kernel]\n    public static partial float Saxpy"));
        // The file changed, so its kernels are parsed again; the models come out equal...
        Assert.All(Reasons(result, KernelGenerator.ParseStep), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        // ...and nothing downstream runs: the generated source is reused as is.
        AllCached(result, KernelGenerator.SourceStep);
        Assert.Equal(2, Reasons(result, KernelGenerator.SourceStep).Length);
    }

    [Fact]
    public void AddingACommentInsideAKernelBodyKeepsTheOutputCached()
    {
        var result = RunAfterEdit("Blas.cs", s => s.Replace("=> x * x;", "=> x /* squared */ * x;"));
        AllCached(result, KernelGenerator.SourceStep);
    }

    [Fact]
    public void EditingAnotherFileKeepsTheOutputCached()
    {
        var result = RunAfterEdit("Program.cs", s => s.Replace("2 * x", "3 * x") + "\n// a comment\n");
        // ForAttributeWithMetadataName re-runs the transform with the new compilation's semantic model; the models come out equal.
        Assert.All(Reasons(result, KernelGenerator.ParseStep), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        AllCached(result, KernelGenerator.SourceStep);
    }

    [Fact]
    public void AddingAnotherMethodToTheKernelClassKeepsTheOutputCached()
    {
        var result = RunAfterEdit("Blas.cs", s => s.Replace("    [Kernel]\n    public static partial float Square",
            "    public static string Describe() => \"blas\";\n\n    [Kernel]\n    public static partial float Square"));
        AllCached(result, KernelGenerator.SourceStep);
    }

    [Fact]
    public void ChangingAKernelBodyRegeneratesOnlyThatKernel()
    {
        var result = RunAfterEdit("Blas.cs", s => s.Replace("a * x + y", "a * x - y"));
        var reasons = Reasons(result, KernelGenerator.SourceStep);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        var saxpy = result.GeneratedSources.Single(s => s.HintName.Contains(".Saxpy.", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("(a * x) - y", saxpy, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAKernelAddsOneOutputAndKeepsTheOthers()
    {
        // Added after the others: Roslyn matches a file's outputs by position, so a kernel inserted in
        // front would make the kernels behind it compare against their predecessors' old outputs.
        var result = RunAfterEdit("Blas.cs", s => s.Replace("=> x * x;\n}", "=> x * x;\n\n    [Kernel]\n    public static partial float Cube(float x) => x * x * x;\n}"));
        var reasons = Reasons(result, KernelGenerator.SourceStep);
        Assert.True(reasons.Count(r => r == IncrementalStepRunReason.New) == 1 && reasons.Count(r => r == IncrementalStepRunReason.Cached) == 2,
            "reasons: " + string.Join(", ", reasons) + " / parse: " + string.Join(", ", Reasons(result, KernelGenerator.ParseStep)) + " / model: " + string.Join(", ", Reasons(result, KernelGenerator.ModelStep)));
    }

    [Fact]
    public void RenamingAParameterRegeneratesTheKernel()
    {
        var result = RunAfterEdit("Blas.cs", s => s.Replace("Square(float x) => x * x", "Square(float v) => v * v"));
        var reasons = Reasons(result, KernelGenerator.SourceStep);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void ModelsHoldNoSymbolsOrSyntax()
    {
        var compilation = KernelCompilation.Create([("Blas.cs", KernelFile)]);
        var result = KernelCompilation.Driver().RunGenerators(compilation).GetRunResult().Results.Single();
        foreach (var output in result.TrackedSteps[KernelGenerator.ModelStep].SelectMany(s => s.Outputs))
            AssertPlainData(output.Value, depth: 0);
    }

    /// <summary>Walks the model's public properties: no ISymbol, SyntaxNode, Location, Compilation or SemanticModel anywhere.</summary>
    private static void AssertPlainData(object? value, int depth)
    {
        if (value is null || depth > 12) return;
        Assert.False(value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel or SyntaxTree,
            $"the pipeline model holds a {value.GetType().Name}");
        var type = value.GetType();
        if (type.IsPrimitive || value is string || type.IsEnum) return;
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items) AssertPlainData(item, depth + 1);
            return;
        }
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                AssertPlainData(property.GetValue(value), depth + 1);
    }
}
