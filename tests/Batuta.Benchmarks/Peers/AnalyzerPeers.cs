using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Batuta.Benchmarks.Harness;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers analyzers</c>: the compile-time cost of Batuta's quality gates on this repository's <c>src/</c>.
/// For each project: one MSBuild rebuild with the rules switched on (analyzers/Batuta.Analyzers/build/
/// Batuta.Analyzers.Inject.targets, passed as CustomAfterMicrosoftCommonTargets, so nothing in Directory.Build.* or
/// the SDK changes) yields the exact compiler command line and the diagnostics. Then that command is run directly,
/// alternately with the rules (Batuta) and with the Batuta <c>/analyzer</c> and preset <c>/analyzerconfig</c> removed
/// (the peer), under <c>/usr/bin/time</c>. The figures are the compiler's CPU time (user + system), which, unlike wall
/// time, hardly moves when other builds share the machine (best of N: contention only ever adds); wall time and
/// ReportAnalyzer's share (medians) are in the note.
/// Options: <c>--quick</c> (one run each), <c>--runs N</c>, <c>--project Name</c>, <c>--mode standard|relaxed|strict</c>,
/// <c>--list</c> (every location of every finding, not the first three).
/// </summary>
public sealed partial class AnalyzerPeers : IPeerArea
{
    public string Name => "analyzers";

    public string Description => "compiler CPU time on src/ with and without the BATQ rules (+ ReportAnalyzer)";

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
            .Where(p => context.Option("--project") is not { } only || only.Split(',').Contains(Path.GetFileNameWithoutExtension(p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        context.Log.WriteLine($"src/: {CountLines(Path.Combine(root, "src")):N0} lines of C# in {projects.Count} projects");

        var rows = new List<PeerRow>();
        var findings = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        double cpuOn = 0, cpuOff = 0, wallOn = 0, wallOff = 0, rulesTotal = 0;
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
            try
            {
                using var command = CompilerCommand(root, project, inject, mode, findings);
                for (int i = 0; i < runs; i++)
                {
                    // Alternate the order, so a trend in machine load hits both sides alike.
                    if (i % 2 == 0) { on.Add(command.Run(withRules: true)); off.Add(command.Run(withRules: false)); }
                    else { off.Add(command.Run(withRules: false)); on.Add(command.Run(withRules: true)); }
                }
            }
            catch (InvalidOperationException e)
            {
                // Sources edited between the capture and the runs break the captured command: report and move on.
                context.Log.WriteLine($"{name}: skipped, {e.Message}");
                continue;
            }

            var m = (CpuOn: on.Min(x => x.CpuMs), CpuOff: off.Min(x => x.CpuMs),
                WallOn: Median(on.Select(x => x.WallMs)), WallOff: Median(off.Select(x => x.WallMs)), Rules: Median(on.Select(x => x.BatutaAnalyzerMs)));
            cpuOn += m.CpuOn; cpuOff += m.CpuOff; wallOn += m.WallOn; wallOff += m.WallOff; rulesTotal += m.Rules;
            rows.Add(new PeerRow(name, TimeSpan.FromMilliseconds(m.CpuOn), TimeSpan.FromMilliseconds(m.CpuOff), Note(m.CpuOn, m.CpuOff, m.WallOn, m.WallOff, m.Rules)));
            context.Log.WriteLine($"{name}: compiler CPU {m.CpuOn:0} ms with rules, {m.CpuOff:0} ms without (medians {Median(on.Select(x => x.CpuMs)):0} / {Median(off.Select(x => x.CpuMs)):0} ms); wall {m.WallOn:0} / {m.WallOff:0} ms; ReportAnalyzer {m.Rules:0} ms");
        }

        rows.Add(new PeerRow("all src/ projects", TimeSpan.FromMilliseconds(cpuOn), TimeSpan.FromMilliseconds(cpuOff), Note(cpuOn, cpuOff, wallOn, wallOff, rulesTotal)));
        yield return new PeerTable($"Compiler CPU time (user+sys, best of {runs}: contention only adds), rules on ({mode}) vs off; wall and ReportAnalyzer: median", "the same csc command without Batuta's analyzer and preset", rows);

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

    private static string Note(double cpuOn, double cpuOff, double wallOn, double wallOff, double rules)
    {
        var ci = CultureInfo.InvariantCulture;
        return $"CPU +{Percent(cpuOn - cpuOff, cpuOff)}; wall {(wallOn / 1000).ToString("0.00", ci)} s vs {(wallOff / 1000).ToString("0.00", ci)} s; " +
               $"ReportAnalyzer: BATQ {rules.ToString("0", ci)} ms = {Percent(rules, wallOff)} of the wall time without";
    }

    private sealed record Sample(double CpuMs, double WallMs, double BatutaAnalyzerMs);

    /// <summary>Rebuilds once with the rules on (MSBuild, detailed log) to get the compiler command line and the findings.</summary>
    private static CompilerRun CompilerCommand(string root, string project, string inject, string mode, SortedDictionary<string, SortedSet<string>> findings)
    {
        var result = Dotnet(root, "msbuild", project, "-t:Rebuild", "-p:Configuration=Release", "-p:BuildProjectReferences=false",
            "-nr:false", "-p:ReportAnalyzer=true", "-p:TreatWarningsAsErrors=false", "-v:d",
            "-p:CustomAfterMicrosoftCommonTargets=" + inject, "-p:BatutaAnalyzers=on", "-p:BatutaJidokaMode=" + mode);
        if (result.ExitCode != 0) throw new InvalidOperationException($"rebuild of {project} failed:\n{Tail(result.Output)}");
        foreach (Match d in DiagnosticLine().Matches(result.Output))
        {
            var id = d.Groups["id"].Value;
            if (!findings.TryGetValue(id, out var set)) findings[id] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(Path.GetRelativePath(root, d.Groups["file"].Value) + ":" + d.Groups["line"].Value);
        }
        var line = result.Output.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Contains("/csc ", StringComparison.Ordinal) && l.Contains(" /out:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no compiler command line in the detailed log of {project}");
        var tokens = CommandLine.Split(line);
        if (!tokens.Any(t => t.Contains("Batuta.Analyzers.dll", StringComparison.Ordinal)))
            throw new InvalidOperationException($"the compiler command for {project} has no Batuta analyzer: the injection did not work");
        return new CompilerRun(Path.GetDirectoryName(project)!, tokens[0], tokens.Skip(1).ToList());
    }

    /// <summary>One project's compiler command, run directly with or without Batuta's analyzer; outputs go to a temp folder.</summary>
    private sealed class CompilerRun : IDisposable
    {
        private readonly string _directory;
        private readonly string _compiler;
        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "batuta-analyzer-peers-" + Guid.NewGuid().ToString("N")[..8]);
        private readonly string _withRules;
        private readonly string _withoutRules;

        public CompilerRun(string directory, string compiler, List<string> arguments)
        {
            _directory = directory;
            _compiler = compiler;
            Directory.CreateDirectory(_scratch);
            var redirected = arguments.Select(Redirect).ToList();
            _withRules = Path.Combine(_scratch, "on.rsp");
            _withoutRules = Path.Combine(_scratch, "off.rsp");
            File.WriteAllLines(_withRules, redirected);
            File.WriteAllLines(_withoutRules, redirected.Where(a => !IsBatuta(a)));
        }

        private string Redirect(string argument)
        {
            foreach (var option in new[] { "/out:", "/refout:", "/doc:", "/pdb:", "/errorlog:", "/generatedfilesout:" })
                if (argument.StartsWith(option, StringComparison.Ordinal))
                    return option + Path.Combine(_scratch, option.Trim('/', ':') + Path.GetExtension(argument.Trim('"')));
            return argument;
        }

        private static bool IsBatuta(string argument)
            => (argument.StartsWith("/analyzer:", StringComparison.Ordinal) && argument.Contains("Batuta.Analyzers", StringComparison.Ordinal))
            || (argument.StartsWith("/analyzerconfig:", StringComparison.Ordinal) && Path.GetFileName(argument.Trim('"')).StartsWith("batuta.", StringComparison.Ordinal));

        public Sample Run(bool withRules)
        {
            if (!File.Exists("/usr/bin/time")) throw new InvalidOperationException("/usr/bin/time is missing: apt-get install -y time");
            var times = Path.Combine(_scratch, "time.txt");
            var psi = new ProcessStartInfo("/usr/bin/time")
            {
                WorkingDirectory = _directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-f", "%e %U %S", "-o", times, _compiler, "@" + (withRules ? _withRules : _withoutRules) }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var error = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                var errors = (output + error.Result).Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Take(10);
                throw new InvalidOperationException($"the compiler failed in {_directory}:\n{string.Join("\n", errors)}");
            }
            var parts = File.ReadAllText(times).Trim().Split('\n').Last().Split(' ');
            double wall = double.Parse(parts[0], CultureInfo.InvariantCulture) * 1000;
            double cpu = (double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture)) * 1000;
            double rules = 0;
            if (withRules)
            {
                var m = BatutaLine().Match(output);
                if (!m.Success) throw new InvalidOperationException("the compiler printed no ReportAnalyzer line for Batuta.Analyzers");
                rules = m.Groups[1].Value.StartsWith('<') ? 0 : double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
            }
            return new Sample(cpu, wall, rules);
        }

        public void Dispose()
        {
            try { Directory.Delete(_scratch, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>Splits a logged command line the way the compiler splits one: spaces separate, double quotes group.</summary>
    private static class CommandLine
    {
        public static List<string> Split(string line)
        {
            var tokens = new List<string>();
            var current = new System.Text.StringBuilder();
            bool quoted = false;
            foreach (char c in line)
            {
                if (c == '"') quoted = !quoted;
                if (c == ' ' && !quoted)
                {
                    if (current.Length > 0) tokens.Add(current.ToString());
                    current.Clear();
                    continue;
                }
                current.Append(c);
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            return tokens;
        }
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

    [GeneratedRegex(@"^\s*(<?[\d.]+)\s+<?\d+\s+Batuta\.Analyzers, Version=", RegexOptions.Multiline)]
    private static partial Regex BatutaLine();

    [GeneratedRegex(@"(?<file>/[^\s(]+\.cs)\((?<line>\d+),\d+\): (?:warning|error|info) (?<id>BATQ\d{3})")]
    private static partial Regex DiagnosticLine();
}
