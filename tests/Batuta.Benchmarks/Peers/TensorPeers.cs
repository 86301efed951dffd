using System.Globalization;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Text;
using Batuta.Benchmarks.Harness;
using Batuta.Tensors;
using Batuta.Tensors.Engine;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers tensor</c>: Batuta.Tensor against TensorPrimitives (same process, same memory) and numpy
/// (Debian's /usr/bin/python3, OpenBLAS) on float32: add, multiply, dot, sum and softmax at 1K/100K/10M
/// elements, and matmul at 256/1024/2048 with one thread and with all cores.
/// </summary>
/// <remarks>
/// Batuta is measured through its tensor API with a preallocated destination (<c>Tensor.Add(x, y, dest)</c>),
/// the same work TensorPrimitives and numpy's <c>out=</c> do. Where Batuta splits an operation across
/// cores by default (the 10M rows; TensorPrimitives and numpy stay on one core) a "1 thread" row
/// shows Batuta held to one core as well. 1K rows time 1000 calls (the harness's TimeSpan has 100 ns ticks). For numpy, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the environment
/// and OPENBLAS_NUM_THREADS sets the threads. If OpenBLAS then detects only a generic kernel on an
/// AVX-512 CPU, matmul is also run against OpenBLAS forced to its AVX-512 kernel (SkylakeX), so the
/// comparison is never against a handicapped peer.
/// Options: <c>--quick</c>, <c>--no-10m</c>, <c>--no-matmul</c>, <c>--no-numpy</c>.
/// </remarks>
public sealed class TensorPeers : IPeerArea
{
    public string Name => "tensor";

    public string Description => "Batuta.Tensor vs TensorPrimitives and numpy/OpenBLAS (float32 element-wise, reductions, softmax, matmul)";

    private static readonly int[] Sizes = [1_000, 100_000, 10_000_000];
    private static readonly int[] MatSizes = [256, 1024, 2048];
    private static readonly string[] Ops = ["add", "multiply", "dot", "sum", "softmax"];

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        bool quick = context.Quick;
        var sizes = context.HasFlag("--no-10m") ? Sizes[..2] : Sizes;
        bool numpy = !context.HasFlag("--no-numpy");
        int cores = Environment.ProcessorCount;

        var batuta = new Dictionary<string, TimeSpan>();
        var tp = new Dictionary<string, TimeSpan>();
        var single = new Dictionary<string, TimeSpan>();
        foreach (int n in sizes)
        {
            var rng = new SimRng(1);
            using var x = rng.Uniform<float>([n], -4, 4);
            using var y = rng.Uniform<float>([n], -4, 4);
            using var d = Tensor.Empty<float>(n);
            foreach (var op in Ops)
            {
                string key = Key(op, n);
                int reps = Repeats(n);
                batuta[key] = Measure.Median(Repeat(BatutaBody(op, x, y, d), reps), quick);
                tp[key] = Measure.Median(Repeat(PrimitivesBody(op, x, y, d), reps), quick);
                if (n >= SplitThreshold(op))
                {
                    int saved = Parallelism.Workers;
                    Parallelism.Workers = 1;
                    try
                    {
                        single[key] = Measure.Median(BatutaBody(op, x, y, d), quick);
                    }
                    finally
                    {
                        Parallelism.Workers = saved;
                    }
                }
                context.Log.WriteLine($"  {key}: batuta {PeerTable.Format(batuta[key])}, TensorPrimitives {PeerTable.Format(tp[key])}");
            }
        }

        var rows = new List<PeerRow>();
        foreach (int n in sizes)
            foreach (var op in Ops)
            {
                string key = Key(op, n);
                rows.Add(new PeerRow(Label(key, n), batuta[key], tp[key], n >= SplitThreshold(op) ? $"{cores} threads (Batuta default)" : null));
                if (single.TryGetValue(key, out var s)) rows.Add(new PeerRow(Label(key, n) + ", 1 thread", s, tp[key], "Batuta held to one thread"));
            }
        yield return new PeerTable("float32 element-wise and reductions vs TensorPrimitives 10.0 (Tensor API with destination vs span API, same memory)", "System.Numerics.Tensors.TensorPrimitives", rows);

        if (numpy)
        {
            var np = NumpyElementWise(sizes, quick, context);
            var npRows = new List<PeerRow>();
            var hundredK = new List<PeerRow>();
            foreach (int n in sizes)
                foreach (var op in Ops)
                {
                    string key = Key(op, n);
                    var row = new PeerRow(Label(key, n), batuta[key], np[key], NumpyNote(op));
                    npRows.Add(row);
                    if (n == 100_000) hundredK.Add(row);
                }
            yield return new PeerTable("float32 element-wise and reductions vs numpy (preallocated out=)", $"numpy {NumpyVersion}", npRows);
            yield return new PeerTable("100K rows only vs numpy (the done-when geometric mean)", $"numpy {NumpyVersion}", hundredK);
        }

        if (context.HasFlag("--no-matmul")) yield break;

        var mm = new Dictionary<(int Size, int Threads), TimeSpan>();
        foreach (int size in MatSizes)
        {
            var rng = new SimRng(2);
            using var a = rng.Uniform<float>([size, size], -1, 1);
            using var b = rng.Uniform<float>([size, size], -1, 1);
            using var c = Tensor.Empty<float>(size, size);
            foreach (int threads in new[] { 1, cores }.Distinct())
            {
                int saved = Parallelism.Workers;
                Parallelism.Workers = threads;
                try
                {
                    mm[(size, threads)] = Measure.Median(() => Tensor.MatMul(a, b, c), quick, size >= 2048 ? 7 : 15);
                }
                finally
                {
                    Parallelism.Workers = saved;
                }
                context.Log.WriteLine($"  matmul {size} x{threads}: {PeerTable.Format(mm[(size, threads)])} ({Gflops(size, mm[(size, threads)]):0} GFLOP/s)");
            }
        }
        if (!numpy) yield break;

        var blas = NumpyMatMul(quick, cores, coreType: null, context);
        yield return new PeerTable($"float32 matmul vs numpy/OpenBLAS ({blas.Info})", $"numpy {NumpyVersion} + {blas.Library}", MatRows(mm, blas.Times, cores));

        if (blas.GenericKernel && Avx512Cpu())
        {
            var tuned = NumpyMatMul(quick, cores, coreType: "SkylakeX", context);
            yield return new PeerTable($"float32 matmul vs OpenBLAS forced to its AVX-512 kernel ({tuned.Info})", $"numpy {NumpyVersion} + {tuned.Library}", MatRows(mm, tuned.Times, cores));
        }
    }

    private static List<PeerRow> MatRows(Dictionary<(int Size, int Threads), TimeSpan> ours, Dictionary<(int, int), TimeSpan> theirs, int cores)
    {
        var rows = new List<PeerRow>();
        foreach (var ((size, threads), t) in ours.OrderBy(k => k.Key.Size).ThenBy(k => k.Key.Threads))
        {
            if (!theirs.TryGetValue((size, threads), out var peer)) continue;
            rows.Add(new PeerRow($"matmul {size}x{size}, {(threads == 1 ? "1 thread" : $"{threads} threads")}", t, peer,
                string.Format(CultureInfo.InvariantCulture, "{0:0} vs {1:0} GFLOP/s", Gflops(size, t), Gflops(size, peer))));
        }
        return rows;
    }

    /// <summary>
    /// The harness reports TimeSpans (100 ns ticks), too coarse for a 40 ns call: small sizes are timed
    /// as a batch of calls, and the row says so. Ratios are unaffected.
    /// </summary>
    private static int Repeats(int n) => n < 10_000 ? 1000 : 1;

    private static string Label(string key, int n) => Repeats(n) > 1 ? $"{key} (×{Repeats(n)} calls)" : key;

    private static Action Repeat(Action body, int times) => times == 1 ? body : () =>
    {
        for (int i = 0; i < times; i++) body();
    };

    /// <summary>Elements at which Batuta splits this operation across cores by default.</summary>
    private static long SplitThreshold(string op) => op switch
    {
        "add" or "multiply" => Parallelism.CheapElementWiseThreshold,
        "dot" or "sum" => Parallelism.ReductionThreshold,
        _ => Parallelism.ExpensiveElementWiseThreshold * 4,
    };

    private static double Gflops(int n, TimeSpan t) => 2.0 * n * n * n / t.TotalSeconds / 1e9;

    private static string Key(string op, int n) => $"{op} {(n >= 1_000_000 ? $"{n / 1_000_000}M" : $"{n / 1000}K")}";

    private static string? NumpyNote(string op) => op switch
    {
        "softmax" => "numpy: max, subtract, exp, sum, scale (out= buffers)",
        "sum" => "numpy: pairwise sum",
        _ => null,
    };

    private static Action BatutaBody(string op, Tensor<float> x, Tensor<float> y, Tensor<float> d) => op switch
    {
        "add" => () => Tensor.Add(x, y, d),
        "multiply" => () => Tensor.Multiply(x, y, d),
        "dot" => () => Sink(x.Dot(y)),
        "sum" => () => Sink(x.Sum()),
        _ => () => Tensor.Softmax(x, -1, d),
    };

    private static Action PrimitivesBody(string op, Tensor<float> x, Tensor<float> y, Tensor<float> d) => op switch
    {
        "add" => () => TensorPrimitives.Add(x.AsReadOnlySpan(), y.AsReadOnlySpan(), d.AsSpan()),
        "multiply" => () => TensorPrimitives.Multiply(x.AsReadOnlySpan(), y.AsReadOnlySpan(), d.AsSpan()),
        "dot" => () => Sink(TensorPrimitives.Dot(x.AsReadOnlySpan(), y.AsReadOnlySpan())),
        "sum" => () => Sink(TensorPrimitives.Sum(x.AsReadOnlySpan())),
        _ => () => TensorPrimitives.SoftMax(x.AsReadOnlySpan(), d.AsSpan()),
    };

    private static float _sink;

    private static void Sink(float v) => _sink += v;

    private static string NumpyVersion = "?";

    private const string TimingPrelude = """
        import sys, time
        import numpy as np
        def measure(fn, quick, batches=15):
            t0 = time.perf_counter(); n = 0
            while n < 20 or time.perf_counter() - t0 < (0.1 if quick else 0.4):
                fn(); n += 1
            per = (time.perf_counter() - t0) / n
            batch = max(1, int(0.02 / max(per, 1e-9)))
            k = min(5, batches) if quick else batches
            samples = []
            for _ in range(k):
                t = time.perf_counter()
                for _ in range(batch): fn()
                samples.append((time.perf_counter() - t) / batch)
            samples.sort()
            return samples[len(samples) // 2]
        def blas_info():
            try:
                from threadpoolctl import threadpool_info
                for i in threadpool_info():
                    if i.get('user_api') == 'blas':
                        return f"{i.get('internal_api')} {i.get('version')} kernel={i.get('architecture')} threads={i.get('num_threads')} ({i.get('filepath')})"
                return 'no BLAS reported by threadpoolctl'
            except ImportError:
                import io, contextlib
                buf = io.StringIO()
                with contextlib.redirect_stdout(buf): np.show_config()
                return 'threadpoolctl missing; numpy.show_config: ' + ' '.join(buf.getvalue().split())[:300]
        """;

    private static Dictionary<string, TimeSpan> NumpyElementWise(int[] sizes, bool quick, PeerContext context)
    {
        var script = new StringBuilder(TimingPrelude).AppendLine();
        script.AppendLine("""
            quick = sys.argv[1] == '1'
            print('version', np.__version__)
            for n in [int(s) for s in sys.argv[2].split(',')]:
                g = np.random.default_rng(1)
                x = g.uniform(-4, 4, n).astype(np.float32); y = g.uniform(-4, 4, n).astype(np.float32); d = np.empty_like(x)
                def softmax():
                    m = x.max(); np.subtract(x, m, out=d); np.exp(d, out=d); np.multiply(d, np.float32(1) / d.sum(), out=d)
                for name, fn in [('add', lambda: np.add(x, y, out=d)), ('multiply', lambda: np.multiply(x, y, out=d)),
                                 ('dot', lambda: np.dot(x, y)), ('sum', lambda: x.sum()), ('softmax', softmax)]:
                    reps = 1000 if n < 10000 else 1
                    body = fn if reps == 1 else (lambda f=fn: [f() for _ in range(reps)])
                    print(name, n, repr(measure(body, quick)), flush=True)
            """);
        string output = PythonPeer.Run(script.ToString(), [quick ? "1" : "0", string.Join(',', sizes)], NumpyEnvironment(threads: 1, coreType: null));
        var result = new Dictionary<string, TimeSpan>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts[0] == "version")
            {
                NumpyVersion = parts[1];
                continue;
            }
            result[Key(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture))] = TimeSpan.FromSeconds(double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        context.Log.WriteLine($"  numpy element-wise: {result.Count} timings");
        return result;
    }

    private sealed record BlasRun(Dictionary<(int, int), TimeSpan> Times, string Info, string Library, bool GenericKernel);

    private static BlasRun NumpyMatMul(bool quick, int cores, string? coreType, PeerContext context)
    {
        var times = new Dictionary<(int, int), TimeSpan>();
        string info = "", library = "OpenBLAS";
        bool generic = false;
        foreach (int threads in new[] { 1, cores }.Distinct())
        {
            var script = new StringBuilder(TimingPrelude).AppendLine();
            script.AppendLine("""
                quick = sys.argv[1] == '1'
                print('blas', blas_info())
                for n in [int(s) for s in sys.argv[2].split(',')]:
                    g = np.random.default_rng(2)
                    a = g.uniform(-1, 1, (n, n)).astype(np.float32); b = g.uniform(-1, 1, (n, n)).astype(np.float32); c = np.empty_like(a)
                    print('mm', n, repr(measure(lambda: np.matmul(a, b, out=c), quick, 7 if n >= 2048 else 15)), flush=True)
                """);
            string output = PythonPeer.Run(script.ToString(), [quick ? "1" : "0", string.Join(',', MatSizes)], NumpyEnvironment(threads, coreType));
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith("blas ", StringComparison.Ordinal))
                {
                    info = line[5..];
                    context.Log.WriteLine($"  numpy BLAS (OPENBLAS_NUM_THREADS={threads}{(coreType is null ? "" : $", OPENBLAS_CORETYPE={coreType}")}): {info}");
                    generic |= info.Contains("kernel=Prescott", StringComparison.OrdinalIgnoreCase) || info.Contains("kernel=Nehalem", StringComparison.OrdinalIgnoreCase)
                               || info.Contains("kernel=Haswell", StringComparison.OrdinalIgnoreCase);
                    var start = info.IndexOf(' ', StringComparison.Ordinal);
                    library = start > 0 ? "OpenBLAS " + info[(start + 1)..].Split(' ')[0] : info;
                    continue;
                }
                var p = line.Split(' ');
                if (p[0] == "mm") times[(int.Parse(p[1], CultureInfo.InvariantCulture), threads)] = TimeSpan.FromSeconds(double.Parse(p[2], CultureInfo.InvariantCulture));
            }
        }
        string where = coreType is null ? "OPENBLAS_CORETYPE/L2_SIZE unset" : $"OPENBLAS_CORETYPE={coreType}";
        return new BlasRun(times, $"{where}; {info}", library, generic);
    }

    /// <summary>The numpy peer's environment: the machine's OpenBLAS overrides removed, thread count set.</summary>
    private static Dictionary<string, string?> NumpyEnvironment(int threads, string? coreType) => new()
    {
        ["OPENBLAS_CORETYPE"] = coreType,
        ["OPENBLAS_L2_SIZE"] = null,
        ["OPENBLAS_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture),
        ["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture),
    };

    private static bool Avx512Cpu() => System.Runtime.Intrinsics.X86.Avx512F.IsSupported;
}
