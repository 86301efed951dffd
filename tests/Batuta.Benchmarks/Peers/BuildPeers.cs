using System.Text.Json;
using Batuta.Benchmarks.Harness;
using Batuta.Core;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers build</c>: a no-change rebuild of samples/HelloMigration through Batuta.Sdk (all phases
/// checked, all up to date) against the same C# built with plain Microsoft.NET.Sdk (the transpiled
/// sources plus the same runtime references). Needs the packed SDK: run <c>./build.sh pack</c> first.
/// </summary>
public sealed class BuildPeers : IPeerArea
{
    public string Name => "build";
    public string Description => "no-op rebuild of samples/HelloMigration: Batuta.Sdk vs plain Microsoft.NET.Sdk";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var root = context.RepositoryRoot;
        var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "global.json"))).RootElement.GetProperty("msbuild-sdks").GetProperty("Batuta.Sdk").GetString()!;
        var feed = Path.Combine(root, "artifacts", "packages");
        if (!File.Exists(Path.Combine(feed, $"Batuta.Sdk.{version}.nupkg")))
            throw new InvalidOperationException("artifacts/packages has no Batuta.Sdk package: run ./build.sh pack first.");

        var work = Path.Combine(Path.GetTempPath(), "batuta-peers-build", Guid.NewGuid().ToString("N")[..8]);
        var batuta = Path.Combine(work, "batuta");
        var plain = Path.Combine(work, "plain");
        try
        {
            CopyTree(Path.Combine(root, "samples", "HelloMigration"), batuta);
            File.WriteAllText(Path.Combine(batuta, "global.json"), $$"""{ "msbuild-sdks": { "Batuta.Sdk": "{{version}}" } }""");
            File.WriteAllText(Path.Combine(batuta, "nuget.config"), File.ReadAllText(Path.Combine(root, "nuget.config")).Replace("artifacts/packages", feed, StringComparison.Ordinal));
            Build(batuta, context, "first build (Batuta.Sdk)");

            // The plain project compiles exactly what the Batuta build compiled.
            Directory.CreateDirectory(plain);
            foreach (var cs in Directory.EnumerateFiles(Path.Combine(batuta, "obj", "batuta", "transpilation"), "*.cs"))
                File.Copy(cs, Path.Combine(plain, Path.GetFileName(cs)));
            var runtime = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), "batuta.sdk", version, "runtime", "net10.0");
            var references = string.Concat(Directory.EnumerateFiles(runtime, "*.dll").Select(d => $"    <Reference Include=\"{d}\" />\n"));
            File.WriteAllText(Path.Combine(plain, "Plain.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <InvariantGlobalization>true</InvariantGlobalization>
                    <RootNamespace>HelloMigration</RootNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                {references}  </ItemGroup>
                </Project>
                """);
            Build(plain, context, "first build (plain)");

            int runs = context.Quick ? 3 : 9;
            var b = new List<double>();
            var p = new List<double>();
            for (int i = 0; i < runs; i++) // interleaved, so machine drift hits both alike
            {
                b.Add(TimeBuild(batuta));
                p.Add(TimeBuild(plain));
            }
            context.Log.WriteLine($"batuta runs: {string.Join(", ", b.Select(x => x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");
            context.Log.WriteLine($"plain runs:  {string.Join(", ", p.Select(x => x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");
            yield return new PeerTable("No-change rebuild (dotnet build --no-restore, median of " + runs + ")", "plain Microsoft.NET.Sdk",
            [
                new PeerRow("samples/HelloMigration", TimeSpan.FromSeconds(Median(b)), TimeSpan.FromSeconds(Median(p)),
                    "ratio ≥ 0.83 means Batuta adds ≤ 1.2×"),
            ]);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static void Build(string dir, PeerContext context, string what)
    {
        context.Log.WriteLine($"{what}...");
        var r = Dotnet(dir, "build", "-c", "Release", "-nologo", "-v:q");
        if (r.ExitCode != 0) throw new InvalidOperationException($"{what} failed:\n{r.StandardOutput}{r.StandardError}");
    }

    private static double TimeBuild(string dir)
    {
        var r = Dotnet(dir, "build", "--no-restore", "-c", "Release", "-nologo", "-v:q", "-tl:off");
        if (r.ExitCode != 0) throw new InvalidOperationException($"rebuild of {dir} failed:\n{r.StandardOutput}");
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
            if (Path.GetFileName(d) is not ("bin" or "obj")) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
