using System.Diagnostics;
using System.Globalization;
using Batuta.Benchmarks.Harness;
using Batuta.Inference.Model;
using Batuta.Inference.Quantization;
using Batuta.Inference.Testing;
using LLama;
using LLama.Common;
using LLama.Native;

namespace Batuta.Benchmarks.Peers;

/// <summary>
/// <c>peers inference-parity</c>: are Batuta's logits llama.cpp's, bit for bit? Small random Q4_K and Q6_K models
/// (written on the fly), random token ids, float32 KV cache on both sides; for each position the logits
/// of both engines are compared element by element. Three ways of feeding the sequence: one token per
/// call (decode), the whole sequence as one batch (prefill), and batches of two (prefill through the
/// kernels llama.cpp uses below four rows).
/// </summary>
/// <remarks>Options: <c>--positions N</c> (64), <c>--threads N</c> (2).</remarks>
public sealed class InferenceParityPeers : IPeerArea
{
    public string Name => "inference-parity";

    public string Description => "bit-identical logits with llama.cpp (LLamaSharp) on small random Q4_K/Q6_K models: decode, prefill, prefill in batches of 2";

    private static readonly (int Layers, int Dim, int Ffn, int Heads, int KvHeads, ulong Seed, GgmlType Weights, GgmlType Output)[] Models =
    [
        (1, 256, 512, 4, 2, 42, GgmlType.Q4_K, GgmlType.Q4_K),
        (1, 256, 512, 4, 2, 5, GgmlType.Q4_K, GgmlType.Q4_K),
        (2, 512, 1024, 8, 2, 42, GgmlType.Q4_K, GgmlType.Q4_K),
        (2, 512, 1024, 8, 2, 42, GgmlType.Q4_K, GgmlType.Q6_K),
        (1, 256, 512, 4, 2, 42, GgmlType.Q6_K, GgmlType.Q6_K),
    ];

    public IEnumerable<PeerTable> Run(PeerContext context)
    {
        var ci = CultureInfo.InvariantCulture;
        int positions = int.Parse(context.Option("--positions") ?? (context.Quick ? "24" : "64"), ci);
        int threads = int.Parse(context.Option("--threads") ?? "2", ci);
        string dir = Path.Combine(context.RepositoryRoot, "artifacts", "inference");
        Directory.CreateDirectory(dir);
        NativeLogConfig.llama_log_set((level, message) => { if (level == LLamaLogLevel.Error) context.Log.Write("llama.cpp: " + message); });
        var rows = new List<PeerRow>();
        foreach (var m in Models)
        {
            var spec = new SyntheticModelSpec
            {
                Layers = m.Layers, EmbeddingLength = m.Dim, FeedForwardLength = m.Ffn, Heads = m.Heads, KvHeads = m.KvHeads,
                WeightType = m.Weights, OutputType = m.Output, VocabSize = 2000, ContextLength = 512, Seed = m.Seed,
            };
            string path = Path.Combine(dir, string.Create(ci, $"parity-{m.Layers}x{m.Dim}-{m.Weights}-{m.Output}-{m.Seed}.gguf").ToLowerInvariant());
            if (!File.Exists(path)) SyntheticModel.Write(spec, path);
            var rng = new Random(7);
            var tokens = Enumerable.Range(0, positions).Select(_ => rng.Next(3, spec.VocabSize)).ToArray();
            string name = string.Create(ci, $"{m.Weights}/{m.Output} output, {m.Layers} layer(s), dim {m.Dim}, seed {m.Seed}");
            foreach (var (mode, batch) in new[] { ("decode (1 token per call)", 1), ("prefill (one batch)", positions), ("prefill in batches of 2", 2) })
            {
                var (ours, oursTime) = Batuta(path, tokens, batch, threads);
                var (theirs, theirsTime) = Llama(path, tokens, batch, threads, spec.VocabSize);
                int identical = 0;
                for (int p = 0; p < positions; p++)
                    if (ours.AsSpan(p * spec.VocabSize, spec.VocabSize).SequenceEqual(theirs.AsSpan(p * spec.VocabSize, spec.VocabSize))) identical++;
                string note = string.Create(ci, $"logits bit-identical at {identical}/{positions} positions");
                context.Log.WriteLine($"  {name}, {mode}: {note}");
                rows.Add(new PeerRow($"{name}: {mode}", oursTime, theirsTime, note));
            }
        }
        yield return new PeerTable($"Logits vs llama.cpp, bit for bit ({positions} random tokens, {threads} threads, float32 KV cache, no flash attention; times are the whole sequence, not a benchmark)",
            "llama.cpp via LLamaSharp 0.30.0", rows);
    }

    private static (float[] Logits, TimeSpan Time) Batuta(string path, int[] tokens, int batch, int threads)
    {
        using var model = LlamaModel.Load(path, new ModelOptions { Threads = threads, ContextLength = 512, BatchSize = batch });
        int v = model.VocabSize;
        var logits = new float[tokens.Length * v];
        using var cache = model.CreateCache();
        var sw = Stopwatch.StartNew();
        for (int start = 0; start < tokens.Length; start += batch)
        {
            int n = Math.Min(batch, tokens.Length - start);
            model.Forward(tokens.AsSpan(start, n), cache, logits.AsSpan(start * v, n * v), allLogits: true);
        }
        return (logits, sw.Elapsed);
    }

    private static (float[] Logits, TimeSpan Time) Llama(string path, int[] tokens, int batch, int threads, int vocab)
    {
        var parameters = new ModelParams(path)
        {
            ContextSize = 512, Threads = threads, BatchThreads = threads, BatchSize = (uint)tokens.Length, UBatchSize = (uint)batch,
            GpuLayerCount = 0, TypeK = GGMLType.GGML_TYPE_F32, TypeV = GGMLType.GGML_TYPE_F32, FlashAttention = false,
        };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        using var context = weights.CreateContext(parameters);
        var logits = new float[tokens.Length * vocab];
        var sw = Stopwatch.StartNew();
        var b = new LLamaBatch();
        for (int start = 0; start < tokens.Length; start += batch)
        {
            int n = Math.Min(batch, tokens.Length - start);
            b.Clear();
            for (int i = 0; i < n; i++) b.Add((LLamaToken)tokens[start + i], start + i, LLamaSeqId.Zero, true);
            if (context.NativeHandle.Decode(b) != DecodeResult.Ok) throw new InvalidOperationException("llama.cpp decode failed");
            for (int i = 0; i < n; i++) context.NativeHandle.GetLogitsIth(i).CopyTo(logits.AsSpan((start + i) * vocab, vocab));
        }
        return (logits, sw.Elapsed);
    }
}
