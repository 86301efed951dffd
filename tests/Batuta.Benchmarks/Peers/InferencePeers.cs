using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Batuta.Benchmarks.Harness;
using Batuta.Inference.Model;
using Batuta.Inference.Quantization;
using Batuta.Inference.Testing;
using Batuta.Inference.Tokenization;
using LLama;
using LLama.Common;
using LLama.Native;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers inference</c>: prefill and decode speed of Batuta.Inference on a random-weight
/// TinyLlama-shaped (1.1B parameters) Q4_K model generated on the fly and cached under
/// artifacts/inference. Decode is compared with the memory-bandwidth limit measured in the same run
/// (weight bytes per token / read bandwidth: the ratio is the fraction of the limit reached), and
/// prefill and decode with llama.cpp through LLamaSharp on the same file, threads, prompt and greedy
/// sampling; the greedy tokens of both engines are compared too. The engines run alternately, so a
/// change of load on a shared machine hits both.
/// Options: --prompt-tokens N (128), --decode-tokens N (64), --threads N (physical cores),
/// --model path.gguf, --repeats N (3), --gpu KIND (Batuta's matmuls on an ILGPU device: cuda, opencl, gpu, cpu),
/// --llama-default-kv (llama.cpp's default f16 KV cache and flash
/// attention instead of the float32 cache Batuta uses: faster for it, different numerics).
/// </summary>
public sealed class InferencePeers : IPeerArea
{
    private const string Prompt =
        "The old house at the end of the road had been empty for many years. People in the town said that nobody " +
        "had lived there since the war, and children were told never to go near it. One summer day, two friends " +
        "decided to find out what was inside. They walked up the long path, past the broken gate and the tall grass, " +
        "and stood in front of the door. It was not locked. Inside, the light came through the dusty windows and fell " +
        "on a table where someone had left a letter, a pair of glasses and a small wooden box. The first friend picked up " +
        "the letter and began to read it out loud, while the other looked at the box and wondered what it could hold.";

    public string Name => "inference";

    public string Description => "LLM prefill/decode tokens/s (1B Q4_K) vs the memory-bandwidth limit and llama.cpp (LLamaSharp)";

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var ci = CultureInfo.InvariantCulture;
        int promptTokens = int.Parse(context.Option("--prompt-tokens") ?? (context.Quick ? "32" : "128"), ci);
        int decodeTokens = int.Parse(context.Option("--decode-tokens") ?? (context.Quick ? "16" : "64"), ci);
        int threads = int.Parse(context.Option("--threads") ?? Batuta.Inference.Threading.CpuTopology.PhysicalCores.ToString(ci), ci);
        int repeats = int.Parse(context.Option("--repeats") ?? (context.Quick ? "1" : "3"), ci);
        bool llamaDefaults = context.HasFlag("--llama-default-kv");
        string path = context.Option("--model") ?? EnsureModel(context);
        var log = context.Log;
        // --gpu cuda|opencl|gpu|cpu: Batuta's weight matmuls on that ILGPU device (llama.cpp stays on the CPU build);
        // the decode limit is then the device's nominal memory bandwidth.
        using var gpu = context.Option("--gpu") is { } kind ? Batuta.Tensors.Gpu.GpuDevice.Create(kind) : null;
        if (gpu is not null) log.WriteLine($"batuta matmuls on {gpu} (nominal {gpu.EstimatedBytesPerSecond / 1e9:0} GB/s)");

        // Bandwidth is measured again right before each timed decode, so on a shared machine the limit
        // and the decode it is compared with see the same load.
        var memory = new MemoryBandwidth(threads);
        double firstBandwidth = memory.MeasureRead(context.Quick ? 2 : 5);
        log.WriteLine(string.Create(ci, $"memory read bandwidth ({threads} threads): {firstBandwidth / 1e9:0.00} GB/s"));

        long rss0 = Rss();
        using var batuta = new BatutaEngine(path, threads, promptTokens + decodeTokens + 16, promptTokens, gpu);
        long batutaRss = Rss() - rss0;
        var prompt = PromptTokens(batuta.Tokenizer.Encode(Prompt), promptTokens);
        log.WriteLine(string.Create(ci, $"batuta: {batuta.Model.Config}; parallel threshold {batuta.Model.Threshold.Bytes} bytes (dispatch {batuta.Model.Threshold.DispatchMicroseconds:0.0} us)"));

        rss0 = Rss();
        using var llama = new LlamaEngine(path, threads, promptTokens + decodeTokens + 16, promptTokens, llamaDefaults, log);
        long llamaRss = Rss() - rss0;
        bool sameTokenization = PromptTokens(llama.Tokenize(Prompt), promptTokens).SequenceEqual(prompt);

        // Warm-up: every kernel and loop of both engines runs before anything is timed.
        foreach (IEngine e in new IEngine[] { batuta, llama })
        {
            e.Prefill(prompt);
            e.Decode(4);
        }

        var times = new Dictionary<IEngine, (List<double> Prefill, List<double> Decode)> { [batuta] = ([], []), [llama] = ([], []) };
        var generated = new Dictionary<IEngine, int[]>();
        var bandwidths = new List<double>();
        var fractions = new List<double>();
        var prefillLogits = new Dictionary<IEngine, float[]>();
        for (int r = 0; r < repeats; r++)
        {
            foreach (IEngine e in r % 2 == 0 ? new IEngine[] { batuta, llama } : [llama, batuta])
            {
                times[e].Prefill.Add(e.Prefill(prompt));
                prefillLogits[e] = e.Logits();
                double bw = e != batuta ? 0 : gpu?.EstimatedBytesPerSecond ?? memory.MeasureRead(2);
                var (perToken, tokens) = e.Decode(decodeTokens);
                times[e].Decode.Add(perToken);
                generated[e] = tokens;
                if (e == batuta)
                {
                    bandwidths.Add(bw);
                    fractions.Add(batuta.Model.WeightBytesPerToken / bw / perToken);
                    log.WriteLine(string.Create(ci, $"  repeat {r}: bandwidth {bw / 1e9:0.00} GB/s, batuta decode {perToken * 1e3:0.00} ms/token = {fractions[^1]:0.00} of the limit"));
                }
            }
        }
        var bp = Median(times[batuta].Prefill); var bd = Median(times[batuta].Decode);
        var lp = Median(times[llama].Prefill); var ld = Median(times[llama].Decode);
        log.WriteLine(string.Create(ci, $"batuta:    prefill {bp.TotalMilliseconds:0.0} ms ({promptTokens / bp.TotalSeconds:0.0} tok/s), decode {bd.TotalMilliseconds:0.00} ms/token ({1 / bd.TotalSeconds:0.00} tok/s), RSS +{batutaRss / 1e6:0} MB"));
        log.WriteLine(string.Create(ci, $"llama.cpp: prefill {lp.TotalMilliseconds:0.0} ms ({promptTokens / lp.TotalSeconds:0.0} tok/s), decode {ld.TotalMilliseconds:0.00} ms/token ({1 / ld.TotalSeconds:0.00} tok/s), RSS +{llamaRss / 1e6:0} MB"));

        int same = 0;
        while (same < decodeTokens && generated[batuta][same] == generated[llama][same]) same++;
        int forced = batuta.TeacherForcedAgreement(prompt, generated[llama]);
        double logitDiff = MaxRelativeDifference(prefillLogits[batuta], prefillLogits[llama]);
        string tokensNote = string.Create(ci,
            $"greedy tokens identical: first {same}/{decodeTokens} free-running, {forced}/{decodeTokens} next-token argmax on llama.cpp's sequence; prefill logits differ by {logitDiff:E1} of their range");
        log.WriteLine(tokensNote);
        log.WriteLine("batuta greedy:    " + string.Join(' ', generated[batuta]));
        log.WriteLine("llama.cpp greedy: " + string.Join(' ', generated[llama]));

        double bandwidth = MedianOf(bandwidths), fraction = MedianOf(fractions);
        var limit = TimeSpan.FromSeconds(bd.TotalSeconds * fraction);
        yield return new PeerTable($"Decode vs the memory-bandwidth limit ({threads} threads)", "bandwidth-limited time per token", [
            new PeerRow("decode 1B Q4_K, time per token", bd, limit,
                string.Create(ci, $"{batuta.Model.WeightBytesPerToken / 1e6:0} MB weights/token; read bandwidth {bandwidth / 1e9:0.0} GB/s (median, measured before each decode); ratio = median fraction of the limit")),
        ]);

        string kv = llamaDefaults ? "llama.cpp defaults: f16 KV cache, flash attention auto" : "both: float32 KV cache, no flash attention";
        yield return new PeerTable($"Prefill and decode vs llama.cpp ({threads} threads, greedy; {kv})", "llama.cpp via LLamaSharp 0.30.0", [
            new PeerRow($"prefill {promptTokens} tokens", bp, lp,
                string.Create(ci, $"{promptTokens / bp.TotalSeconds:0.0} vs {promptTokens / lp.TotalSeconds:0.0} tokens/s; prompt {(sameTokenization ? "tokenized identically by both" : "tokenized differently (Batuta's ids fed to both)")}")),
            new PeerRow($"decode {decodeTokens} tokens, time per token", bd, ld,
                string.Create(ci, $"{1 / bd.TotalSeconds:0.00} vs {1 / ld.TotalSeconds:0.00} tokens/s; {tokensNote}")),
        ]);

        yield return new PeerTable("Memory footprint (resident set growth from loading to the end of warm-up)", "llama.cpp via LLamaSharp 0.30.0", [
            new PeerRow(string.Create(ci, $"RSS: batuta {batutaRss / 1e6:0} MB, llama.cpp {llamaRss / 1e6:0} MB"), bp, bp,
                string.Create(ci, $"model file {new FileInfo(path).Length / 1e6:0} MB; times repeated from the prefill row, not a comparison")),
        ]);
    }

    private interface IEngine
    {
        /// <summary>Starts a fresh sequence with the prompt; returns seconds.</summary>
        double Prefill(int[] prompt);

        /// <summary>Greedy tokens from the current state; returns seconds per token.</summary>
        (double PerToken, int[] Tokens) Decode(int count);

        float[] Logits();
    }

    private sealed class BatutaEngine : IEngine, IDisposable
    {
        private readonly float[] _logits;
        private KvCache? _cache;

        public BatutaEngine(string path, int threads, int context, int batch, Batuta.Tensors.Gpu.GpuDevice? gpu = null)
        {
            Model = LlamaModel.Load(path, new ModelOptions { Threads = threads, ContextLength = context, BatchSize = Math.Max(1, batch), Gpu = gpu });
            Tokenizer = Tokenizer.FromGguf(Model.File);
            _logits = new float[Model.VocabSize];
        }

        public LlamaModel Model { get; }
        public Tokenizer Tokenizer { get; }

        public double Prefill(int[] prompt)
        {
            _cache?.Dispose();
            _cache = Model.CreateCache();
            var sw = Stopwatch.StartNew();
            Model.Forward(prompt, _cache, _logits);
            return sw.Elapsed.TotalSeconds;
        }

        public (double, int[]) Decode(int count)
        {
            var tokens = new int[count];
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                tokens[i] = Greedy(_logits);
                Model.Forward([tokens[i]], _cache!, _logits);
            }
            return (sw.Elapsed.TotalSeconds / count, tokens);
        }

        public float[] Logits() => (float[])_logits.Clone();

        /// <summary>
        /// Feeds llama.cpp's greedy sequence to Batuta the way llama.cpp produced it (the prompt as one batch,
        /// then one token per call) and counts the positions where Batuta's argmax is llama.cpp's next token:
        /// per-step agreement, which stays meaningful even after free-running sequences have parted.
        /// </summary>
        public int TeacherForcedAgreement(int[] prompt, int[] theirs)
        {
            var logits = new float[Model.VocabSize];
            using var cache = Model.CreateCache();
            Model.Forward(prompt, cache, logits);
            int agree = 0;
            for (int i = 0; i < theirs.Length; i++)
            {
                if (Greedy(logits) == theirs[i]) agree++;
                if (i + 1 < theirs.Length) Model.Forward([theirs[i]], cache, logits);
            }
            return agree;
        }

        public void Dispose()
        {
            _cache?.Dispose();
            Model.Dispose();
        }
    }

    private sealed class LlamaEngine : IEngine, IDisposable
    {
        private readonly LLamaWeights _weights;
        private readonly ModelParams _parameters;
        private LLamaContext? _context;
        private int _position, _logitIndex;

        public LlamaEngine(string path, int threads, int context, int batch, bool defaults, TextWriter log)
        {
            NativeLogConfig.llama_log_set((level, message) => { if (level == LLamaLogLevel.Error) log.Write("llama.cpp: " + message); });
            _parameters = new ModelParams(path)
            {
                ContextSize = (uint)context,
                Threads = threads,
                BatchThreads = threads,
                BatchSize = (uint)Math.Max(batch, 1),
                UBatchSize = (uint)Math.Max(batch, 1),
                GpuLayerCount = 0,
            };
            if (!defaults)
            {
                // Batuta keeps K and V in float32 and attends in float32; llama.cpp is set to do the same,
                // so the logits and greedy tokens can be compared (its default f16 cache and flash-attention
                // kernel round K, V, Q and the attention weights to half precision).
                _parameters.TypeK = GGMLType.GGML_TYPE_F32;
                _parameters.TypeV = GGMLType.GGML_TYPE_F32;
                _parameters.FlashAttention = false;
            }
            _weights = LLamaWeights.LoadFromFile(_parameters);
        }

        public int[] Tokenize(string text) => _weights.Tokenize(text, true, false, System.Text.Encoding.UTF8).Select(t => (int)t).ToArray();

        public double Prefill(int[] prompt)
        {
            _context?.Dispose();
            _context = _weights.CreateContext(_parameters);
            var batch = new LLamaBatch();
            for (int i = 0; i < prompt.Length; i++) batch.Add((LLamaToken)prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
            var sw = Stopwatch.StartNew();
            Check(_context.NativeHandle.Decode(batch));
            double seconds = sw.Elapsed.TotalSeconds;
            _position = prompt.Length;
            _logitIndex = batch.TokenCount - 1;
            return seconds;
        }

        public (double, int[]) Decode(int count)
        {
            var tokens = new int[count];
            var batch = new LLamaBatch();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                tokens[i] = Greedy(_context!.NativeHandle.GetLogitsIth(_logitIndex));
                batch.Clear();
                batch.Add((LLamaToken)tokens[i], _position++, LLamaSeqId.Zero, true);
                Check(_context.NativeHandle.Decode(batch));
                _logitIndex = 0;
            }
            return (sw.Elapsed.TotalSeconds / count, tokens);
        }

        public float[] Logits() => _context!.NativeHandle.GetLogitsIth(_logitIndex).ToArray();

        private static void Check(DecodeResult result)
        {
            if (result != DecodeResult.Ok) throw new InvalidOperationException($"llama.cpp decode failed: {result}");
        }

        public void Dispose()
        {
            _context?.Dispose();
            _weights.Dispose();
        }
    }

    private static string EnsureModel(PeerContext context)
    {
        string dir = Path.Combine(context.RepositoryRoot, "artifacts", "inference");
        string path = Path.Combine(dir, "random-llama-1.1b-q4_k-v1.gguf");
        if (File.Exists(path)) return path;
        context.Log.WriteLine($"generating the random 1.1B Q4_K model at {path} (once)...");
        var sw = Stopwatch.StartNew();
        SyntheticModel.Write(SyntheticModel.OneBillion(GgmlType.Q4_K), path);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {new FileInfo(path).Length / 1e6:0} MB in {sw.Elapsed.TotalSeconds:0.0} s"));
        return path;
    }

    private static int[] PromptTokens(IReadOnlyList<int> encoded, int count)
    {
        var tokens = new List<int>(count);
        while (tokens.Count < count) tokens.AddRange(tokens.Count == 0 ? encoded : encoded.Skip(1)); // repeat the text without a second BOS
        return tokens.Take(count).ToArray();
    }

    private static int Greedy(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    private static double MaxRelativeDifference(float[] a, float[] b)
    {
        double scale = 0, diff = 0;
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            scale = Math.Max(scale, Math.Abs(b[i]));
            diff = Math.Max(diff, Math.Abs(a[i] - b[i]));
        }
        return scale == 0 ? double.NaN : diff / scale;
    }

    private static double MedianOf(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

    private static TimeSpan Median(List<double> seconds) => TimeSpan.FromSeconds(MedianOf(seconds));

    private static long Rss()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }

    /// <summary>Streaming read bandwidth: threads sum disjoint slices of a buffer far larger than the last-level cache.</summary>
    private sealed class MemoryBandwidth(int threads)
    {
        private readonly float[] _buffer = Fill(GC.AllocateUninitializedArray<float>(512 << 20, pinned: true)); // 2 GiB, beyond the caches

        private static float[] Fill(float[] b)
        {
            for (int i = 0; i < b.Length; i += 1024) b[i] = i; // fault every page in
            return b;
        }

        /// <summary>Best of <paramref name="passes"/> passes, in bytes per second.</summary>
        public double MeasureRead(int passes)
        {
            double best = 0;
            int slice = _buffer.Length / threads / 64 * 64;
            for (int rep = 0; rep < passes; rep++)
            {
                var sums = new float[threads];
                var sw = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => sums[t] = Sum(_buffer, t * slice, slice))).ToList();
                workers.ForEach(w => w.Start());
                workers.ForEach(w => w.Join());
                best = Math.Max(best, (double)slice * threads * sizeof(float) / sw.Elapsed.TotalSeconds);
            }
            return best;
        }

        private static float Sum(float[] data, int start, int count)
        {
            ref float p = ref MemoryMarshal.GetArrayDataReference(data);
            var a0 = Vector512<float>.Zero; var a1 = Vector512<float>.Zero; var a2 = Vector512<float>.Zero; var a3 = Vector512<float>.Zero;
            for (nuint i = (nuint)start, end = (nuint)(start + count); i + 64 <= end; i += 64)
            {
                a0 += Vector512.LoadUnsafe(ref p, i);
                a1 += Vector512.LoadUnsafe(ref p, i + 16);
                a2 += Vector512.LoadUnsafe(ref p, i + 32);
                a3 += Vector512.LoadUnsafe(ref p, i + 48);
            }
            return Vector512.Sum(a0 + a1 + a2 + a3);
        }
    }
}
