using System.Globalization;

namespace Batuta.Inference;

/// <summary>Timing of one generation: the prompt (prefill) and the token-by-token decode phase.</summary>
public sealed record GenerationStats
{
    public int PromptTokens { get; init; }

    /// <summary>Prompt tokens actually computed (the rest came from the KV cache of the previous call).</summary>
    public int PromptTokensEvaluated { get; init; }

    public TimeSpan PromptTime { get; init; }
    public int GeneratedTokens { get; init; }

    /// <summary>Single-token forward passes (each generated token except the last is fed back).</summary>
    public int DecodeSteps { get; init; }

    public TimeSpan DecodeTime { get; init; }

    /// <summary>Why generation ended: "max_tokens", "end_of_generation", "stop_sequence", "context_full" or "cancelled".</summary>
    public string StopReason { get; init; } = "";

    public double PromptTokensPerSecond => PromptTime.TotalSeconds > 0 ? PromptTokensEvaluated / PromptTime.TotalSeconds : 0;
    public double DecodeTokensPerSecond => DecodeTime.TotalSeconds > 0 ? DecodeSteps / DecodeTime.TotalSeconds : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"prompt: {PromptTokensEvaluated} tokens in {PromptTime.TotalSeconds:0.000} s ({PromptTokensPerSecond:0.00} tokens/s); generation: {GeneratedTokens} tokens, {DecodeSteps} decode steps in {DecodeTime.TotalSeconds:0.000} s ({DecodeTokensPerSecond:0.00} tokens/s); stop: {StopReason}");
}
