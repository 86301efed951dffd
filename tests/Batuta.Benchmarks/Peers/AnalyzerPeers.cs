using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Batuta.Benchmarks.Harness;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers analyzers</c>: the compile-time cost of Batuta's quality gates. Each <c>src/</c> project is rebuilt
/// (references prebuilt, Release, <c>-p:ReportAnalyzer=true</c>) with the rules switched on and, as the peer, the
/// same build with them switched off. The switch is analyzers/Batuta.Analyzers/build/Batuta.Analyzers.Inject.targets,
/// passed as CustomAfterMicrosoftCommonTargets, so nothing in Directory.Build.* or the SDK changes.
/// Batuta's time is the Csc task with the rules, the peer's without: ratio = 1 / (1 + overhead).
/// Options: <c>--quick</c> (one run each), <c>--runs N</c>, <c>--project Name</c>, <c>--mode standard|relaxed|strict</c>,
/// <c>--list</c> (every location of every finding, not the first three).
/// After the table, the diagnostics the "on" build reported are counted per rule (what fires on the repo today).
/// </summary>
public sealed partial class AnalyzerPeers : IPeerArea
{
    public string Name => "analyzers";

    public string Description => "compile time of src/ with and without the BATQ rules (ReportAnalyzer)";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var root = context.RepositoryRoot;
        int runs = context.Option("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : context.Quick ? 1 : 3;
        string mode = context.Option("--mode") ?? "standard";
        var inject = Path.Combine(root, "analyzers", "Batuta.Analyzers", "build", "Batuta.Analyzers.Inject.targets");

        context.Log.WriteLine("building analyzers/Batuta.Analyzers (Release)");
        var build = Dotnet(root, "build", "analyzers/Batuta.Analyzers/Batuta.Analyzers.csproj", "-c", "Release", "-nr:false", "--disable-build-servers");
        if (build.ExitCode != 0) throw new InvalidOperationException("could not build the analyzers:\n" + build.Output);

        var projects = Directory.GetDirectories(Path.Combine(root, "src"))
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists)
            .Where(p => context.Option("--project") is not { } only || Path.GetFileNameWithoutExtension(p) == only)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        context.Log.WriteLine($"src/: {CountLines(Path.Combine(root, "src")):N0} lines of C# in {projects.Count} projects");

        var rows = new List<PeerRow>();
        var findings = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        double totalOn = 0, totalOff = 0, totalRules = 0;
        foreach (var project in projects)
        {
            string name = Path.GetFileNameWithoutExtension(project);
            context.Log.WriteLine($"{name}: building references");
            var warm = Dotnet(root, "build", project, "-c", "Release", "-nr:false", "--disable-build-servers", "-p:TreatWarningsAsErrors=false");
            if (warm.ExitCode != 0)
            {
                context.Log.WriteLine($"{name}: skipped, it does not build now:\n{Tail(warm.Output)}");
                continue;
            }

            var on = new List<Sample>();
            var off = new List<Sample>();
            for (int i = 0; i < runs; i++)
            {
                // Alternate, so drift in machine load hits both sides alike.
                on.Add(Compile(root, project, inject, "on", mode, findings));
                off.Add(Compile(root, project, inject, "off", mode, null));
            }
            double onMs = Median(on.Select(s => s.CscMs));
            double offMs = Median(off.Select(s => s.CscMs));
            double rulesMs = Median(on.Select(s => s.BatutaAnalyzerMs));
            totalOn += onMs;
            totalOff += offMs;
            totalRules += rulesMs;
            rows.Add(new PeerRow(name, TimeSpan.FromMilliseconds(onMs), TimeSpan.FromMilliseconds(offMs),
                $"BATQ rules {rulesMs.ToString("0", CultureInfo.InvariantCulture)} ms = {Percent(rulesMs, offMs)} of the compile"));
            context.Log.WriteLine($"{name}: Csc {onMs:0} ms with rules, {offMs:0} ms without, rules' own time {rulesMs:0} ms");
        }

        rows.Add(new PeerRow("all src/ projects", TimeSpan.FromMilliseconds(totalOn), TimeSpan.FromMilliseconds(totalOff),
            $"BATQ rules {totalRules.ToString("0", CultureInfo.InvariantCulture)} ms = {Percent(totalRules, totalOff)} of the compile (ReportAnalyzer)"));
        yield return new PeerTable($"Csc time, rules on ({mode}) vs off, median of {runs}", "same build without Batuta analyzers", rows);

        Console.Out.WriteLine($"### Diagnostics the rules report on src/ today ({mode} preset)");
        Console.Out.WriteLine();
        Console.Out.WriteLine("| rule | count | first locations |");
        Console.Out.WriteLine("|---|---:|---|");
        bool all = context.HasFlag("--list");
        foreach (var (id, where) in findings)
            Console.Out.WriteLine($"| {id} | {where.Count} | {string.Join("; ", all ? where : where.Take(3))} |");
        if (findings.Count == 0) Console.Out.WriteLine("| (none) | 0 | |");
        Console.Out.WriteLine();
    }

    private sealed record Sample(double CscMs, double BatutaAnalyzerMs);

    private static Sample Compile(string root, string project, string inject, string state, string mode, SortedDictionary<string, SortedSet<string>>? findings)
    {
        var result = Dotnet(root, "msbuild", project, "-t:Rebuild", "-p:Configuration=Release", "-p:BuildProjectReferences=false",
            "-nr:false", "-p:ReportAnalyzer=true", "-p:TreatWarningsAsErrors=false", "-v:d", "-clp:PerformanceSummary",
            "-p:CustomAfterMicrosoftCommonTargets=" + inject, "-p:BatutaAnalyzers=" + state, "-p:BatutaJidokaMode=" + mode);
        if (result.ExitCode != 0) throw new InvalidOperationException($"rebuild of {project} failed:\n{Tail(result.Output)}");

        var csc = CscLine().Match(result.Output);
        if (!csc.Success) throw new InvalidOperationException($"no Csc time in the performance summary of {project}");
        double rules = 0;
        if (BatutaLine().Match(result.Output) is { Success: true } m)
            rules = m.Groups[1].Value.StartsWith('<') ? 0 : double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
        else if (state == "on")
            throw new InvalidOperationException($"ReportAnalyzer printed no Batuta.Analyzers line for {project}: the injection did not work");

        if (findings is not null)
        {
            foreach (Match d in DiagnosticLine().Matches(result.Output))
            {
                var id = d.Groups["id"].Value;
                if (!findings.TryGetValue(id, out var set)) findings[id] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(Path.GetRelativePath(root, d.Groups["file"].Value) + ":" + d.Groups["line"].Value);
            }
        }
        return new Sample(double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture), rules);
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + error.Result);
    }

    private static long CountLines(string folder) => Directory
        .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Sum(f => (long)File.ReadLines(f).Count());

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static string Percent(double part, double whole)
        => whole <= 0 ? "n/a" : (part / whole).ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];

    [GeneratedRegex(@"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscLine();

    [GeneratedRegex(@"^\s*(<?[\d.]+)\s+<?\d+\s+Batuta\.Analyzers, Version=", RegexOptions.Multiline)]
    private static partial Regex BatutaLine();

    [GeneratedRegex(@"(?<file>/[^\s(]+\.cs)\((?<line>\d+),\d+\): (?:warning|error|info) (?<id>BATQ\d{3})")]
    private static partial Regex DiagnosticLine();
}
