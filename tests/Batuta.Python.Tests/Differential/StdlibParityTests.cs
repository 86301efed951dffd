using System.Text;
using Batuta.Python.Ast;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Differential;

/// <summary>
/// CPython 3.11 as the oracle on a fixed sample of its own standard library and test suite: every file
/// CPython accepts must dump identically (positions included), every file it rejects must be rejected
/// at the same line. The full sweep is `dotnet run -c Release --project tests/Batuta.Benchmarks -- peers parser-parity`.
/// </summary>
public class StdlibParityTests
{
    internal const int SampleSize = 110;

    [Fact]
    public void Sample_of_stdlib_and_test_suite_parses_exactly_like_cpython()
    {
        var files = Corpus.Sample(SampleSize);
        var answers = CPython.AskFiles("dump-attrs", files);
        var failures = new StringBuilder();
        int accepted = 0, rejected = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var result = PythonParser.Parse(File.ReadAllBytes(files[i]), files[i]);
            var expected = answers[i];
            if (expected.Ok)
            {
                accepted++;
                if (!result.Success) failures.AppendLine($"{files[i]}: CPython accepts, we report {result.Diagnostics.First(d => d.IsError).Format()}");
                else if (AstDump.Dump(result.Module!, includeAttributes: true) != expected.Dump) failures.AppendLine($"{files[i]}: ast.dump differs");
            }
            else
            {
                rejected++;
                var first = result.Diagnostics.FirstOrDefault(d => d.IsError);
                if (first is null) failures.AppendLine($"{files[i]}: CPython rejects at line {expected.Line} ({expected.Message}), we accept");
                else if (!SameLine(expected, first)) failures.AppendLine($"{files[i]}: CPython line {expected.Line} ({expected.Message}), ours {first.Format()}");
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(accepted > 90 && rejected >= 9, $"sample too small: {accepted} accepted, {rejected} rejected");
    }

    /// <summary>CPython reports decoding errors at line 0 (no line); ours point at the coding declaration.</summary>
    internal static bool SameLine(OracleAnswer expected, PythonDiagnostic ours) =>
        expected.Line == ours.Line || (expected.Line == 0 && ours.Code == DiagnosticCodes.Encoding);
}
