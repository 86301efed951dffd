using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Batuta.Benchmarks.Harness;
using Batuta.Python;
using Batuta.Python.Ast;
using Batuta.Python.Metrics;
using Batuta.Python.Semantics;
using Batuta.Python.Symbols;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers parser</c>: Batuta.Python against CPython 3.11's own parser over the whole standard library and
/// test suite (/usr/lib/python3.11, about 1650 files, 30 MB), warm, in one run.
/// </summary>
public sealed class ParserPeers : IPeerArea
{
    public string Name => "parser";

    public string Description => "Python front-end throughput vs CPython ast.parse/symtable over the whole stdlib (MB/s)";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var corpus = ParserCorpus.Load();
        long bytes = corpus.Sum(f => (long)f.Data.Length);
        int rounds = context.Quick ? 2 : 5;
        context.Log.WriteLine($"corpus: {corpus.Count} files, {bytes / 1e6:F1} MB; {rounds} timed rounds after warm-up");

        var parse = TimeRounds(rounds, () =>
        {
            foreach (var f in corpus) PythonParser.Parse(f.Data, f.Path);
        });
        var parseDump = TimeRounds(rounds, () =>
        {
            foreach (var f in corpus)
            {
                var r = PythonParser.Parse(f.Data, f.Path);
                if (r.Success) AstDump.Dump(r.Module!);
            }
        });
        var symtable = TimeRounds(rounds, () =>
        {
            foreach (var f in corpus)
            {
                var r = PythonParser.Parse(f.Data, f.Path);
                if (r.Success) SymbolTableBuilder.Build(r);
            }
        });

        var peer = ParseCPythonTimes(PythonPeer.Run(CPythonScript, new[] { rounds.ToString(CultureInfo.InvariantCulture) }, stdin: string.Join("\n", corpus.Select(f => f.Path))));
        var rows = new List<PeerRow>
        {
            Row("parse whole stdlib (ast.parse)", parse, peer["parse"], bytes),
            Row("parse + ast.dump", parseDump, peer["parse_dump"], bytes),
            Row("parse + symbol tables (symtable.symtable)", symtable, peer["symtable"], bytes),
        };
        yield return new PeerTable($"Python front-end, {corpus.Count} files / {bytes / 1e6:F1} MB, median of {rounds} warm rounds", "CPython 3.11 ast/symtable", rows);
    }

    private static PeerRow Row(string name, TimeSpan ours, TimeSpan theirs, long bytes) =>
        new(name, ours, theirs, string.Format(CultureInfo.InvariantCulture, "{0:F1} MB/s vs {1:F1} MB/s", bytes / ours.TotalSeconds / 1e6, bytes / theirs.TotalSeconds / 1e6));

    /// <summary>Whole-corpus rounds: three untimed rounds promote every parser method through tiered JIT, then the median round.</summary>
    internal static TimeSpan TimeRounds(int rounds, Action body)
    {
        for (int i = 0; i < 3; i++) body();
        var samples = new double[rounds];
        for (int i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            body();
            samples[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(samples);
        return TimeSpan.FromSeconds(samples[rounds / 2]);
    }

    private static Dictionary<string, TimeSpan> ParseCPythonTimes(string output)
    {
        var d = new Dictionary<string, TimeSpan>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            d[parts[0]] = TimeSpan.FromSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        return d;
    }

    private const string CPythonScript = @"
import ast, symtable, sys, time, warnings
warnings.simplefilter('ignore')
rounds = int(sys.argv[1])
paths = [p for p in sys.stdin.read().split('\n') if p]
datas = [open(p, 'rb').read() for p in paths]
def timed(body):
    body()
    samples = []
    for _ in range(rounds):
        t = time.perf_counter(); body(); samples.append(time.perf_counter() - t)
    samples.sort()
    return samples[len(samples) // 2]
def parse():
    for d in datas:
        try: ast.parse(d)
        except SyntaxError: pass
def parse_dump():
    for d in datas:
        try: ast.dump(ast.parse(d))
        except SyntaxError: pass
def tables():
    for d, p in zip(datas, paths):
        try: symtable.symtable(d, p, 'exec')
        except SyntaxError: pass
print('parse', timed(parse))
print('parse_dump', timed(parse_dump))
print('symtable', timed(tables))
";
}

/// <summary>
/// <c>peers parser-parity</c>: the full differential sweep over every .py under /usr/lib/python3.11 (test suite
/// included): ast.dump with positions, rejection lines, symbol tables and compile() errors, each against CPython.
/// </summary>
public sealed class ParserParityPeers : IPeerArea
{
    public string Name => "parser-parity";

    public string Description => "full CPython parity sweep: ast.dump (with positions), rejections, symtable, compile()";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var corpus = ParserCorpus.Load();
        var paths = corpus.Select(f => f.Path).ToList();
        var log = context.Log;
        var rows = new List<PeerRow>();

        // ast.parse + ast.dump(include_attributes=True): node shapes, values and every span.
        var py = Stopwatch.StartNew();
        var oracle = ParserOracle.Ask("dump-attrs", paths);
        py.Stop();
        var ours = Stopwatch.StartNew();
        int accepted = 0, same = 0, rejected = 0, sameLine = 0, sameMessage = 0;
        var mismatches = new List<string>();
        for (int i = 0; i < corpus.Count; i++)
        {
            var r = PythonParser.Parse(corpus[i].Data, corpus[i].Path);
            var o = oracle[i];
            if (o.Ok)
            {
                accepted++;
                if (r.Success && Sha1(AstDump.Dump(r.Module!, includeAttributes: true)) == o.Value) same++;
                else mismatches.Add($"{corpus[i].Path}: {(r.Success ? "ast.dump differs" : "rejected: " + r.Errors.First().Format())}");
            }
            else
            {
                rejected++;
                var first = r.Errors.FirstOrDefault();
                bool lineOk = first is not null && (first.Line == o.Line || (o.Line == 0 && first.Code == DiagnosticCodes.Encoding));
                if (lineOk)
                {
                    sameLine++;
                    if (first!.Message == o.Message) sameMessage++;
                }
                else mismatches.Add($"{corpus[i].Path}: CPython line {o.Line} '{o.Message}', ours {(first is null ? "accepted" : first.Format())}");
            }
        }
        ours.Stop();
        log.WriteLine($"ast.dump identical (positions included): {same}/{accepted} = {Percent(same, accepted)}");
        log.WriteLine($"rejected at the same line: {sameLine}/{rejected} = {Percent(sameLine, rejected)} (same message: {sameMessage}/{rejected})");
        rows.Add(new PeerRow($"ast.dump parity {same}/{accepted}, rejections same line {sameLine}/{rejected}", ours.Elapsed, py.Elapsed, Percent(same + sameLine, accepted + rejected)));

        // symtable: scopes and every name's flags/scope.
        py.Restart();
        var symOracle = ParserOracle.Ask("symtable", paths);
        py.Stop();
        ours.Restart();
        int symSame = 0;
        for (int i = 0; i < corpus.Count; i++)
        {
            var r = PythonParser.Parse(corpus[i].Data, corpus[i].Path);
            string mine = r.Success ? SymbolListing(SymbolTableBuilder.Build(r)) : "ERR " + r.Errors.First().Line;
            var o = symOracle[i];
            string theirs = o.Ok ? o.Value! : "ERR " + Math.Max(1, o.Line);
            if (mine.StartsWith("ERR", StringComparison.Ordinal) && o is { Ok: false, Line: 0 }) mine = "ERR 1";
            if (mine == theirs || (mine.StartsWith("ERR ", StringComparison.Ordinal) && theirs.StartsWith("ERR ", StringComparison.Ordinal) && mine.Split(' ')[1] == theirs.Split(' ')[1])) symSame++;
            else mismatches.Add($"{corpus[i].Path}: symbol tables differ");
        }
        ours.Stop();
        log.WriteLine($"symtable identical: {symSame}/{corpus.Count} = {Percent(symSame, corpus.Count)}");
        rows.Add(new PeerRow($"symtable parity {symSame}/{corpus.Count}", ours.Elapsed, py.Elapsed, Percent(symSame, corpus.Count)));

        // compile(): future imports, scope errors, 'return' outside function, ...
        py.Restart();
        var compOracle = ParserOracle.Ask("compile", paths);
        py.Stop();
        ours.Restart();
        int compSame = 0;
        for (int i = 0; i < corpus.Count; i++)
        {
            var errs = CompileChecks.Check(PythonParser.Parse(corpus[i].Data, corpus[i].Path));
            var o = compOracle[i];
            bool ok = o.Ok ? errs.Count == 0 : errs.Count > 0 && (errs[0].Line == o.Line || o.Line == 0);
            if (ok) compSame++;
            else mismatches.Add($"{corpus[i].Path}: compile() {(o.Ok ? "accepts" : "rejects at " + o.Line + " " + o.Message)}, ours {(errs.Count == 0 ? "accepts" : errs[0].Format())}");
        }
        ours.Stop();
        log.WriteLine($"compile() verdict and line identical: {compSame}/{corpus.Count} = {Percent(compSame, corpus.Count)}");
        rows.Add(new PeerRow($"compile() parity {compSame}/{corpus.Count}", ours.Elapsed, py.Elapsed, Percent(compSame, corpus.Count)));

        log.WriteLine(mismatches.Count == 0 ? "mismatches: none" : "mismatches:\n  " + string.Join("\n  ", mismatches));
        yield return new PeerTable($"CPython parity over {corpus.Count} files of /usr/lib/python3.11 (times: full sweep, oracle included for the peer)", "CPython 3.11", rows);
    }

    internal static string Percent(int a, int b) => b == 0 ? "n/a" : (100.0 * a / b).ToString("F2", CultureInfo.InvariantCulture) + "%";

    internal static string Sha1(string s) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();

    /// <summary>Scope headers and names sorted with CPython's packed flags, as the oracle lists them.</summary>
    internal static string SymbolListing(SymbolTableResult st)
    {
        if (!st.Success) return "ERR " + st.Diagnostics[0].Line;
        var sb = new StringBuilder();
        void Append(Scope s, int depth)
        {
            string kind = s.Kind switch { ScopeKind.Module => "module", ScopeKind.Class => "class", ScopeKind.Function => "function", _ => "annotation" };
            string pad = new(' ', 2 * depth);
            sb.Append(pad).Append(CultureInfo.InvariantCulture, $"T {kind} {s.Name} {s.Line} {(s.IsNested ? 1 : 0)}\n");
            foreach (var sym in s.Symbols.OrderBy(x => x.Name, StringComparer.Ordinal)) sb.Append(pad).Append(CultureInfo.InvariantCulture, $" S {sym.Name} {sym.PackedValue}\n");
            foreach (var c in s.Children) Append(c, depth + 1);
        }
        Append(st.Top, 0);
        return Sha1(sb.ToString().TrimEnd('\n'));
    }
}

/// <summary>
/// <c>peers parser-fuzz</c>: at least 100,000 mutated stdlib files and generated deep nestings (fixed seed).
/// Each goes through parse, ast.dump, symbol tables, compile checks and metrics: no exception, no hang, no
/// stack overflow. CPython parses the same inputs in one process, and accept/reject decisions and error
/// lines are compared (differential fuzzing).
/// </summary>
public sealed class ParserFuzzPeers : IPeerArea
{
    public string Name => "parser-fuzz";

    public string Description => "100k+ mutated inputs: no crash/hang, and accept/reject/line agreement with CPython";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        int count = int.Parse(context.Option("--count") ?? (context.Quick ? "5000" : "100000"), CultureInfo.InvariantCulture);
        int seed = int.Parse(context.Option("--seed") ?? "20251125", CultureInfo.InvariantCulture);
        // Small seeds keep 100k inputs affordable for both parsers; mutations still cover every construct.
        var corpus = ParserCorpus.Load().Where(f => f.Data.Length < 16_000).ToList();
        var mutator = new FuzzMutator(seed);
        var random = new Random(seed);
        var log = context.Log;

        int crashes = 0, hangs = 0, agree = 0, sameLine = 0, bothRejected = 0, sameDump = 0, bothAccepted = 0, tooDeep = 0;
        var slowest = TimeSpan.Zero;
        var disagreements = new List<string>();
        var ours = new Stopwatch();
        var extra = new Stopwatch();
        var py = new Stopwatch();
        const int batch = 2000;
        string? saveDir = context.Option("--save");
        if (saveDir is not null) Directory.CreateDirectory(saveDir);
        using var oracle = new ParserOracle("dump");
        for (int done = 0; done < count; done += batch)
        {
            int n = Math.Min(batch, count - done);
            var inputs = new List<byte[]>(n);
            for (int i = 0; i < n; i++) inputs.Add(mutator.Mutate(corpus[random.Next(corpus.Count)].Data));
            var verdicts = new (bool Ok, int Line, string? Hash, string? Code)[n];
            ours.Start();
            for (int i = 0; i < n; i++)
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    var r = PythonParser.Parse(inputs[i], "fuzz.py");
                    string? hash = null;
                    string? dump = r.Module is null ? null : AstDump.Dump(r.Module);
                    ours.Stop();
                    extra.Start();
                    if (r.Success)
                    {
                        hash = ParserParityPeers.Sha1(dump!);
                        SymbolTableBuilder.Build(r);
                        CompileChecks.Check(r);
                    }
                    PythonMetrics.Compute(r);
                    extra.Stop();
                    ours.Start();
                    verdicts[i] = (r.Success, r.Success ? 0 : r.Errors.First().Line, hash, r.Success ? null : r.Errors.First().Code);
                }
                catch (Exception e)
                {
                    if (extra.IsRunning)
                    {
                        extra.Stop();
                        ours.Start();
                    }
                    crashes++;
                    verdicts[i] = (false, -1, null, null);
                    log.WriteLine($"CRASH on input {done + i}: {e.GetType().Name}: {e.Message}");
                }
                sw.Stop();
                if (sw.Elapsed > slowest) slowest = sw.Elapsed;
                if (sw.Elapsed > TimeSpan.FromSeconds(10))
                {
                    hangs++;
                    log.WriteLine($"HANG on input {done + i}: {sw.Elapsed}");
                }
            }
            ours.Stop();
            py.Start();
            var answers = oracle.AskSources(inputs);
            py.Stop();
            for (int i = 0; i < n; i++)
            {
                var o = answers[i];
                var v = verdicts[i];
                if ((o.Ok != v.Ok || (!o.Ok && o.Line != v.Line && o.Line != 0)) && saveDir is not null)
                    File.WriteAllBytes(Path.Combine(saveDir, $"input{done + i}.py"), inputs[i]);
                if (o.Ok == v.Ok) agree++;
                // Our depth limit (1000 levels) is below CPython's (about 2988: its ast-construction recursion limit).
                else if (o.Ok && v.Code == DiagnosticCodes.TooDeep) tooDeep++;
                else if (disagreements.Count < 25)
                    disagreements.Add($"input {done + i}: CPython {(o.Ok ? "accepts" : "rejects at line " + o.Line + ": " + o.Message)}, we {(v.Ok ? "accept" : "reject at line " + v.Line)}");
                if (o.Ok && v.Ok)
                {
                    bothAccepted++;
                    if (o.Value == v.Hash) sameDump++;
                }
                if (!o.Ok && !v.Ok)
                {
                    bothRejected++;
                    if (o.Line == v.Line || o.Line == 0) sameLine++;
                    else if (disagreements.Count < 25) disagreements.Add($"input {done + i}: CPython line {o.Line} '{o.Message}', ours line {v.Line}");
                }
            }
            if ((done + n) % 10000 == 0 || done + n == count)
                log.WriteLine($"  {done + n}/{count} inputs: {crashes} crashes, {hangs} hangs, agreement {ParserParityPeers.Percent(agree, done + n)}");
        }
        log.WriteLine($"inputs: {count} (seed {seed}); crashes {crashes}; hangs {hangs}; slowest input {slowest.TotalMilliseconds:F0} ms; symtable+compile checks+metrics took {extra.Elapsed.TotalSeconds:F1} s more");
        log.WriteLine($"accept/reject agreement with CPython: {agree}/{count} = {ParserParityPeers.Percent(agree, count)}");
        log.WriteLine($"of the disagreements, CPython accepts and we stop at our 1000-level depth limit (BATUTA-P-014): {tooDeep}; other: {count - agree - tooDeep}");
        log.WriteLine($"both accepted, identical ast.dump: {sameDump}/{bothAccepted}; both rejected, same first-error line: {sameLine}/{bothRejected} = {ParserParityPeers.Percent(sameLine, bothRejected)}");
        if (disagreements.Count > 0) log.WriteLine("first disagreements:\n  " + string.Join("\n  ", disagreements));
        var rows = new List<PeerRow>
        {
            new($"{count} mutated inputs: {crashes} crashes, {hangs} hangs, agreement {ParserParityPeers.Percent(agree, count)}", ours.Elapsed, py.Elapsed,
                $"same error line {ParserParityPeers.Percent(sameLine, bothRejected)}, same dump {sameDump}/{bothAccepted}"),
        };
        yield return new PeerTable("Fuzzing the Python front-end (times: parse + ast.dump on both sides)", "CPython 3.11", rows);
    }
}

/// <summary>The corpus: every .py under /usr/lib/python3.11, read once.</summary>
internal static class ParserCorpus
{
    public const string Root = "/usr/lib/python3.11";

    public sealed record SourceFile(string Path, byte[] Data);

    public static List<SourceFile> Load()
    {
        if (!Directory.Exists(Path.Combine(Root, "test")))
            throw new InvalidOperationException($"{Root}/test is missing: apt-get install -y libpython3.11-testsuite");
        return Directory.EnumerateFiles(Root, "*.py", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllBytes(p)))
            .ToList();
    }
}

/// <summary>
/// CPython as the oracle: one long-lived process answers JSON-line queries (hashes of ast.dump keep answers
/// small). Queries are written from another task while answers are read, so large batches cannot deadlock.
/// </summary>
internal sealed class ParserOracle : IDisposable
{
    public sealed record Answer(bool Ok, string? Value, int Line, string? Message);

    private readonly Process _process;
    private int _next;

    public ParserOracle(string mode)
    {
        if (!File.Exists(PythonPeer.Interpreter)) throw new InvalidOperationException($"{PythonPeer.Interpreter} is missing: install Debian's python3 (3.11)");
        var psi = new ProcessStartInfo(PythonPeer.Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(mode);
        _process = Process.Start(psi)!;
    }

    public static IReadOnlyList<Answer> Ask(string mode, IReadOnlyList<string> paths)
    {
        using var oracle = new ParserOracle(mode);
        return oracle.AskPaths(paths);
    }

    public IReadOnlyList<Answer> AskPaths(IReadOnlyList<string> paths) => Exchange(paths.Select(p => ("path", p)).ToList());

    public IReadOnlyList<Answer> AskSources(IReadOnlyList<byte[]> sources) => Exchange(sources.Select(s => ("b64", Convert.ToBase64String(s))).ToList());

    private IReadOnlyList<Answer> Exchange(IReadOnlyList<(string Key, string Value)> queries)
    {
        int first = _next;
        _next += queries.Count;
        var writer = Task.Run(() =>
        {
            var w = _process.StandardInput;
            for (int i = 0; i < queries.Count; i++)
            {
                var (key, value) = queries[i];
                w.WriteLine(key == "path" ? JsonSerializer.Serialize(new { id = first + i, path = value }) : JsonSerializer.Serialize(new { id = first + i, b64 = value }));
            }
            w.Flush();
        });
        var answers = new List<Answer>(queries.Count);
        while (answers.Count < queries.Count)
        {
            var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the CPython oracle stopped answering");
            var o = JsonDocument.Parse(line).RootElement;
            answers.Add(o.GetProperty("ok").GetBoolean()
                ? new Answer(true, o.TryGetProperty("value", out var v) ? v.GetString() : null, 0, null)
                : new Answer(false, null, o.GetProperty("line").GetInt32(), o.GetProperty("msg").GetString()));
        }
        writer.Wait();
        return answers;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private const string Script = @"
import ast, base64, hashlib, json, symtable, sys, warnings
warnings.simplefilter('ignore')
mode = sys.argv[1]
def listing(t, out, depth=0):
    tt = t._table
    kind = {symtable._symtable.TYPE_MODULE: 'module', symtable._symtable.TYPE_FUNCTION: 'function', symtable._symtable.TYPE_CLASS: 'class'}.get(tt.type, 'annotation')
    out.append(f""{'  ' * depth}T {kind} {tt.name} {tt.lineno} {int(bool(tt.nested))}"")
    for name, v in sorted(tt.symbols.items()):
        out.append(f""{'  ' * depth} S {name} {v}"")
    for c in tt.children:
        listing(symtable._newSymbolTable(c, t._filename), out, depth + 1)
def sha(s):
    return hashlib.sha1(s.encode('utf-8', 'surrogatepass')).hexdigest()
def dump(tree, attrs):
    # ast.dump recurses in Python: a tree CPython parsed can be too deep for the default limit (parsing itself
    # does not depend on it), so dump with a raised limit.
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 100000))
    try:
        return ast.dump(tree, include_attributes=attrs)
    finally:
        sys.setrecursionlimit(old)
for line in sys.stdin:
    if not line.strip():
        continue
    q = json.loads(line)
    data = open(q['path'], 'rb').read() if 'path' in q else base64.b64decode(q['b64'])
    r = {'id': q['id']}
    try:
        if mode == 'dump':
            r['value'] = sha(dump(ast.parse(data), False))
        elif mode == 'dump-attrs':
            r['value'] = sha(dump(ast.parse(data), True))
        elif mode == 'symtable':
            out = []
            listing(symtable.symtable(data, '<unknown>', 'exec'), out)
            r['value'] = sha('\n'.join(out))
        elif mode == 'compile':
            compile(data, '<unknown>', 'exec', dont_inherit=True)
        r['ok'] = True
    except SyntaxError as e:
        r.update(ok=False, line=e.lineno or 0, msg=e.msg)
    except (ValueError, MemoryError, RecursionError, OverflowError) as e:
        r.update(ok=False, line=0, msg=type(e).__name__ + ': ' + str(e))
    print(json.dumps(r), flush=True)
";
}

/// <summary>Seeded mutations for the long fuzz run (the test project holds the same kinds, for CI-sized runs).</summary>
internal sealed class FuzzMutator
{
    private static readonly string[] Fragments =
    {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", "==", ":=", "->", "*", "**", "@", "\\", "\\\n", "#", "\n", "\t", "    ",
        "'", "\"", "'''", "\"\"\"", "f'", "rb'", "u\"", "f\"{", "{x!r:>{w}}", "0x", "0o8", "1_", "1e", "1j", "0777",
        "if", "elif", "else", "for", "while", "def", "class", "lambda", "match", "case", "try", "except*", "finally", "with", "async", "await",
        "yield", "return", "global", "nonlocal", "del", "import", "from", "as", "pass", "not", "and", "or", "is", "in", "None", "True",
        "\u00e9", "\u20ac", "\u00a0", "\ufeff", "\u2028", "\x01", "\x0b", "\x0c", "$", "?", "!", "`", "<>",
    };

    private readonly Random _random;

    public FuzzMutator(int seed) => _random = new Random(seed);

    public byte[] Mutate(byte[] source)
    {
        if (_random.Next(25) == 0) return Encoding.UTF8.GetBytes(DeepNesting());
        var data = new List<byte>(source);
        int rounds = 1 + _random.Next(4);
        for (int r = 0; r < rounds && data.Count > 0; r++)
        {
            int at = _random.Next(data.Count);
            switch (_random.Next(7))
            {
                case 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(12)));
                    break;
                case 1:
                case 2:
                    data.InsertRange(_random.Next(data.Count + 1), Encoding.UTF8.GetBytes(Fragments[_random.Next(Fragments.Length)]));
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 4:
                    for (int i = 0; i < 1 + _random.Next(4) && at + i < data.Count; i++) data[at + i] = (byte)_random.Next(1, 256);
                    break;
                case 5:
                    {
                        int len = Math.Min(data.Count - at, _random.Next(200));
                        var piece = data.GetRange(at, len);
                        data.InsertRange(_random.Next(data.Count + 1), piece);
                        break;
                    }
                default:
                    {
                        var lines = Encoding.UTF8.GetString(data.ToArray()).Split('\n').ToList();
                        int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
                        if (_random.Next(2) == 0) (lines[a], lines[b]) = (lines[b], lines[a]);
                        else lines[a] = _random.Next(2) == 0 ? " " + lines[a] : lines[a].TrimStart();
                        data = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
                        break;
                    }
            }
        }
        return data.ToArray();
    }

    private string DeepNesting()
    {
        int n = _random.Next(3) switch { 0 => 50 + _random.Next(200), 1 => 500 + _random.Next(1500), _ => 5000 + _random.Next(50000) };
        return _random.Next(10) switch
        {
            0 => new string('(', n) + "x" + new string(')', n),
            1 => new string('-', n) + "1",
            2 => string.Concat(Enumerable.Repeat("not ", n)) + "x",
            3 => "x = " + string.Concat(Enumerable.Repeat("lambda: ", n)) + "1",
            4 => "x = " + string.Concat(Enumerable.Repeat("a if b else ", n)) + "c",
            5 => "x = a" + string.Concat(Enumerable.Repeat(" + a", n)),
            6 => "x = 1" + string.Concat(Enumerable.Repeat(" ** 1", n)),
            7 => string.Concat(Enumerable.Range(0, Math.Min(n, 300)).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', Math.Min(n, 300)) + "pass\n",
            8 => "x = a" + string.Concat(Enumerable.Repeat("[0]", n)),
            _ => "x = f'" + string.Concat(Enumerable.Repeat("{a}{b!r:>{c}}", Math.Min(n, 3000))) + "'",
        };
    }
}
