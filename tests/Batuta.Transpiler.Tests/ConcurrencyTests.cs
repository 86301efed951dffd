namespace Batuta.Transpiler.Tests;

/// <summary>
/// Transpilations run concurrently (xunit runs test classes in parallel; the source generator compiles several
/// projects at once). Each must produce exactly what it produces alone: no per-program state may be shared.
/// </summary>
public sealed class ConcurrencyTests
{
    private static (string Path, string Text)[] Program(string cls, string module) =>
    [
        ("main.py", $"from {module} import {cls}\n\nclass Special{cls}({cls}):\n    pass\n\ndef pick(flag):\n    return {cls}(1) if flag else Special{cls}(2)\n\nprint(pick(True).value, pick(False).value)\n"),
        ($"{module}.py", $"class {cls}:\n    def __init__(self, value):\n        self.value = value\n"),
    ];

    private static string Emit((string Path, string Text)[] files, string ns)
    {
        var r = PythonTranspiler.Transpile(files, new TranspileOptions { EntryModule = "main.py", RootNamespace = ns });
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Select(d => d.Format())));
        return string.Join("\n//----\n", r.Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Path + "\n" + f.Text));
    }

    [Fact]
    public void Concurrent_transpilations_give_the_same_code_as_serial_ones()
    {
        var programs = Enumerable.Range(0, 6).Select(i => (Files: Program($"Ledger{i}", $"store{i}"), Ns: $"P{i}")).ToArray();
        var serial = programs.Select(p => Emit(p.Files, p.Ns)).ToArray();
        var results = new string[programs.Length * 200];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var p = programs[i % programs.Length];
            results[i] = Emit(p.Files, p.Ns);
        });
        for (int i = 0; i < results.Length; i++)
            Assert.Equal(serial[i % programs.Length], results[i]);
    }
}
