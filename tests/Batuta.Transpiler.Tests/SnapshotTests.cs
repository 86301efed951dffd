using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// The generated C# of representative programs, against checked-in baselines (Snapshots/*.cs.snap).
/// A missing snapshot fails; UPDATE_SNAPSHOTS=1 rewrites them.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Programs() => new() { "hello_migration", "classes_basic", "dataclass_basic", "generators_basic", "exceptions_basic", "bench_nbody", "match_stmt", "closures_basic" };

    [Theory]
    [MemberData(nameof(Programs))]
    public void Generated_code_matches_snapshot(string name)
    {
        var dir = Path.Combine(Paths.Corpus, name);
        var files = Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.py").OrderBy(x => x, StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToList()
            : new List<(string, string)> { (name + ".py", File.ReadAllText(Path.Combine(Paths.Corpus, name + ".py"))) };
        var entry = Directory.Exists(dir) ? "main.py" : name + ".py";
        var r = PythonTranspiler.Transpile(files, new TranspileOptions { EntryModule = entry, RootNamespace = "Snapshot" });
        var actual = TestTranspiler.Code(r).Replace("\r\n", "\n");
        var snap = Path.Combine(Paths.Snapshots, name + ".cs.snap");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Paths.Snapshots);
            File.WriteAllText(snap, actual);
            return;
        }
        Assert.True(File.Exists(snap), $"missing snapshot {snap}: run with UPDATE_SNAPSHOTS=1 and review the file");
        var expected = File.ReadAllText(snap).Replace("\r\n", "\n");
        Assert.True(expected == actual, $"generated C# for {name} changed; review it and run with UPDATE_SNAPSHOTS=1.\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y) return $"line {i + 1}:\n- {x}\n+ {y}";
        }
        return "";
    }
}
