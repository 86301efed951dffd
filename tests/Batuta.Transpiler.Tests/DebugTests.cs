using Batuta.Transpiler.Tests.Support;
using Xunit.Abstractions;

namespace Batuta.Transpiler.Tests;

/// <summary>BATUTA_DEBUG_FILE=path dotnet test --filter DebugTests: prints the generated C# for one Python file.</summary>
public sealed class DebugTests(ITestOutputHelper output)
{
    [Fact]
    public void Print_generated_code_for_BATUTA_DEBUG_FILE()
    {
        var file = Environment.GetEnvironmentVariable("BATUTA_DEBUG_FILE");
        if (string.IsNullOrEmpty(file)) return;
        var r = TestTranspiler.Transpile(File.ReadAllText(file), Path.GetFileName(file));
        File.WriteAllText("/tmp/batuta-debug.cs", TestTranspiler.Code(r) + "\n" + string.Join("\n", r.Diagnostics.Select(d => "// " + d.Format())));
        output.WriteLine(TestTranspiler.Code(r));
    }
}
