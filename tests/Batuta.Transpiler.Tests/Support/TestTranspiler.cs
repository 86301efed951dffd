namespace Batuta.Transpiler.Tests.Support;

/// <summary>Transpiles Python snippets and corpus files for the unit tests.</summary>
public static class TestTranspiler
{
    public static TranspileResult Transpile(string source, string path = "main.py", bool viaCPython = false)
    {
        if (viaCPython)
            return PythonTranspiler.Transpile(CPythonFrontEnd.Parse(new[] { (path, source) }), new TranspileOptions { EntryModule = path, RootNamespace = "Test" });
        return PythonTranspiler.Transpile(new[] { (path, source) }, new TranspileOptions { EntryModule = path, RootNamespace = "Test" });
    }

    public static string Code(TranspileResult r) => string.Join("\n", r.Files.Select(f => "// ==== " + f.Path + "\n" + f.Text));
}
