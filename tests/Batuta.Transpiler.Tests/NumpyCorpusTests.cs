using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>The numpy/scikit-learn corpus: CPython with Debian's numpy and scikit-learn is the oracle.</summary>
public sealed class NumpyCorpusFixture : CorpusFixture
{
    protected override string Root => Paths.NumpyCorpus;
}

[CollectionDefinition("numpy-corpus")]
public sealed class NumpyCorpusCollection : ICollectionFixture<NumpyCorpusFixture>;

/// <summary>
/// Every program in <c>NumpyCorpus/</c> prints exactly what <c>/usr/bin/python3</c> with numpy 1.24 and
/// scikit-learn 1.2 prints, and exits the same way. Float formatting policy (docs/ml-mapping.md): the programs
/// print what numpy itself prints the same on every machine (array printing, means and sums, which Batuta
/// computes in numpy's order); values that depend on numpy's build (BLAS products, SIMD transcendental
/// functions, iterative solvers) are printed through a format spec or np.round, as production code prints them.
/// </summary>
[Collection("numpy-corpus")]
public sealed class NumpyCorpusTests(NumpyCorpusFixture fixture)
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var p in CorpusFixture.Discover(Paths.NumpyCorpus)) data.Add(p.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_matches_numpy_and_scikit_learn(string name)
    {
        var o = fixture.Outcomes[name];
        Assert.True(o.Failure is null, o.Failure);
        Assert.NotNull(o.Python);
        Assert.True(!o.Python!.Stderr.Contains("ModuleNotFoundError", StringComparison.Ordinal),
            "the oracle is missing: apt-get install -y python3-numpy python3-sklearn (Debian's /usr/bin/python3 is used)\n" + o.Python.Stderr);
        Assert.NotNull(o.Batuta);
        Assert.False(o.Batuta!.TimedOut, "the migrated program timed out");
        Assert.True(o.Python.Stdout == o.Batuta.Stdout, $"stdout differs\n--- CPython ---\n{o.Python.Stdout}\n--- Batuta ---\n{o.Batuta.Stdout}\n--- Batuta stderr ---\n{o.Batuta.Stderr}");
        Assert.True(o.Python.ExitCode == o.Batuta.ExitCode, $"exit code: CPython {o.Python.ExitCode}, Batuta {o.Batuta.ExitCode}\nCPython stderr: {o.Python.Stderr}\nBatuta stderr: {o.Batuta.Stderr}");
        // numpy's RuntimeWarnings go to stderr too; the last line is compared when the program fails.
        if (o.Python.ExitCode != 0) Assert.Equal(ProcessRunner.LastLine(o.Python.Stderr), ProcessRunner.LastLine(o.Batuta.Stderr));
    }

    [Fact]
    public void Corpus_has_at_least_60_programs() =>
        Assert.True(CorpusFixture.Discover(Paths.NumpyCorpus).Count >= 60, $"the numpy corpus has {CorpusFixture.Discover(Paths.NumpyCorpus).Count} programs");

    [Fact]
    public void No_program_hits_an_unmapped_call()
    {
        // BATUTA-T-004 would mean the migrated program raises NotSupportedException somewhere: every numpy and
        // scikit-learn call in the corpus has a mapping row.
        var unsupported = fixture.Outcomes.Values.SelectMany(o => o.Diagnostics.Where(d => d.Code is "BATUTA-T-004" or "BATUTA-T-005").Select(d => $"{o.Program.Name}: {d.Format()}")).ToList();
        Assert.True(unsupported.Count == 0, "unmapped calls in the numpy corpus:\n" + string.Join("\n", unsupported));
    }
}
