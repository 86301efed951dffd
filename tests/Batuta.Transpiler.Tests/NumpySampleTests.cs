using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// samples/PythonMl (the numpy + scikit-learn maintenance report) migrates and prints exactly what
/// /usr/bin/python3 prints, with the sample's own arguments and data. The Sdk build of the sample runs the
/// same comparison as its Validation phase; this test keeps it honest in the transpiler's own suite.
/// </summary>
public sealed class NumpySampleTests
{
    private static string Legacy => Path.Combine(Paths.RepositoryRoot, "samples", "PythonMl", "legacy");

    [Fact]
    public void PythonMl_sample_matches_CPython()
    {
        var files = Directory.GetFiles(Legacy, "*.py").OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path: Path.GetFileName(p), Text: File.ReadAllText(p))).ToList();
        var result = PythonTranspiler.Transpile(CPythonFrontEnd.Parse(files), new TranspileOptions { EntryModule = "main.py", RootNamespace = "PythonMl" });
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var unsupported = result.Diagnostics.Where(d => d.Code is "BATUTA-T-004" or "BATUTA-T-005" or "BATUTA-T-099").ToList();
        Assert.True(unsupported.Count == 0, string.Join("\n", unsupported.Select(d => d.Format())));

        var work = Path.Combine(Path.GetTempPath(), "batuta-pythonml-" + Guid.NewGuid().ToString("N"));
        try
        {
            var dll = Path.Combine(work, "bin", "PythonMl.dll");
            var compiled = InMemoryCompiler.Compile(InMemoryCompiler.Parse(result.Files.Select(f => (f.Path, f.Text))), dll);
            Assert.True(compiled.Success, string.Join("\n", compiled.Errors.Take(20)) + "\n" + TestTranspiler.Code(result));

            var args = new[] { "data/maintenance.csv", "--folds", "5" };
            var python = ProcessRunner.Run(CPythonFrontEnd.Python, new[] { "-B", "main.py" }.Concat(args), Legacy);
            Assert.True(python.ExitCode == 0, "the oracle failed (apt-get install -y python3-numpy python3-sklearn):\n" + python.Stderr);
            var batuta = ProcessRunner.Run("dotnet", new[] { "exec", dll }.Concat(args), Legacy);
            Assert.True(python.Stdout == batuta.Stdout, $"stdout differs\n--- CPython ---\n{python.Stdout}\n--- Batuta ---\n{batuta.Stdout}\n--- Batuta stderr ---\n{batuta.Stderr}");
            Assert.Equal(python.ExitCode, batuta.ExitCode);
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
    }
}
