using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Batuta.Benchmarks.Harness;
using Batuta.Tensors;
using Batuta.Tensors.Backends;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers kernels</c>: code the [Kernel] generator wrote from scalar methods, against the same
/// math written by hand as TensorPrimitives calls (one call where TensorPrimitives has the fused
/// operation, else the composed chain a developer would write) and against the plain scalar loop.
/// Float32, one thread (like TensorPrimitives), same arrays, at 1K, 100K and 1M elements.
/// </summary>
/// <remarks>
/// The generated path is timed through the public span entry point, so the backend selector's
/// per-call dispatch is included. A last table prices the generator itself: samples/Kernels is
/// compiled by its exact compiler command with the generator, and without it but with the
/// generated files added as plain sources, alternately, under /usr/bin/time (CPU time, best of N);
/// ReportAnalyzer's figure for the generator is in the note. That part needs Batuta.Sdk packed
/// (<c>./build.sh pack</c>). Options: <c>--quick</c>, <c>--runs N</c>, <c>--no-compile</c>.
/// </remarks>
public sealed partial class KernelPeers : IPeerArea
{
    public string Name => "kernels";

    public string Description => "[Kernel]-generated SIMD vs hand-written TensorPrimitives chains and the scalar loop (saxpy, polynomial, clamp, distance, Black-Scholes)";

    private static readonly int[] Sizes = [1_000, 100_000, 1_000_000];

    // p(x) = 0.5x^5 - 1.25x^4 + 2x^3 - 0.75x^2 + 3x - 1 (Horner form).
    private const float C5 = 0.5f, C4 = -1.25f, C3 = 2f, C2 = -0.75f, C1 = 3f, C0 = -1f;

    [Kernel]
    public static partial float Saxpy(float a, float x, float y) => a * x + y;

    [Kernel]
    public static partial float Polynomial(float x) => ((((C5 * x + C4) * x + C3) * x + C2) * x + C1) * x + C0;

    [Kernel]
    public static partial float Relu6(float x) => Math.Clamp(x, 0f, 6f);

    [Kernel(Reduce = KernelReduction.Sum)]
    public static partial float SquaredDistance(float x, float y)
    {
        float d = x - y;
        return d * d;
    }

    [Kernel]
    public static partial float NormalCdf(float x)
    {
        // Abramowitz and Stegun 26.2.17 (|error| < 7.5e-8).
        float k = 1f / (1f + 0.2316419f * MathF.Abs(x));
        float poly = k * (0.319381530f + k * (-0.356563782f + k * (1.781477937f + k * (-1.821255978f + k * 1.330274429f))));
        float tail = 0.3989422804f * MathF.Exp(-0.5f * x * x) * poly;
        return x >= 0f ? 1f - tail : tail;
    }

    [Kernel]
    public static partial float BlackScholesCall(float spot, float strike, float years, float rate, float volatility)
    {
        float root = volatility * MathF.Sqrt(years);
        float d1 = (MathF.Log(spot / strike) + (rate + 0.5f * volatility * volatility) * years) / root;
        float d2 = d1 - root;
        return spot * NormalCdf(d1) - strike * MathF.Exp(-rate * years) * NormalCdf(d2);
    }

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        bool quick = context.Quick;
        context.Log.WriteLine($"  SIMD width: {SimdWidth.HardwareBits} bits; generated operators vectorised: saxpy {SaxpyOperator.Vectorizable}, polynomial {PolynomialOperator.Vectorizable}, relu6 {Relu6Operator.Vectorizable}, distance {SquaredDistanceOperator.Vectorizable}, black-scholes {BlackScholesCallOperator.Vectorizable}");
        var versusPrimitives = new List<PeerRow>();
        var versusScalar = new List<PeerRow>();
        foreach (int n in Sizes)
        {
            var rng = new Random(1);
            var x = Fill(rng, n, -2, 2);
            var y = Fill(rng, n, -2, 2);
            var d = new float[n];
            var spot = Fill(rng, n, 50, 150);
            var strike = Fill(rng, n, 50, 150);
            var years = Fill(rng, n, 0.1f, 2f);
            int reps = n < 10_000 ? 1000 : 1;
            string size = Size(n) + (reps > 1 ? $" (×{reps} calls)" : "");
            const float a = 1.5f;

            TimeSpan Time(Action body) => Measure.Median(Repeat(body, reps), quick);

            var saxpy = Time(() => Saxpy(a, x, y, d));
            var saxpyFused = Time(() => TensorPrimitives.MultiplyAdd(x, a, y, d));
            var saxpyComposed = Time(() =>
            {
                TensorPrimitives.Multiply(x, a, d);
                TensorPrimitives.Add(d, y, d);
            });
            var saxpyScalar = Time(() => ScalarSaxpy(a, x, y, d));

            // BLAS saxpy proper: y <- a*x + y in place (two streams instead of three).
            var yInPlace = (float[])y.Clone();
            var axpy = Time(() => Saxpy(a, x, yInPlace, yInPlace));
            var axpyFused = Time(() => TensorPrimitives.MultiplyAdd(x, a, yInPlace, yInPlace));
            var axpyScalar = Time(() => ScalarSaxpy(a, x, yInPlace, yInPlace));

            var poly = Time(() => Polynomial(x, d));
            var polyComposed = Time(() =>
            {
                TensorPrimitives.Multiply(x, C5, d);
                TensorPrimitives.Add(d, C4, d);
                TensorPrimitives.MultiplyAdd(d, x, C3, d);
                TensorPrimitives.MultiplyAdd(d, x, C2, d);
                TensorPrimitives.MultiplyAdd(d, x, C1, d);
                TensorPrimitives.MultiplyAdd(d, x, C0, d);
            });
            var polyScalar = Time(() => ScalarPolynomial(x, d));

            var relu6 = Time(() => Relu6(x, d));
            var relu6Primitives = Time(() => TensorPrimitives.Clamp(x, 0f, 6f, d));
            var relu6Scalar = Time(() => ScalarRelu6(x, d));

            var distance = Time(() => Sink(MathF.Sqrt(SquaredDistance(x, y))));
            var distancePrimitives = Time(() => Sink(TensorPrimitives.Distance(x, y)));
            var distanceScalar = Time(() => Sink(MathF.Sqrt(ScalarSquaredDistance(x, y))));

            var bs = Time(() => BlackScholesCall(spot, strike, years, 0.03f, 0.25f, d));
            var bsScalar = Time(() => ScalarBlackScholes(spot, strike, years, 0.03f, 0.25f, d));

            versusPrimitives.Add(new PeerRow($"saxpy {size}", saxpy, saxpyFused, "TensorPrimitives.MultiplyAdd (one fused call)"));
            versusPrimitives.Add(new PeerRow($"saxpy {size}", saxpy, saxpyComposed, "TensorPrimitives.Multiply + Add (composed)"));
            versusPrimitives.Add(new PeerRow($"saxpy in place (y ← a·x + y) {size}", axpy, axpyFused, "TensorPrimitives.MultiplyAdd (one fused call, in place)"));
            versusPrimitives.Add(new PeerRow($"polynomial (degree 5) {size}", poly, polyComposed, "Multiply, Add, 4 × MultiplyAdd (composed Horner)"));
            versusPrimitives.Add(new PeerRow($"relu6 (clamp) {size}", relu6, relu6Primitives, "TensorPrimitives.Clamp (one call)"));
            versusPrimitives.Add(new PeerRow($"distance {size}", distance, distancePrimitives, "TensorPrimitives.Distance (one call)"));

            versusScalar.Add(new PeerRow($"saxpy {size}", saxpy, saxpyScalar));
            versusScalar.Add(new PeerRow($"saxpy in place (y ← a·x + y) {size}", axpy, axpyScalar));
            versusScalar.Add(new PeerRow($"polynomial (degree 5) {size}", poly, polyScalar));
            versusScalar.Add(new PeerRow($"relu6 (clamp) {size}", relu6, relu6Scalar));
            versusScalar.Add(new PeerRow($"distance {size}", distance, distanceScalar));
            versusScalar.Add(new PeerRow($"black-scholes call {size}", bs, bsScalar));
            context.Log.WriteLine($"  {Size(n)}: saxpy {PeerTable.Format(saxpy)} (TP {PeerTable.Format(saxpyFused)}, scalar {PeerTable.Format(saxpyScalar)}), polynomial {PeerTable.Format(poly)} (TP {PeerTable.Format(polyComposed)}, scalar {PeerTable.Format(polyScalar)})");
        }
        yield return new PeerTable("[Kernel]-generated SIMD vs hand-written TensorPrimitives 10.0 (float32, one thread, same arrays)", "System.Numerics.Tensors.TensorPrimitives", versusPrimitives);
        yield return new PeerTable("[Kernel]-generated SIMD vs the scalar loop over the same [Kernel] method (float32, one thread)", "scalar loop", versusScalar);

        if (!context.HasFlag("--no-compile"))
            yield return CompileCost(context);
    }

    /// <summary>The compile-time price of the generator on samples/Kernels (see the remarks).</summary>
    private static PeerTable CompileCost(PeerContext context)
    {
        int runs = context.Option("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : context.Quick ? 1 : 5;
        string sample = Path.Combine(context.RepositoryRoot, "samples", "Kernels");
        context.Log.WriteLine("  samples/Kernels: one detailed rebuild for the compiler command (needs ./build.sh pack)");
        var build = Run(context.RepositoryRoot, "dotnet", ["build", sample, "-c", "Release", "--no-incremental", "-nr:false", "--disable-build-servers", "-p:ReportAnalyzer=true", "-v:d", "-tl:off"]);
        if (build.ExitCode != 0) throw new InvalidOperationException("samples/Kernels does not build (pack Batuta.Sdk first: ./build.sh pack):\n" + string.Join("\n", build.Output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(10)));
        var line = build.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("/csc ", StringComparison.Ordinal) && l.Contains(" /out:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("no compiler command in the detailed build log of samples/Kernels");
        var tokens = SplitCommandLine(line);
        string scratch = Path.Combine(Path.GetTempPath(), "batuta-kernel-peers-" + Guid.NewGuid().ToString("N")[..8]);
        string generated = Path.Combine(scratch, "generated");
        try
        {
            Directory.CreateDirectory(Path.Combine(generated, "Batuta.Generators", "Batuta.Generators.Kernels.KernelGenerator"));
            Directory.CreateDirectory(Path.Combine(generated, "Batuta.Generators", "Batuta.Generators.Python.PythonSourceGenerator"));
            var arguments = tokens.Skip(1).Where(a => a != "/reportanalyzer").Select(a =>
                a.StartsWith("/out:", StringComparison.Ordinal) ? "/out:" + Path.Combine(scratch, "out.dll") :
                a.StartsWith("/refout:", StringComparison.Ordinal) ? "/refout:" + Path.Combine(scratch, "ref.dll") : a).ToList();
            string with = Path.Combine(scratch, "with.rsp"), without = Path.Combine(scratch, "without.rsp"), dump = Path.Combine(scratch, "dump.rsp");
            File.WriteAllLines(with, arguments.Append("/reportanalyzer"));
            File.WriteAllLines(dump, arguments.Append("/generatedfilesout:" + generated));
            Time(tokens[0], dump, sample);
            var files = Directory.GetFiles(Path.Combine(generated, "Batuta.Generators", "Batuta.Generators.Kernels.KernelGenerator"), "*.cs");
            long chars = files.Sum(f => new FileInfo(f).Length);
            File.WriteAllLines(without, arguments.Where(a => !(a.StartsWith("/analyzer:", StringComparison.Ordinal) && a.Contains("Batuta.Generators.dll", StringComparison.Ordinal))).Concat(files));
            var on = new List<(double Cpu, double Wall, double Generator)>();
            var off = new List<(double Cpu, double Wall, double Generator)>();
            for (int i = 0; i < runs; i++)
            {
                on.Add(Time(tokens[0], with, sample));
                off.Add(Time(tokens[0], without, sample));
                context.Log.WriteLine($"  compile {i + 1}/{runs}: CPU {on[^1].Cpu:0} ms with the generator ({on[^1].Generator:0} ms in it), {off[^1].Cpu:0} ms with its output as plain files");
            }
            double cpuOn = on.Min(x => x.Cpu), cpuOff = off.Min(x => x.Cpu);
            double wallOn = Median(on.Select(x => x.Wall)), wallOff = Median(off.Select(x => x.Wall)), generator = Median(on.Select(x => x.Generator));
            var ci = CultureInfo.InvariantCulture;
            string note = string.Create(ci, $"CPU {(cpuOn - cpuOff) / cpuOff:+0.0%;-0.0%}, wall {(wallOn - wallOff) / wallOff:+0.0%;-0.0%} (median {wallOn:0} vs {wallOff:0} ms); ReportAnalyzer: KernelGenerator {generator:0} ms = {generator / wallOn:0.0%} of the compile's wall time (median); {files.Length} generated files, {chars / 1024} KiB");
            var warm = WarmServer(tokens[0], with, sample, runs, context);
            string warmNote = string.Create(ci, $"ReportAnalyzer: KernelGenerator {warm.Generator:0} ms = {warm.Generator / warm.Wall:0.0%} of the compile's wall time (medians of {runs} after one warm-up compile)");
            return new PeerTable($"Compile time of samples/Kernels: its compiler command with the generator vs without it, the generated files added as sources (CPU best of {runs}); then through the compiler server",
                "the same csc command, generated output as plain files",
                [new PeerRow("samples/Kernels csc, cold process (CPU)", TimeSpan.FromMilliseconds(cpuOn), TimeSpan.FromMilliseconds(cpuOff), note),
                 new PeerRow("samples/Kernels csc /shared, warm server (wall)", TimeSpan.FromMilliseconds(warm.Wall), TimeSpan.FromMilliseconds(warm.Wall - warm.Generator), warmNote)]);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>
    /// The same compile through a private compiler server (what `dotnet build` uses unless
    /// UseSharedCompilation=false): one warm-up compile starts the server, then the median of the
    /// next <paramref name="runs"/>. The pipe name is private to this run; the server exits 10 s after the last compile. (The server's CPU time is not
    /// the client's, so only wall time is compared here.)
    /// </summary>
    private static (double Wall, double Generator) WarmServer(string compiler, string responseFile, string directory, int runs, PeerContext context)
    {
        string pipe = "batuta-peers-" + Guid.NewGuid().ToString("N")[..8];
        string[] server = ["/shared:" + pipe, "/keepalive:10"];
        Time(compiler, responseFile, directory, server);
        var samples = new List<(double Cpu, double Wall, double Generator)>();
        for (int i = 0; i < Math.Max(runs, 3); i++) samples.Add(Time(compiler, responseFile, directory, server));
        var wall = Median(samples.Select(x => x.Wall));
        var generator = Median(samples.Select(x => x.Generator));
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  compiler server: wall {wall:0} ms, KernelGenerator {generator:0} ms (median)"));
        return (wall, generator);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Runs the compiler on a response file under /usr/bin/time: CPU (user + system) and wall ms, and ReportAnalyzer's KernelGenerator ms.</summary>
    private static (double Cpu, double Wall, double Generator) Time(string compiler, string responseFile, string directory, string[]? options = null)
    {
        if (!File.Exists("/usr/bin/time")) throw new InvalidOperationException("/usr/bin/time is missing: apt-get install -y time");
        string times = responseFile + ".time";
        var result = Run(directory, "/usr/bin/time", ["-f", "%e %U %S", "-o", times, compiler, .. options ?? [], "@" + responseFile]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("the compiler failed:\n" + string.Join("\n", result.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Take(10)));
        var parts = File.ReadAllText(times).Trim().Split('\n').Last().Split(' ');
        double wall = double.Parse(parts[0], CultureInfo.InvariantCulture) * 1000;
        double cpu = (double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture)) * 1000;
        var m = GeneratorLine().Match(result.Output);
        double generator = m.Success && !m.Groups[1].Value.StartsWith('<') ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000 : 0;
        return (cpu, wall, generator);
    }

    [GeneratedRegex(@"^\s*(<?[0-9.]+)\s+\S+\s+Batuta\.Generators\.Kernels\.KernelGenerator", RegexOptions.Multiline)]
    private static partial Regex GeneratorLine();

    private static (int ExitCode, string Output) Run(string directory, string file, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["UseSharedCompilation"] = "false";
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + error.Result);
    }

    /// <summary>Splits a logged command line the way the compiler does: spaces separate, double quotes group.</summary>
    private static List<string> SplitCommandLine(string line)
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

    private static float[] Fill(Random rng, int n, float lo, float hi)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * rng.NextSingle();
        return a;
    }

    private static string Size(int n) => n >= 1_000_000 ? $"{n / 1_000_000}M" : $"{n / 1000}K";

    private static Action Repeat(Action body, int times) => times == 1 ? body : () =>
    {
        for (int i = 0; i < times; i++) body();
    };

    // The scalar loops call the very methods the generator compiled, element by element.
    private static void ScalarSaxpy(float a, float[] x, float[] y, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Saxpy(a, x[i], y[i]);
    }

    private static void ScalarPolynomial(float[] x, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Polynomial(x[i]);
    }

    private static void ScalarRelu6(float[] x, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = Relu6(x[i]);
    }

    private static float ScalarSquaredDistance(float[] x, float[] y)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++) sum += SquaredDistance(x[i], y[i]);
        return sum;
    }

    private static void ScalarBlackScholes(float[] s, float[] k, float[] t, float r, float v, float[] d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = BlackScholesCall(s[i], k[i], t[i], r, v);
    }

    private static float _sink;

    private static void Sink(float v) => _sink += v;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"kernels ({_sink})");
}
