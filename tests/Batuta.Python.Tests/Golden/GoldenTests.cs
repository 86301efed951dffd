using Batuta.Python.Ast;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Golden;

/// <summary>
/// Tricky corners (f-strings, match, decorators, numbers, string prefixes, precedence, chained comparisons)
/// against checked-in CPython output, positions included.
/// </summary>
public class GoldenTests
{
    public static IEnumerable<object[]> Cases() => GoldenCase.Load().Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dump_equals_cpython_with_positions(GoldenCase c)
    {
        var result = PythonParser.Parse(c.Source);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Equal(c.ExpectedDump, AstDump.Dump(result.Module!, includeAttributes: true));
    }

    [Fact]
    public void Golden_files_still_match_live_cpython()
    {
        var cases = GoldenCase.Load();
        var answers = CPython.AskSources("dump-attrs", cases.Select(c => c.Source).ToList());
        for (int i = 0; i < cases.Count; i++)
        {
            Assert.True(answers[i].Ok, $"{cases[i]}: CPython rejects it: {answers[i].Message}");
            Assert.True(answers[i].Dump == cases[i].ExpectedDump, $"{cases[i]} is stale: run Tools/update_goldens.py");
        }
    }
}
