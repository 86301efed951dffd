using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Batuta.Transpiler.Tests.Support;

/// <summary>Compiles generated C# with Roslyn into a runnable assembly (dotnet exec) next to the runtime DLLs.</summary>
public static class InMemoryCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(Batuta.Python.Runtime.Py).Assembly.Location));
        // numpy and scikit-learn code (issue 10) compiles against Batuta.Tensor and Batuta.ML as well.
        refs.Add(MetadataReference.CreateFromFile(typeof(Batuta.Tensors.Tensor).Assembly.Location));
        refs.Add(MetadataReference.CreateFromFile(typeof(Batuta.ML.Estimator).Assembly.Location));
        return refs;
    });

    public sealed record Result(bool Success, IReadOnlyList<Diagnostic> Errors);

    public static IReadOnlyList<SyntaxTree> Parse(IEnumerable<(string Path, string Text)> files) =>
        files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), path: f.Path, encoding: Encoding.UTF8)).ToList();

    public static Result Compile(IReadOnlyList<SyntaxTree> trees, string outputDll, bool optimize = true, string? mainTypeName = null)
    {
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(outputDll), trees, References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: optimize ? OptimizationLevel.Release : OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true, mainTypeName: mainTypeName));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return new Result(false, errors);
        Directory.CreateDirectory(Path.GetDirectoryName(outputDll)!);
        using (var fs = File.Create(outputDll))
        {
            var emit = compilation.Emit(fs);
            if (!emit.Success) return new Result(false, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }
        var dir = Path.GetDirectoryName(outputDll)!;
        foreach (var dep in new[] { typeof(Batuta.Python.Runtime.Py).Assembly.Location })
        {
            File.Copy(dep, Path.Combine(dir, Path.GetFileName(dep)), true);
            foreach (var pattern in new[] { "Batuta.Tensor.dll", "Batuta.ML.dll", "ILGPU*.dll" })
                foreach (var sibling in Directory.GetFiles(Path.GetDirectoryName(dep)!, pattern)) File.Copy(sibling, Path.Combine(dir, Path.GetFileName(sibling)), true);
        }
        var version = Environment.Version;
        File.WriteAllText(Path.ChangeExtension(outputDll, ".runtimeconfig.json"),
            "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + version.Major + "." + version.Minor + ".0\"},\"configProperties\":{\"System.Globalization.Invariant\":true}}}");
        return new Result(true, Array.Empty<Diagnostic>());
    }
}
