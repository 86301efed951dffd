using System.Globalization;
using System.Text.Json;
using Batuta.Benchmarks.Harness;
using Batuta.Core;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers migration</c>: samples/PythonMl end to end (load the CSV, engineer features, 5-fold cross-validation,
/// hold-out classifier, ridge regression, the printed report) as the migrated program and as the Python original
/// under Debian's CPython with numpy and scikit-learn, wall time per run including start-up, interleaved runs.
/// The sample is published through Batuta.Sdk (all five phases) into a scratch folder; the deployed native
/// executable is the main row, the framework-dependent JIT build (what the Validation phase times) a second one.
/// Every timed run's output is checked against Python's. Needs the packed SDK: run <c>./build.sh pack</c> first.
/// </summary>
public sealed class MigrationPeers : IPeerArea
{
    private static readonly string[] SampleArgs = ["data/maintenance.csv", "--folds", "5"];

    public string Name => "migration";
    public string Description => "samples/PythonMl end to end: migrated (native and JIT) vs the Python original (CPython + numpy + scikit-learn)";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var root = context.RepositoryRoot;
        var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "global.json"))).RootElement.GetProperty("msbuild-sdks").GetProperty("Batuta.Sdk").GetString()!;
        var feed = Path.Combine(root, "artifacts", "packages");
        if (!File.Exists(Path.Combine(feed, $"Batuta.Sdk.{version}.nupkg")))
            throw new InvalidOperationException("artifacts/packages has no Batuta.Sdk package: run ./build.sh pack first.");
        if (!File.Exists(PythonPeer.Interpreter))
            throw new InvalidOperationException($"{PythonPeer.Interpreter} is missing: run ./build.sh setup (python3-numpy, python3-sklearn, libopenblas0-pthread).");

        var work = Path.Combine(Path.GetTempPath(), "batuta-peers-migration", Guid.NewGuid().ToString("N")[..8]);
        try
        {
            CopyTree(Path.Combine(root, "samples", "PythonMl"), work);
            File.WriteAllText(Path.Combine(work, "global.json"), $$"""{ "msbuild-sdks": { "Batuta.Sdk": "{{version}}" } }""");
            File.WriteAllText(Path.Combine(work, "nuget.config"), File.ReadAllText(Path.Combine(root, "nuget.config")).Replace("artifacts/packages", feed, StringComparison.Ordinal));
            var publish = Path.Combine(work, "publish") + "/";
            context.Log.WriteLine("publishing samples/PythonMl through Batuta.Sdk (five phases, native AOT)...");
            // Explicit, forward-slash output folders: the scratch copy's layout is this benchmark's choice.
            var pub = Dotnet(work, "publish", "-c", "Release", "-nologo", "-v:q", "-tl:off", "-p:PublishDir=" + publish, "-p:BatutaIntermediateDir=obj/batuta/");
            if (pub.ExitCode != 0) throw new InvalidOperationException($"dotnet publish of samples/PythonMl failed:\n{pub.StandardOutput}{pub.StandardError}");

            var legacy = Path.Combine(work, "legacy");
            var native = Path.Combine(publish, "PythonMl");
            var jit = Directory.EnumerateFiles(Path.Combine(work, "bin", "Release"), "PythonMl.dll", SearchOption.AllDirectories)
                .First(p => !p.Contains(Path.DirectorySeparatorChar + "publish", StringComparison.Ordinal));
            if (!File.Exists(native)) throw new InvalidOperationException($"the publish produced no native executable at {native}");

            var expected = RunOnce(PythonPeer.Interpreter, ["-B", "main.py", .. SampleArgs], legacy).StandardOutput;
            int runs = context.Quick ? 3 : 11;
            var py = new List<double>();
            var aot = new List<double>();
            var jitRuns = new List<double>();
            for (int i = 0; i < runs; i++) // interleaved, so machine load hits all three alike
            {
                py.Add(Timed(PythonPeer.Interpreter, ["-B", "main.py", .. SampleArgs], legacy, expected, "python"));
                aot.Add(Timed(native, SampleArgs, legacy, expected, "native"));
                jitRuns.Add(Timed("dotnet", [jit, .. SampleArgs], legacy, expected, "jit"));
            }
            var ci = CultureInfo.InvariantCulture;
            context.Log.WriteLine("python runs: " + string.Join(", ", py.Select(x => x.ToString("0.000", ci))));
            context.Log.WriteLine("native runs: " + string.Join(", ", aot.Select(x => x.ToString("0.000", ci))));
            context.Log.WriteLine("jit runs:    " + string.Join(", ", jitRuns.Select(x => x.ToString("0.000", ci))));
            yield return new PeerTable($"samples/PythonMl end to end, wall time per run (median of {runs}, outputs identical)", "CPython 3.11 + numpy 1.24 + scikit-learn 1.2",
            [
                new PeerRow("migrated, deployed (native AOT executable)", TimeSpan.FromSeconds(Median(aot)), TimeSpan.FromSeconds(Median(py)), "what Deployment publishes"),
                new PeerRow("migrated, JIT build (dotnet PythonMl.dll)", TimeSpan.FromSeconds(Median(jitRuns)), TimeSpan.FromSeconds(Median(py)), "what Validation times"),
            ]);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static ProcessOutcome RunOnce(string file, IEnumerable<string> args, string dir)
    {
        var r = ProcessRunner.Run(file, args, dir, null, TimeSpan.FromMinutes(2));
        if (r.ExitCode != 0 || r.TimedOut) throw new InvalidOperationException($"{file} failed (exit {r.ExitCode}):\n{r.StandardError}");
        return r;
    }

    private static double Timed(string file, IEnumerable<string> args, string dir, string expected, string what)
    {
        var r = RunOnce(file, args, dir);
        if (r.StandardOutput != expected)
            throw new InvalidOperationException($"the {what} run printed something else than the Python original:\n{r.StandardOutput}");
        return r.Elapsed.TotalSeconds;
    }

    private static ProcessOutcome Dotnet(string dir, params string[] args) =>
        ProcessRunner.Run("dotnet", args, dir, null, TimeSpan.FromMinutes(10), new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        });

    private static double Median(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToList();
        return s[s.Count / 2];
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from))
            if (!Path.GetFileName(f).StartsWith(".batuta", StringComparison.Ordinal)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.EnumerateDirectories(from))
            if (Path.GetFileName(d) is not ("bin" or "obj" or "__pycache__") && !Path.GetFileName(d).StartsWith("obj\\", StringComparison.Ordinal)) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
