using System.Globalization;
using System.Runtime.InteropServices;
using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Quantization;
using Batuta.Inference.Tokenization;

namespace Batuta.Inference.Testing;

/// <summary>The shape and encoding of a random-weight LLaMA model.</summary>
public sealed record SyntheticModelSpec
{
    public int EmbeddingLength { get; init; } = 256;
    public int Layers { get; init; } = 2;
    public int Heads { get; init; } = 4;
    public int KvHeads { get; init; } = 2;
    public int FeedForwardLength { get; init; } = 512;
    public int VocabSize { get; init; } = 320;
    public int ContextLength { get; init; } = 256;
    public GgmlType WeightType { get; init; } = GgmlType.F32;
    public GgmlType? EmbeddingType { get; init; }
    public GgmlType? OutputType { get; init; }
    public float RopeFreqBase { get; init; } = 10000f;
    public string? RopeScaling { get; init; }
    public float RopeScaleFactor { get; init; } = 1f;
    public float RmsEpsilon { get; init; } = 1e-5f;

    /// <summary>"llama" (SentencePiece) or "gpt2" (byte-level BPE; its vocabulary size is fixed by the merges).</summary>
    public string Tokenizer { get; init; } = "llama";
    public string? ChatTemplate { get; init; }
    public ulong Seed { get; init; } = 42;

    /// <summary>
    /// Draw random quantized blocks directly instead of quantizing random floats: ~100x faster, used for
    /// the 1B-parameter benchmark model (weights have the same statistics, no float copy is ever built).
    /// </summary>
    public bool RandomBlocks { get; init; }

    public long ParameterCount =>
        2L * VocabSize * EmbeddingLength + (long)Layers * (2L * EmbeddingLength * EmbeddingLength
        + 2L * EmbeddingLength * (EmbeddingLength / Heads * KvHeads) + 3L * EmbeddingLength * FeedForwardLength);
}

/// <summary>
/// Writes random-weight LLaMA-shaped GGUF files: tiny ones for parity tests in every quantization
/// type, and realistic ones (~1B parameters) for benchmarks. The files load in llama.cpp too.
/// </summary>
public static class SyntheticModel
{
    /// <summary>A TinyLlama-1.1B-shaped spec (22 layers, dim 2048, GQA 32/4, ffn 5632, vocab 32000).</summary>
    public static SyntheticModelSpec OneBillion(GgmlType type) => new()
    {
        EmbeddingLength = 2048,
        Layers = 22,
        Heads = 32,
        KvHeads = 4,
        FeedForwardLength = 5632,
        VocabSize = 32000,
        ContextLength = 2048,
        WeightType = type,
        RandomBlocks = true,
        Seed = 1,
    };

    public static void Write(SyntheticModelSpec spec, string path) => Build(spec).WriteTo(path);

    public static byte[] ToBytes(SyntheticModelSpec spec) => Build(spec).ToArray();

    public static GgufWriter Build(SyntheticModelSpec spec)
    {
        int dim = spec.EmbeddingLength, headDim = dim / spec.Heads, kvw = headDim * spec.KvHeads;
        var w = new GgufWriter();
        w.Add("general.architecture", "llama");
        w.Add("general.name", "batuta-synthetic");
        w.Add("general.file_type", (uint)FileType(spec.WeightType));
        w.Add("llama.context_length", (uint)spec.ContextLength);
        w.Add("llama.embedding_length", (uint)dim);
        w.Add("llama.block_count", (uint)spec.Layers);
        w.Add("llama.feed_forward_length", (uint)spec.FeedForwardLength);
        w.Add("llama.rope.dimension_count", (uint)headDim);
        w.Add("llama.attention.head_count", (uint)spec.Heads);
        w.Add("llama.attention.head_count_kv", (uint)spec.KvHeads);
        w.Add("llama.attention.layer_norm_rms_epsilon", spec.RmsEpsilon);
        w.Add("llama.rope.freq_base", spec.RopeFreqBase);
        if (spec.RopeScaling is { } scaling)
        {
            w.Add("llama.rope.scaling.type", scaling);
            w.Add("llama.rope.scaling.factor", spec.RopeScaleFactor);
        }

        int vocab = AddTokenizer(w, spec);
        var rng = new Random(unchecked((int)spec.Seed));
        var embType = spec.EmbeddingType ?? spec.WeightType;
        var outType = spec.OutputType ?? spec.WeightType;

        w.AddTensor("token_embd.weight", embType, [dim, vocab], Weights(spec, embType, vocab, dim, 1.0f, rng.Next()));
        w.AddTensor("output_norm.weight", GgmlType.F32, [dim], Norm(dim, rng.Next()));
        w.AddTensor("output.weight", outType, [dim, vocab], Weights(spec, outType, vocab, dim, 1f / MathF.Sqrt(dim), rng.Next()));
        for (int l = 0; l < spec.Layers; l++)
        {
            string p = "blk." + l.ToString(CultureInfo.InvariantCulture) + ".";
            float s = 1f / MathF.Sqrt(dim);
            w.AddTensor(p + "attn_norm.weight", GgmlType.F32, [dim], Norm(dim, rng.Next()));
            w.AddTensor(p + "attn_q.weight", spec.WeightType, [dim, dim], Weights(spec, spec.WeightType, dim, dim, s, rng.Next()));
            w.AddTensor(p + "attn_k.weight", spec.WeightType, [dim, kvw], Weights(spec, spec.WeightType, kvw, dim, s, rng.Next()));
            w.AddTensor(p + "attn_v.weight", spec.WeightType, [dim, kvw], Weights(spec, spec.WeightType, kvw, dim, s, rng.Next()));
            w.AddTensor(p + "attn_output.weight", spec.WeightType, [dim, dim], Weights(spec, spec.WeightType, dim, dim, s, rng.Next()));
            w.AddTensor(p + "ffn_norm.weight", GgmlType.F32, [dim], Norm(dim, rng.Next()));
            w.AddTensor(p + "ffn_gate.weight", spec.WeightType, [dim, spec.FeedForwardLength], Weights(spec, spec.WeightType, spec.FeedForwardLength, dim, s, rng.Next()));
            w.AddTensor(p + "ffn_up.weight", spec.WeightType, [dim, spec.FeedForwardLength], Weights(spec, spec.WeightType, spec.FeedForwardLength, dim, s, rng.Next()));
            w.AddTensor(p + "ffn_down.weight", spec.WeightType, [spec.FeedForwardLength, dim], Weights(spec, spec.WeightType, dim, spec.FeedForwardLength, 1f / MathF.Sqrt(spec.FeedForwardLength), rng.Next()));
        }
        return w;
    }

    private static int AddTokenizer(GgufWriter w, SyntheticModelSpec spec)
    {
        if (spec.Tokenizer == "gpt2")
        {
            var (tokens, types, merges) = SyntheticVocabulary.BytePairs();
            if (tokens.Length != spec.VocabSize)
                throw new ArgumentException($"the gpt2 synthetic vocabulary has {tokens.Length} tokens; set VocabSize = {tokens.Length}");
            w.Add("tokenizer.ggml.model", "gpt2");
            w.Add("tokenizer.ggml.pre", "default");
            w.Add("tokenizer.ggml.tokens", GgufValue.From(tokens));
            w.Add("tokenizer.ggml.token_type", GgufValue.From(types.Select(t => (int)t).ToArray()));
            w.Add("tokenizer.ggml.merges", GgufValue.From(merges));
            int eos = Array.IndexOf(tokens, "<|endoftext|>");
            w.Add("tokenizer.ggml.bos_token_id", (uint)eos);
            w.Add("tokenizer.ggml.eos_token_id", (uint)eos);
            w.Add("tokenizer.ggml.add_bos_token", false);
        }
        else
        {
            var (tokens, scores, types) = SyntheticVocabulary.SentencePiece(spec.VocabSize);
            w.Add("tokenizer.ggml.model", "llama");
            w.Add("tokenizer.ggml.tokens", GgufValue.From(tokens));
            w.Add("tokenizer.ggml.scores", GgufValue.From(scores));
            w.Add("tokenizer.ggml.token_type", GgufValue.From(types.Select(t => (int)t).ToArray()));
            w.Add("tokenizer.ggml.bos_token_id", 1u);
            w.Add("tokenizer.ggml.eos_token_id", 2u);
            w.Add("tokenizer.ggml.unknown_token_id", 0u);
            w.Add("tokenizer.ggml.add_bos_token", true);
            w.Add("tokenizer.ggml.add_eos_token", false);
        }
        if (spec.ChatTemplate is { } t) w.Add("tokenizer.chat_template", t);
        return spec.VocabSize;
    }

    private static byte[] Norm(int n, int seed)
    {
        var rng = new Random(seed);
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = 0.8f + 0.4f * (float)rng.NextDouble();
        return MemoryMarshal.AsBytes(v.AsSpan()).ToArray();
    }

    private static Action<Stream> Weights(SyntheticModelSpec spec, GgmlType type, int rows, int cols, float std, int seed) => stream =>
    {
        var rng = new Random(seed);
        if (spec.RandomBlocks && type == GgmlType.Q4_K)
        {
            var row = new byte[GgmlTypes.RowBytes(type, cols)];
            for (int r = 0; r < rows; r++)
            {
                RandomQ4KRow(row, rng, std);
                stream.Write(row);
            }
            return;
        }
        // Rows are quantized one at a time so large float copies are never held.
        var values = new float[cols];
        float a = std * MathF.Sqrt(3f); // uniform on [-a, a] has this standard deviation
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < cols; i++) values[i] = (float)(rng.NextDouble() * 2 - 1) * a;
            stream.Write(Dequantizer.Quantize(type, values));
        }
    };

    /// <summary>Random Q4_K blocks: uniform 4-bit values, 6-bit scales near the middle, mins that centre the weights on zero.</summary>
    private static void RandomQ4KRow(byte[] row, Random rng, float std)
    {
        rng.NextBytes(row);
        Span<byte> sc = stackalloc byte[8];
        Span<byte> mn = stackalloc byte[8];
        for (int b = 0; b < row.Length / 144; b++)
        {
            var blk = row.AsSpan(b * 144, 144);
            for (int j = 0; j < 8; j++)
            {
                sc[j] = (byte)(4 + rng.Next(5));         // 4..8
                mn[j] = (byte)Math.Min(63, (int)MathF.Round(7.5f * sc[j]));
            }
            // uniform q in 0..15 has standard deviation 4.61; the mean (7.5 * scale) is removed by the min.
            float d = std / (6f * 4.61f);
            BitConverter.TryWriteBytes(blk[0..2], Float16.SingleToHalf(d));
            BitConverter.TryWriteBytes(blk[2..4], Float16.SingleToHalf(d));
            unsafe
            {
                fixed (byte* p = blk) KScales.Set(p + 4, sc, mn);
            }
        }
    }

    private static int FileType(GgmlType t) => t switch
    {
        GgmlType.F32 => 0,
        GgmlType.F16 => 1,
        GgmlType.Q4_0 => 2,
        GgmlType.Q8_0 => 7,
        GgmlType.Q4_K => 15,
        GgmlType.Q5_K => 17,
        GgmlType.Q6_K => 18,
        GgmlType.BF16 => 32,
        _ => 0,
    };
}
