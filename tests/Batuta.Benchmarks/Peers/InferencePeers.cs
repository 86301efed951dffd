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
/// sampling; the greedy tokens of both engines are compared too.
/// Options: --prompt-tokens N (128), --decode-tokens N (64), --threads N (physical cores), --model path.gguf.
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
        int repeats = context.Quick ? 1 : 3;
        string path = context.Option("--model") ?? EnsureModel(context);
        var log = context.Log;

        double bandwidth = MemoryBandwidth.MeasureRead(threads, context.Quick);
        log.WriteLine(string.Create(ci, $"memory read bandwidth ({threads} threads): {bandwidth / 1e9:0.00} GB/s"));

        // Batuta.Inference
        long rssBefore = Rss();
        var batuta = RunBatuta(path, threads, promptTokens, decodeTokens, repeats, log);
        long batutaRss = batuta.Rss - rssBefore;
        log.WriteLine(string.Create(ci, $"batuta: prefill {batuta.Prefill.TotalMilliseconds:0.0} ms ({promptTokens / batuta.Prefill.TotalSeconds:0.0} tok/s), decode {batuta.DecodePerToken.TotalMilliseconds:0.00} ms/token ({1 / batuta.DecodePerToken.TotalSeconds:0.00} tok/s), RSS +{batutaRss / 1e6:0} MB"));

        // llama.cpp via LLamaSharp, on the same prompt tokens.
        rssBefore = Rss();
        var llama = RunLlamaCpp(path, threads, batuta.PromptTokens, decodeTokens, repeats, log);
        long llamaRss = llama.Rss - rssBefore;
        log.WriteLine(string.Create(ci, $"llama.cpp: prefill {llama.Prefill.TotalMilliseconds:0.0} ms ({promptTokens / llama.Prefill.TotalSeconds:0.0} tok/s), decode {llama.DecodePerToken.TotalMilliseconds:0.00} ms/token ({1 / llama.DecodePerToken.TotalSeconds:0.00} tok/s), RSS +{llamaRss / 1e6:0} MB"));

        int same = 0;
        while (same < Math.Min(batuta.Generated.Length, llama.Generated.Length) && batuta.Generated[same] == llama.Generated[same]) same++;
        string tokensNote = $"greedy tokens identical: {same}/{decodeTokens}";
        string promptNote = PromptTokenizationMatches ? "; prompt tokenized identically by both" : "; prompt tokenization differs (Batuta's ids fed to both)";
        log.WriteLine("batuta greedy:    " + string.Join(' ', batuta.Generated));
        log.WriteLine("llama.cpp greedy: " + string.Join(' ', llama.Generated));

        var limit = TimeSpan.FromSeconds(batuta.WeightBytes / bandwidth);
        yield return new PeerTable($"Decode vs the memory-bandwidth limit ({threads} threads)", "bandwidth-limited time per token", [
            new PeerRow("decode 1B Q4_K, time per token", batuta.DecodePerToken, limit,
                string.Create(ci, $"{batuta.WeightBytes / 1e6:0} MB weights/token at {bandwidth / 1e9:0.0} GB/s read; ratio = fraction of the limit")),
        ]);

        yield return new PeerTable($"Prefill and decode vs llama.cpp ({threads} threads, greedy)", "llama.cpp via LLamaSharp 0.30.0", [
            new PeerRow($"prefill {promptTokens} tokens", batuta.Prefill, llama.Prefill,
                string.Create(ci, $"{promptTokens / batuta.Prefill.TotalSeconds:0.0} vs {promptTokens / llama.Prefill.TotalSeconds:0.0} tokens/s{promptNote}")),
            new PeerRow($"decode {decodeTokens} tokens, time per token", batuta.DecodePerToken, llama.DecodePerToken,
                string.Create(ci, $"{1 / batuta.DecodePerToken.TotalSeconds:0.00} vs {1 / llama.DecodePerToken.TotalSeconds:0.00} tokens/s; {tokensNote}")),
        ]);

        yield return new PeerTable("Memory footprint (resident set growth while the engine runs)", "llama.cpp via LLamaSharp 0.30.0", [
            new PeerRow(string.Create(ci, $"RSS: batuta {batutaRss / 1e6:0} MB, llama.cpp {llamaRss / 1e6:0} MB"), batuta.Prefill, batuta.Prefill,
                string.Create(ci, $"model file {new FileInfo(path).Length / 1e6:0} MB, mapped; times repeated from the prefill row")),
        ]);
    }

    private sealed record EngineResult(TimeSpan Prefill, TimeSpan DecodePerToken, int[] Generated, int[] PromptTokens, long WeightBytes, long Rss);

    private static bool PromptTokenizationMatches;

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

    private static EngineResult RunBatuta(string path, int threads, int promptTokens, int decodeTokens, int repeats, TextWriter log)
    {
        using var model = LlamaModel.Load(path, new ModelOptions { Threads = threads, ContextLength = promptTokens + decodeTokens + 16, BatchSize = Math.Max(promptTokens, 1) });
        var tokenizer = Tokenizer.FromGguf(model.File);
        var prompt = PromptTokens(tokenizer.Encode(Prompt), promptTokens);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batuta: {model.Config}; parallel threshold {model.Threshold.Bytes} bytes (dispatch {model.Threshold.DispatchMicroseconds:0.0} us)"));
        var logits = new float[model.VocabSize];

        // Warm-up: every kernel and the decode loop run before anything is timed.
        using (var warm = model.CreateCache())
        {
            model.Forward(prompt, warm, logits);
            for (int i = 0; i < 4; i++) model.Forward([Greedy(logits)], warm, logits);
        }

        var prefill = new List<double>();
        var decode = new List<double>();
        int[] generated = [];
        for (int r = 0; r < repeats; r++)
        {
            using var cache = model.CreateCache();
            var sw = Stopwatch.StartNew();
            model.Forward(prompt, cache, logits);
            prefill.Add(sw.Elapsed.TotalSeconds);
            generated = new int[decodeTokens];
            sw.Restart();
            for (int i = 0; i < decodeTokens; i++)
            {
                generated[i] = Greedy(logits);
                model.Forward([generated[i]], cache, logits);
            }
            decode.Add(sw.Elapsed.TotalSeconds / decodeTokens);
        }
        return new EngineResult(Median(prefill), Median(decode), generated, prompt, model.WeightBytesPerToken, Rss());
    }

    private static EngineResult RunLlamaCpp(string path, int threads, int[] prompt, int decodeTokens, int repeats, TextWriter log)
    {
        NativeLogConfig.llama_log_set((level, message) => { if (level == LLamaLogLevel.Error) log.Write("llama.cpp: " + message); });
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)(prompt.Length + decodeTokens + 16),
            Threads = threads,
            BatchThreads = threads,
            BatchSize = (uint)Math.Max(prompt.Length, 1),
            UBatchSize = (uint)Math.Max(prompt.Length, 1),
            GpuLayerCount = 0,
            // Batuta keeps K and V in float32 and attends in float32; llama.cpp is set to do the same,
            // so the greedy tokens can be compared (its default f16 cache rounds K, V, Q and the
            // attention weights to half precision).
            TypeK = GGMLType.GGML_TYPE_F32,
            TypeV = GGMLType.GGML_TYPE_F32,
            FlashAttention = false,
        };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        var theirs = weights.Tokenize(Prompt, true, false, System.Text.Encoding.UTF8).Select(t => (int)t).ToArray();
        PromptTokenizationMatches = PromptTokens(theirs.ToList(), prompt.Length).SequenceEqual(prompt);
        var prefill = new List<double>();
        var decode = new List<double>();
        int[] generated = [];
        for (int r = -1; r < repeats; r++) // r = -1 is the warm-up
        {
            using var ctx = weights.CreateContext(parameters);
            var batch = new LLamaBatch();
            for (int i = 0; i < prompt.Length; i++) batch.Add((LLamaToken)prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
            var sw = Stopwatch.StartNew();
            Check(ctx.NativeHandle.Decode(batch));
            double p = sw.Elapsed.TotalSeconds;
            int n = r < 0 ? 4 : decodeTokens;
            var tokens = new int[n];
            int logitIndex = batch.TokenCount - 1;
            sw.Restart();
            for (int i = 0; i < n; i++)
            {
                tokens[i] = Greedy(ctx.NativeHandle.GetLogitsIth(logitIndex));
                batch.Clear();
                batch.Add((LLamaToken)tokens[i], prompt.Length + i, LLamaSeqId.Zero, true);
                Check(ctx.NativeHandle.Decode(batch));
                logitIndex = 0;
            }
            if (r < 0) continue;
            prefill.Add(p);
            decode.Add(sw.Elapsed.TotalSeconds / n);
            generated = tokens;
        }
        return new EngineResult(Median(prefill), Median(decode), generated, prompt, 0, Rss());
    }

    private static void Check(DecodeResult result)
    {
        if (result != DecodeResult.Ok) throw new InvalidOperationException($"llama.cpp decode failed: {result}");
    }

    private static int[] PromptTokens(List<int> encoded, int count)
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

    private static TimeSpan Median(List<double> seconds)
    {
        seconds.Sort();
        return TimeSpan.FromSeconds(seconds[seconds.Count / 2]);
    }

    private static long Rss()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }

    /// <summary>Streaming read bandwidth: threads sum disjoint slices of a buffer far larger than the last-level cache.</summary>
    private static class MemoryBandwidth
    {
        public static double MeasureRead(int threads, bool quick)
        {
            var buffer = GC.AllocateUninitializedArray<float>(512 << 20, pinned: true); // 2 GiB, well beyond the caches
            for (int i = 0; i < buffer.Length; i += 1024) buffer[i] = i; // fault every page in
            double best = 0;
            int slice = buffer.Length / threads / 64 * 64;
            for (int rep = 0; rep < (quick ? 2 : 5); rep++)
            {
                var sums = new float[threads];
                var sw = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => sums[t] = Sum(buffer, t * slice, slice))).ToList();
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
