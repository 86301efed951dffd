namespace Batuta.Inference.Generation;

/// <summary>Sampling and stopping rules for one generation.</summary>
public sealed record GenerationOptions
{
    /// <summary>Most tokens to generate.</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>0 (or less) means greedy: always the most likely token.</summary>
    public float Temperature { get; init; } = 0.8f;

    /// <summary>Keep only the K most likely tokens; 0 disables.</summary>
    public int TopK { get; init; } = 40;

    /// <summary>Keep the smallest set of tokens whose probability reaches P; 1 disables.</summary>
    public float TopP { get; init; } = 0.95f;

    /// <summary>Divides positive (multiplies negative) logits of recently seen tokens; 1 disables.</summary>
    public float RepetitionPenalty { get; init; } = 1.0f;

    /// <summary>How many recent tokens the repetition penalty looks at.</summary>
    public int RepetitionWindow { get; init; } = 64;

    /// <summary>Seed of the sampling RNG; the same seed, prompt and model give the same text.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Generation ends when the text contains one of these; the stop text itself is not returned.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>Stop at end-of-generation tokens (EOS, EOT, chat-turn ends).</summary>
    public bool StopAtEndOfGeneration { get; init; } = true;

    /// <summary>Add BOS (and EOS) as the vocabulary asks when encoding the prompt.</summary>
    public bool AddSpecialTokens { get; init; } = true;

    /// <summary>Turn control-token text in the prompt (e.g. "&lt;|im_start|&gt;") into its token.</summary>
    public bool ParseSpecialTokens { get; init; } = true;

    public static GenerationOptions Greedy(int maxTokens = 256) => new() { Temperature = 0, MaxTokens = maxTokens };
}
