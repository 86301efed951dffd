using System.Diagnostics;
using System.Globalization;
using Batuta.Benchmarks.Harness;
using Batuta.Python;
using Batuta.Transpiler;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers transpiler-fuzz</c>: the parser's mutated stdlib corpus (the inputs of <c>peers parser-fuzz</c>, same
/// mutator, same seed) through Batuta.Python and then the transpiler. Unsupported constructs and broken sources
/// must come back as diagnostics: an exception escaping, a BATUTA-T-099 (the transpiler catching its own
/// failure) or an input over the time limit counts against it. The peer column is the parser alone on the
/// same inputs, so the ratio is the share of the time spent parsing.
/// </summary>
public sealed class ParserTranspilerFuzzPeers : IPeerArea
{
    public string Name => "transpiler-fuzz";

    public string Description => "parser's mutated stdlib corpus through parser + transpiler: no exception, no internal error, no hang";

    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        // --file PATH: one file through parser + transpiler, timed, with the transpiler's error diagnostics (to reproduce a saved input).
        string? single = context.Option("--file");
        if (single is not null)
        {
            var sw = Stopwatch.StartNew();
            var r = Transpile(File.ReadAllBytes(single));
            context.Log.WriteLine($"{single}: {sw.Elapsed.TotalMilliseconds:F0} ms, {r.Files.Count} files");
            foreach (var d in r.Diagnostics.Where(d => d.Severity == TranspilerSeverity.Error || d.Code == TranspilerCodes.Internal)) context.Log.WriteLine($"  {d.Code} line {d.Line}: {d.Message}");
            yield break;
        }
        int count = int.Parse(context.Option("--count") ?? (context.Quick ? "2000" : "20000"), CultureInfo.InvariantCulture);
        int seed = int.Parse(context.Option("--seed") ?? "20251125", CultureInfo.InvariantCulture);
        var corpus = ParserCorpus.Load().Where(f => f.Data.Length < 16_000).ToList();
        var mutator = new FuzzMutator(seed);
        var random = new Random(seed);
        var log = context.Log;
        string? saveDir = context.Option("--save");
        if (saveDir is not null) Directory.CreateDirectory(saveDir);

        int crashes = 0, internalErrors = 0, hangs = 0, parsed = 0, rejected = 0, unsupported = 0, withFiles = 0;
        var slowest = TimeSpan.Zero;
        var parseOnly = new Stopwatch();
        var total = new Stopwatch();
        var firstFailures = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var input = mutator.Mutate(corpus[random.Next(corpus.Count)].Data);
            parseOnly.Start();
            PythonParser.Parse(input, "fuzz.py"); // the parser alone (bytes: the coding cookie honoured)
            parseOnly.Stop();
            var sw = Stopwatch.StartNew();
            total.Start();
            string? failure = null;
            try
            {
                var r = Transpile(input);
                if (r.Diagnostics.Any(d => d.Code == TranspilerCodes.SyntaxError)) rejected++;
                else parsed++;
                if (r.Diagnostics.Any(d => d.Code == TranspilerCodes.Unsupported)) unsupported++;
                if (r.Files.Count > 0) withFiles++;
                var internalError = r.Diagnostics.FirstOrDefault(d => d.Code == TranspilerCodes.Internal);
                if (internalError is not null)
                {
                    internalErrors++;
                    failure = $"input {i}: {internalError.Message}";
                }
            }
            catch (Exception e)
            {
                crashes++;
                failure = $"input {i}: CRASH {e.GetType().Name}: {e.Message}";
            }
            total.Stop();
            sw.Stop();
            if (sw.Elapsed > slowest) slowest = sw.Elapsed;
            if (sw.Elapsed > HangLimit)
            {
                hangs++;
                failure ??= $"input {i}: HANG {sw.Elapsed}";
            }
            if (failure is not null)
            {
                if (firstFailures.Count < 25) firstFailures.Add(failure);
                if (saveDir is not null) File.WriteAllBytes(Path.Combine(saveDir, $"input{i}.py"), input);
            }
            if ((i + 1) % 5000 == 0 || i + 1 == count)
                log.WriteLine($"  {i + 1}/{count} inputs: {crashes} exceptions, {internalErrors} internal errors, {hangs} hangs");
        }
        log.WriteLine($"inputs: {count} (seed {seed}); parsed {parsed}, rejected by the parser {rejected}; with BATUTA-T-004 (unsupported) {unsupported}; C# produced for {withFiles}");
        log.WriteLine($"exceptions {crashes}; internal errors (BATUTA-T-099) {internalErrors}; hangs (> {HangLimit.TotalSeconds:F0} s) {hangs}; slowest input {slowest.TotalMilliseconds:F0} ms; total {total.Elapsed.TotalSeconds:F1} s");
        if (firstFailures.Count > 0) log.WriteLine("first failures:\n  " + string.Join("\n  ", firstFailures));
        var rows = new List<PeerRow>
        {
            new($"{count} mutated inputs: {crashes} exceptions, {internalErrors} internal errors, {hangs} hangs", total.Elapsed, parseOnly.Elapsed,
                $"{parsed} parsed ({unsupported} with unsupported constructs), {rejected} rejected"),
        };
        yield return new PeerTable("Fuzzing the transpiler with the parser's mutated corpus (times: parser + transpiler vs parser alone)", "Batuta.Python alone", rows);
    }

    /// <summary>As the Transpilation phase does: File.ReadAllText's decoding (UTF-8, BOM detection), then parser + transpiler.</summary>
    internal static TranspileResult Transpile(byte[] input)
    {
        string text;
        using (var reader = new StreamReader(new MemoryStream(input), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true)) text = reader.ReadToEnd();
        return PythonTranspiler.Transpile(new[] { ("fuzz.py", text) }, new TranspileOptions { EntryModule = "fuzz.py", RootNamespace = "Fuzz" });
    }
}
