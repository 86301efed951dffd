using System.Collections.Immutable;
using Batuta.Generators.Python;
using Batuta.Transpiler.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Batuta.Transpiler.Tests;

/// <summary>The source generator as the SDK drives it: AdditionalFiles with BatutaLegacySource, analyzer-config properties.</summary>
public sealed class GeneratorTests
{
    private sealed class PyFile(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }

    private sealed class Provider(Dictionary<string, string> global, Dictionary<string, string> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new Options(global);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(textFile.Path.EndsWith(".py") ? perFile : new());
    }

    private static GeneratorDriverRunResult Run(params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create("App", Array.Empty<SyntaxTree>(),
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var provider = new Provider(
            new() { ["build_property.BatutaSourceRoot"] = "/proj/legacy/", ["build_property.BatutaEntryPoint"] = "/proj/legacy/main.py", ["build_property.RootNamespace"] = "App" },
            new() { ["build_metadata.AdditionalFiles.BatutaLegacySource"] = "true" });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new PythonSourceGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new PyFile(f.Path, f.Text)), optionsProvider: provider);
        driver = driver.RunGenerators(compilation);
        return driver.GetRunResult();
    }

    [Fact]
    public void Legacy_sources_become_modules_and_a_Main()
    {
        var result = Run(("/proj/legacy/main.py", "from util import twice\nprint(twice(21))\n"), ("/proj/legacy/util.py", "def twice(x: int) -> int:\n    return 2 * x\n"));
        var names = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "Batuta.Python.MainModule.g.cs", "Batuta.Python.Program.g.cs", "Batuta.Python.UtilModule.g.cs" }, names);
        Assert.Contains("namespace App;", result.GeneratedTrees.First(t => t.FilePath.Contains("Program")).ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Diagnostics_land_on_the_python_file_and_line()
    {
        var result = Run(("/proj/legacy/main.py", "print('ok')\nvalue = eval('1')\n"));
        var d = Assert.Single(result.Diagnostics, d => d.Id == "BATT004");
        var span = d.Location.GetLineSpan();
        Assert.Equal("/proj/legacy/main.py", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.StartsWith("BATUTA-T-004: eval() is not supported", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var syntax = Run(("/proj/legacy/main.py", "def f(:\n    pass\n"));
        var s = Assert.Single(syntax.Diagnostics, d => d.Id == "BATT002");
        Assert.Equal(DiagnosticSeverity.Error, s.Severity);
        Assert.Equal(0, s.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("main.py(1,", s.ToString());
    }

    [Fact]
    public void Generated_program_compiles_against_the_runtime()
    {
        var result = Run(("/proj/legacy/main.py", Paths.Corpus is var c ? File.ReadAllText(Path.Combine(c, "hello_migration", "main.py")) : ""), ("/proj/legacy/textutil.py", File.ReadAllText(Path.Combine(Paths.Corpus, "hello_migration", "textutil.py"))));
        var trees = result.GeneratedTrees.Select(t => CSharpSyntaxTree.ParseText(t.ToString(), new CSharpParseOptions(LanguageVersion.Latest))).ToList();
        var dir = Path.Combine(Path.GetTempPath(), "batuta-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var compiled = InMemoryCompiler.Compile(trees, Path.Combine(dir, "app.dll"));
            Assert.True(compiled.Success, string.Join("\n", compiled.Errors));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
