using System.Diagnostics;
using System.Runtime.CompilerServices;
using Batuta.Inference.Chat;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Generation;
using Batuta.Inference.Kernels;
using Batuta.Inference.Model;
using Batuta.Inference.Tokenization;

namespace Batuta.Inference;

/// <summary>Options for <see cref="InferenceSession.Open"/>.</summary>
public sealed record InferenceOptions
{
    /// <summary>Worker threads; default: physical cores.</summary>
    public int? Threads { get; init; }

    /// <summary>KV cache length; default: min(model context, 4096).</summary>
    public int? ContextLength { get; init; }

    public int BatchSize { get; init; } = 128;

    public ActivationPrecision Precision { get; init; } = ActivationPrecision.Int8;

    /// <summary>KV cache element type; F16 halves its memory (llama.cpp's default), F32 is exact.</summary>
    public KvCacheType KvCacheType { get; init; } = KvCacheType.F32;

    /// <summary>Chat template by name (llama2, mistral, chatml, alpaca, vicuna, raw); default: detected from the file, else chatml.</summary>
    public string? ChatTemplate { get; init; }

    public ModelFileOptions File { get; init; } = new();

    /// <summary>An ILGPU device for the weight matmuls (see <see cref="ModelOptions.Gpu"/>); null: the CPU. Not owned by the session.</summary>
    public Batuta.Tensors.Gpu.GpuDevice? Gpu { get; init; }
}

/// <summary>
/// A loaded model with its tokenizer and chat template: the entry point for applications and the
/// <c>batuta infer</c> command. Generation is sequential (one call at a time); a new prompt that
/// starts with the previous sequence reuses its KV cache.
/// </summary>
/// <example>
/// <code>
/// using var session = InferenceSession.Open("model.gguf");
/// await foreach (var piece in session.GenerateAsync("Once upon a time", GenerationOptions.Greedy(64)))
///     Console.Write(piece);
/// Console.WriteLine(session.LastStats);
/// </code>
/// </example>
public sealed class InferenceSession : IDisposable
{
    private readonly KvCache _cache;
    private readonly List<int> _sequence = [];
    private readonly float[] _logits;
    private readonly SemaphoreSlim _busy = new(1, 1);

    private InferenceSession(LlamaModel model, Tokenizer tokenizer, ChatTemplate template)
    {
        Model = model;
        Tokenizer = tokenizer;
        Template = template;
        _cache = model.CreateCache();
        _logits = new float[model.VocabSize];
    }

    public LlamaModel Model { get; }
    public Tokenizer Tokenizer { get; }
    public ChatTemplate Template { get; }

    /// <summary>Statistics of the last finished generation.</summary>
    public GenerationStats? LastStats { get; private set; }

    public static InferenceSession Open(string path, InferenceOptions? options = null)
    {
        options ??= new InferenceOptions();
        var kind = ModelFile.CheckSafe(path, options.File);
        if (kind != ModelFileKind.Gguf)
            throw new ModelFormatException(kind.ToString(), "file", 0, $"'{Path.GetFileName(path)}' is not a GGUF file; InferenceSession runs GGUF models",
                kind == ModelFileKind.SafeTensors ? "convert the safetensors checkpoint to GGUF (llama.cpp's convert_hf_to_gguf.py)." : "check the path.");
        var file = GgufFile.Open(path);
        try
        {
            var model = LlamaModel.Load(file, new ModelOptions
            {
                Threads = options.Threads,
                ContextLength = options.ContextLength,
                BatchSize = options.BatchSize,
                Precision = options.Precision,
                KvCacheType = options.KvCacheType,
                Gpu = options.Gpu,
            }, ownsFile: true);
            try
            {
                var tokenizer = Tokenizer.FromGguf(file);
                if (tokenizer.VocabSize != model.VocabSize)
                    throw new ModelFormatException("model", "tokenizer.ggml.tokens", -1, $"the tokenizer has {tokenizer.VocabSize} tokens but the model's embedding has {model.VocabSize}");
                var template = options.ChatTemplate is { } name ? ChatTemplate.FromName(name)
                    : ChatTemplate.Detect(file.GetString("tokenizer.chat_template")) ?? new ChatMlTemplate();
                return new InferenceSession(model, tokenizer, template);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Streams the continuation of <paramref name="prompt"/> piece by piece.</summary>
    public IAsyncEnumerable<string> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationOptions();
        var tokens = Tokenizer.Encode(prompt, options.AddSpecialTokens, options.ParseSpecialTokens);
        return GenerateAsync(tokens, options, cancellationToken);
    }

    /// <summary>Streams the assistant's reply to a conversation rendered with <see cref="Template"/>.</summary>
    public IAsyncEnumerable<string> ChatAsync(IReadOnlyList<ChatMessage> messages, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GenerationOptions();
        string text = Template.Render(messages, addAssistantPrompt: true);
        var tokens = Tokenizer.Encode(text, options.AddSpecialTokens && !Template.IncludesBos, parseSpecial: true);
        if (Template.EndOfTurn is { } end && !options.StopSequences.Contains(end))
            options = options with { StopSequences = [.. options.StopSequences, end] };
        return GenerateAsync(tokens, options, cancellationToken);
    }

    /// <summary>Generates from already-encoded prompt tokens.</summary>
    public async IAsyncEnumerable<string> GenerateAsync(IReadOnlyList<int> prompt, GenerationOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (prompt.Count == 0) throw new ArgumentException("the prompt encodes to no tokens; add text or enable AddSpecialTokens", nameof(prompt));
        await _busy.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = new TextStream(Tokenizer, options.StopSequences);
            foreach (var step in Run(prompt, options, stream, cancellationToken))
            {
                if (step.Length > 0) yield return step;
                await Task.Yield();
            }
            string tail = stream.Flush();
            if (tail.Length > 0) yield return tail;
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Generates to completion and returns the text (no streaming).</summary>
    public string Generate(string prompt, GenerationOptions? options = null)
    {
        options ??= new GenerationOptions();
        var tokens = Tokenizer.Encode(prompt, options.AddSpecialTokens, options.ParseSpecialTokens);
        _busy.Wait();
        try
        {
            var stream = new TextStream(Tokenizer, options.StopSequences);
            foreach (var _ in Run(tokens, options, stream, CancellationToken.None)) { }
            stream.Flush();
            return stream.Text;
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Tokens of the current sequence (prompt and generated), as held in the KV cache.</summary>
    public IReadOnlyList<int> Sequence => _sequence;

    private IEnumerable<string> Run(IReadOnlyList<int> prompt, GenerationOptions options, TextStream stream, CancellationToken cancellationToken)
    {
        int common = ReuseCachedPrefix(prompt);

        var sampler = new Sampler(options);
        var sw = Stopwatch.StartNew();
        var pending = new int[prompt.Count - common];
        for (int i = 0; i < pending.Length; i++) pending[i] = prompt[common + i];
        Model.Forward(pending, _cache, _logits);
        _sequence.AddRange(pending);
        var promptTime = sw.Elapsed;

        int generated = 0, steps = 0;
        string reason = "max_tokens";
        var decode = new Stopwatch();
        while (generated < options.MaxTokens)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                reason = "cancelled";
                break;
            }
            int token = sampler.Sample(_logits, _sequence);
            if (options.StopAtEndOfGeneration && Tokenizer.EndOfGeneration.Contains(token))
            {
                reason = "end_of_generation";
                break;
            }
            generated++;
            string text = stream.Push(token);
            if (stream.Stopped)
            {
                yield return text;
                reason = "stop_sequence";
                break;
            }
            yield return text;
            if (generated >= options.MaxTokens) break;
            if (_cache.Length >= _cache.ContextLength)
            {
                reason = "context_full";
                break;
            }
            decode.Start();
            Model.Forward([token], _cache, _logits);
            decode.Stop();
            _sequence.Add(token);
            steps++;
        }

        LastStats = new GenerationStats
        {
            PromptTokens = prompt.Count,
            PromptTokensEvaluated = pending.Length,
            PromptTime = promptTime,
            GeneratedTokens = generated,
            DecodeSteps = steps,
            DecodeTime = decode.Elapsed,
            StopReason = reason,
        };
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Keeps the KV cache and sequence for the longest prefix shared with <paramref name="prompt"/> and drops the
    /// rest; returns that prefix's length. At least the last prompt token is recomputed to get fresh logits.
    /// </summary>
    private int ReuseCachedPrefix(IReadOnlyList<int> prompt)
    {
        if (prompt.Count >= _cache.ContextLength)
            throw new InvalidOperationException($"the prompt has {prompt.Count} tokens but the context holds {_cache.ContextLength}; shorten it or raise ContextLength.");

        int common = 0;
        while (common < _sequence.Count && common < prompt.Count - 1 && _sequence[common] == prompt[common]) common++;
        _cache.Truncate(Math.Min(common, _cache.Length));
        _sequence.RemoveRange(common, _sequence.Count - common);
        return common;
    }

    public void Dispose()
    {
        _cache.Dispose();
        Model.Dispose();
        _busy.Dispose();
    }
}
