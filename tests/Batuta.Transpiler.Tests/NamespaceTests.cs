using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>The generated namespace comes from the project (or script) name; one named like a runtime type still compiles.</summary>
public sealed class NamespaceTests
{
    [Theory]
    [InlineData("Dyn", "Dyn_")]
    [InlineData("Py", "Py_")]
    [InlineData("Tools.Sys", "Tools.Sys_")]
    [InlineData("Migrated", "Migrated")]
    public void A_namespace_named_like_a_runtime_type_gets_an_underscore_and_compiles(string rootNamespace, string expected)
    {
        var r = PythonTranspiler.Transpile(new[] { ("dyn.py", "d = {'a': [1]}\nprint(str(d).upper(), d.get('b') or 'none')\n") },
            new TranspileOptions { EntryModule = "dyn.py", RootNamespace = rootNamespace });
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
        Assert.All(r.Files, f => Assert.Contains($"namespace {expected};", f.Text));
        var dir = Path.Combine(Path.GetTempPath(), "batuta-ns-" + Guid.NewGuid().ToString("N"));
        try
        {
            var compiled = InMemoryCompiler.Compile(InMemoryCompiler.Parse(r.Files.Select(f => (f.Path, f.Text))), Path.Combine(dir, "app.dll"));
            Assert.True(compiled.Success, string.Join("\n", compiled.Errors));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
