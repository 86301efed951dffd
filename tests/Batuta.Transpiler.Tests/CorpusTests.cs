using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

[CollectionDefinition("corpus")]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>;

/// <summary>Every corpus program prints exactly what CPython prints, with the same exit code and stderr shape.</summary>
[Collection("corpus")]
public sealed class CorpusTests(CorpusFixture fixture)
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var p in CorpusFixture.Discover()) data.Add(p.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_matches_CPython(string name)
    {
        var o = fixture.Outcomes[name];
        Assert.True(o.Failure is null, o.Failure);
        Assert.NotNull(o.Python);
        Assert.NotNull(o.Batuta);
        Assert.False(o.Batuta!.TimedOut, "the migrated program timed out");
        Assert.True(o.Python!.Stdout == o.Batuta.Stdout, $"stdout differs\n--- CPython ---\n{o.Python.Stdout}\n--- Batuta ---\n{o.Batuta.Stdout}\n--- Batuta stderr ---\n{o.Batuta.Stderr}");
        Assert.True(o.Python.ExitCode == o.Batuta.ExitCode, $"exit code: CPython {o.Python.ExitCode}, Batuta {o.Batuta.ExitCode}\nCPython stderr: {o.Python.Stderr}\nBatuta stderr: {o.Batuta.Stderr}");
        Assert.Equal(ProcessRunner.LastLine(o.Python.Stderr), ProcessRunner.LastLine(o.Batuta.Stderr));
    }

    [Fact]
    public void Corpus_has_at_least_150_programs() => Assert.True(CorpusFixture.Discover().Count >= 150, $"corpus has {CorpusFixture.Discover().Count} programs");
}
