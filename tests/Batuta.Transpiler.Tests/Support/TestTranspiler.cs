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

    /// <summary>The generated C# of one top-level function (from its signature to its closing brace), for shape tests.</summary>
    public static string FunctionCode(string source, string name)
    {
        var r = Transpile(source);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics));
        var code = Code(r);
        var m = System.Text.RegularExpressions.Regex.Match(code, $@"public static [^\n(]* {name}\(");
        Assert.True(m.Success, code);
        int end = code.IndexOf("\n    }\n", m.Index, StringComparison.Ordinal);
        return code[m.Index..end];
    }

    public static string Code(TranspileResult r) => string.Join("\n", r.Files.Select(f => "// ==== " + f.Path + "\n" + f.Text));
}
