using System.Globalization;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Kernels;

namespace Batuta.Inference.Model;

/// <summary>Hyper-parameters of a LLaMA-family model, read from GGUF metadata (<c>{arch}.*</c> keys).</summary>
public sealed record LlamaConfig
{
    /// <summary>Architectures that share the LLaMA graph (pre-norm, RoPE, GQA, SwiGLU, no biases).</summary>
    public static readonly IReadOnlyList<string> SupportedArchitectures = ["llama", "mistral"];

    public required string Architecture { get; init; }
    public required int EmbeddingLength { get; init; }
    public required int BlockCount { get; init; }
    public required int FeedForwardLength { get; init; }
    public required int HeadCount { get; init; }
    public required int HeadCountKv { get; init; }
    public required int HeadDim { get; init; }
    public required int ContextLength { get; init; }
    public required float RmsEpsilon { get; init; }
    public required float RopeFreqBase { get; init; }
    public required int RopeDimensions { get; init; }
    public RopeScalingType RopeScaling { get; init; }
    public float RopeScaleFactor { get; init; } = 1f;
    public int RopeOriginalContext { get; init; }
    public required int VocabSize { get; init; }
    public string? Name { get; init; }

    public int QueryWidth => HeadCount * HeadDim;
    public int KvWidth => HeadCountKv * HeadDim;

    public static LlamaConfig FromGguf(GgufFile file)
    {
        string arch = file.GetString("general.architecture")
            ?? throw new ModelFormatException("model", "general.architecture", -1, "the key is missing", "the file is not a model GGUF.");
        if (!SupportedArchitectures.Contains(arch))
            throw new ModelFormatException("model", "general.architecture", -1,
                $"architecture '{arch}' is not supported; supported: {string.Join(", ", SupportedArchitectures)}",
                "use a LLaMA-family model (LLaMA 1/2/3, Mistral, TinyLlama, Code Llama, ...).");

        int Required(string key)
        {
            long v = file.GetInteger(arch + "." + key)
                ?? throw new ModelFormatException("model", arch + "." + key, -1, "the key is missing", "the file is not a complete model GGUF.");
            if (v <= 0 || v > int.MaxValue) throw new ModelFormatException("model", arch + "." + key, -1, $"value {v} is out of range");
            return (int)v;
        }

        int dim = Required("embedding_length");
        int heads = Required("attention.head_count");
        int kvHeads = (int)(file.GetInteger(arch + ".attention.head_count_kv") ?? heads);
        if (kvHeads <= 0 || heads % kvHeads != 0)
            throw new ModelFormatException("model", arch + ".attention.head_count_kv", -1, $"{kvHeads} does not divide the {heads} query heads");
        int headDim = (int)(file.GetInteger(arch + ".attention.key_length") ?? dim / heads);
        if (headDim <= 0 || headDim % 2 != 0)
            throw new ModelFormatException("model", arch + ".attention.key_length", -1, $"head size {headDim} must be positive and even");
        int ropeDims = (int)(file.GetInteger(arch + ".rope.dimension_count") ?? headDim);
        if (ropeDims <= 0 || ropeDims > headDim || ropeDims % 2 != 0)
            throw new ModelFormatException("model", arch + ".rope.dimension_count", -1, $"{ropeDims} must be even and at most the head size {headDim}");

        var scalingName = file.GetString(arch + ".rope.scaling.type") ?? "none";
        var scaling = scalingName switch
        {
            "none" => RopeScalingType.None,
            "linear" => RopeScalingType.Linear,
            "yarn" => RopeScalingType.Yarn,
            _ => throw new ModelFormatException("model", arch + ".rope.scaling.type", -1, $"RoPE scaling '{scalingName}' is not supported; supported: none, linear, yarn"),
        };
        float factor = (float)(file.GetNumber(arch + ".rope.scaling.factor") ?? 0);
        // Older files give only rope.scale_linear.
        if (scaling == RopeScalingType.None && file.GetNumber(arch + ".rope.scale_linear") is double linear && !FloatExact.AreEqual(linear, 1.0))
        {
            scaling = RopeScalingType.Linear;
            factor = (float)linear;
        }

        var tokens = file.Metadata.TryGetValue("tokenizer.ggml.tokens", out var tv) && tv.IsArray ? tv.ArrayLength : 0;
        int vocab = (int)(file.GetInteger(arch + ".vocab_size") ?? tokens);
        if (vocab <= 0 && file.TryGetTensor("token_embd.weight", out var emb) && emb.Dimensions.Count == 2) vocab = (int)emb.Dimensions[1];

        return new LlamaConfig
        {
            Architecture = arch,
            Name = file.GetString("general.name"),
            EmbeddingLength = dim,
            BlockCount = Required("block_count"),
            FeedForwardLength = Required("feed_forward_length"),
            HeadCount = heads,
            HeadCountKv = kvHeads,
            HeadDim = headDim,
            ContextLength = Required("context_length"),
            RmsEpsilon = (float)(file.GetNumber(arch + ".attention.layer_norm_rms_epsilon") ?? 1e-5),
            RopeFreqBase = (float)(file.GetNumber(arch + ".rope.freq_base") ?? 10000.0),
            RopeDimensions = ropeDims,
            RopeScaling = scaling,
            RopeScaleFactor = factor,
            RopeOriginalContext = (int)(file.GetInteger(arch + ".rope.scaling.original_context_length") ?? 0),
            VocabSize = vocab,
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Architecture} {Name}: {BlockCount} layers, dim {EmbeddingLength}, ffn {FeedForwardLength}, heads {HeadCount}/{HeadCountKv} x {HeadDim}, vocab {VocabSize}, ctx {ContextLength}, rope base {RopeFreqBase}");
}
