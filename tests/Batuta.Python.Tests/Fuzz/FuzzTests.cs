using System.Diagnostics;
using Batuta.Python.Ast;
using Batuta.Python.Metrics;
using Batuta.Python.Semantics;
using Batuta.Python.Symbols;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Fuzz;

/// <summary>
/// Mutated stdlib files and generated deep nesting: the front-end must never throw, hang or overflow the
/// stack; every input gives a tree or a diagnostic. A fixed seed keeps CI deterministic; the long run
/// (100,000+ inputs) is `dotnet run -c Release --project tests/Batuta.Benchmarks -- peers parser-fuzz`.
/// </summary>
public class FuzzTests
{
    private const int Count = 1200;
    private const int Seed = 20251125;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public void Mutated_inputs_never_crash_hang_or_overflow()
    {
        var seeds = Corpus.Sample(40).Where(p => new FileInfo(p).Length < 80_000).Select(File.ReadAllBytes).ToList();
        var mutator = new SourceMutator(Seed);
        var random = new Random(Seed);
        int trees = 0, rejected = 0;
        var slowest = TimeSpan.Zero;
        for (int i = 0; i < Count; i++)
        {
            var input = mutator.Mutate(seeds[random.Next(seeds.Count)]);
            var sw = Stopwatch.StartNew();
            var result = RunEverything(input, i);
            sw.Stop();
            if (sw.Elapsed > slowest) slowest = sw.Elapsed;
            Assert.True(sw.Elapsed < PerInputLimit, $"input {i} took {sw.Elapsed}");
            if (result.Success) trees++;
            else
            {
                rejected++;
                Assert.Contains(result.Diagnostics, d => d.IsError && d.Line >= 1 && d.Column >= 1 && d.Message.Length > 0);
            }
        }
        Assert.Equal(Count, trees + rejected);
        Assert.True(rejected > Count / 2, $"mutations should mostly break the source ({rejected} of {Count} rejected)");
    }

    [Fact]
    public void Deep_nesting_is_rejected_cleanly_or_parsed()
    {
        var mutator = new SourceMutator(Seed + 1);
        for (int i = 0; i < 120; i++)
        {
            var text = mutator.DeepNesting();
            var result = RunEverything(System.Text.Encoding.UTF8.GetBytes(text), i);
            if (!result.Success)
                Assert.Contains(result.Diagnostics, d => d.IsError && (d.Code == DiagnosticCodes.TooDeep || d.Code == DiagnosticCodes.Brackets
                    || d.Code == DiagnosticCodes.Indentation || d.Code == DiagnosticCodes.InvalidSyntax || d.Code == DiagnosticCodes.UnterminatedString));
        }
    }

    [Theory]
    [InlineData(199, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Bracket_nesting_limit_matches_cpython(int depth, bool accepted)
    {
        var result = PythonParser.Parse(new string('(', depth) + "1" + new string(')', depth));
        Assert.Equal(accepted, result.Success);
        if (!accepted) Assert.Equal("too many nested parentheses", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Hundred_levels_of_indentation_is_the_limit()
    {
        string Nested(int n) => string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', n) + "pass\n";
        Assert.True(PythonParser.Parse(Nested(99)).Success);
        var deep = PythonParser.Parse(Nested(100));
        Assert.False(deep.Success);
        Assert.Equal("too many levels of indentation", deep.Diagnostics[0].Message);
        Assert.Equal(101, deep.Diagnostics[0].Line);
    }

    /// <summary>Parse, dump, symbol tables, compile checks and metrics on one input: none may throw.</summary>
    private static ParseResult RunEverything(byte[] input, int index)
    {
        ParseResult result;
        try
        {
            result = PythonParser.Parse(input, "fuzz" + index + ".py");
            if (result.Module is not null)
            {
                _ = AstDump.Dump(result.Module, includeAttributes: true);
                if (result.Success)
                {
                    _ = SymbolTableBuilder.Build(result);
                    _ = CompileChecks.Check(result);
                }
            }
            _ = PythonMetrics.Compute(result);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"input {index} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
        return result;
    }
}
