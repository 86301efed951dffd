using Batuta.Inference.Chat;
using Batuta.Inference.Generation;
using Batuta.Inference.Quantization;
using Batuta.Inference.Testing;
using Batuta.Inference.Tests.Support;

namespace Batuta.Inference.Tests.Session;

public sealed class SessionFixture : IDisposable
{
    public readonly TempDirectory Dir = new();
    public readonly string Model;

    public SessionFixture()
    {
        Model = Dir.File("chat.gguf");
        SyntheticModel.Write(new SyntheticModelSpec
        {
            WeightType = GgmlType.Q4_K,
            OutputType = GgmlType.Q6_K,
            EmbeddingLength = 256,
            Layers = 2,
            Heads = 4,
            KvHeads = 2,
            FeedForwardLength = 512,
            VocabSize = 1200,
            ContextLength = 128,
            ChatTemplate = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n'}}{% endfor %}",
        }, Model);
    }

    public void Dispose() => Dir.Dispose();
}

public sealed class InferenceSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private InferenceSession Open() => InferenceSession.Open(fixture.Model, new InferenceOptions { Threads = 2, ContextLength = 96 });

    private static async Task<List<string>> Collect(IAsyncEnumerable<string> pieces)
    {
        var list = new List<string>();
        await foreach (var p in pieces) list.Add(p);
        return list;
    }

    [Fact]
    public async Task GreedyStreamingEqualsArgMaxOfTheForwardPass()
    {
        using var session = Open();
        var options = GenerationOptions.Greedy(12) with { StopAtEndOfGeneration = false };
        var pieces = await Collect(session.GenerateAsync("the people of the house", options));
        Assert.True(pieces.Count > 1, "the text should arrive in several pieces");

        // The same tokens, computed by hand.
        var prompt = session.Tokenizer.Encode("the people of the house");
        var model = session.Model;
        using var cache = model.CreateCache();
        var logits = new float[model.VocabSize];
        model.Forward(prompt.ToArray(), cache, logits);
        var expected = new List<int>();
        for (int i = 0; i < 12; i++)
        {
            expected.Add(Sampler.ArgMax(logits));
            if (i < 11) model.Forward([expected[^1]], cache, logits);
        }
        var stream = new TextStream(session.Tokenizer, []);
        string text = string.Concat(expected.Select(stream.Push)) + stream.Flush();
        Assert.Equal(text, string.Concat(pieces));

        var stats = session.LastStats!;
        Assert.Equal(12, stats.GeneratedTokens);
        Assert.Equal(11, stats.DecodeSteps);
        Assert.Equal(prompt.Count, stats.PromptTokens);
        Assert.Equal("max_tokens", stats.StopReason);
        Assert.True(stats.PromptTokensPerSecond > 0 && stats.DecodeTokensPerSecond > 0);
        Assert.Contains("tokens/s", stats.ToString());
    }

    [Fact]
    public async Task SeededSamplingIsReproducible()
    {
        using var session = Open();
        var options = new GenerationOptions { MaxTokens = 10, Temperature = 0.9f, Seed = 99, StopAtEndOfGeneration = false };
        string a = string.Concat(await Collect(session.GenerateAsync("hello world", options)));
        string b = string.Concat(await Collect(session.GenerateAsync("hello world", options)));
        Assert.Equal(a, b);
        Assert.Equal(a, session.Generate("hello world", options));
    }

    [Fact]
    public async Task StopSequencesEndTheTextBeforeTheStop()
    {
        using var session = Open();
        var greedy = GenerationOptions.Greedy(20) with { StopAtEndOfGeneration = false };
        string full = session.Generate("once upon a time", greedy);
        Assert.True(full.Length > 6);
        string stop = full.Substring(full.Length / 2, 3);
        string expected = full[..full.IndexOf(stop, StringComparison.Ordinal)];
        string stopped = string.Concat(await Collect(session.GenerateAsync("once upon a time", greedy with { StopSequences = [stop] })));
        Assert.Equal(expected, stopped);
        Assert.Equal("stop_sequence", session.LastStats!.StopReason);
    }

    [Fact]
    public async Task ReusesTheCachedPrefixOfTheNextPrompt()
    {
        using var session = Open();
        var options = GenerationOptions.Greedy(4) with { StopAtEndOfGeneration = false };
        await Collect(session.GenerateAsync("the people of the house", options));
        int first = session.LastStats!.PromptTokensEvaluated;
        string extended = "the people of the house would never go";
        var withCache = string.Concat(await Collect(session.GenerateAsync(extended, options)));
        Assert.True(session.LastStats!.PromptTokensEvaluated < session.LastStats.PromptTokens, "the shared prefix should come from the cache");
        Assert.True(first > 0);
        using var fresh = Open();
        Assert.Equal(string.Concat(await Collect(fresh.GenerateAsync(extended, options))), withCache);
    }

    [Fact]
    public async Task ChatUsesTheTemplateFromTheFile()
    {
        using var session = Open();
        Assert.Equal("chatml", session.Template.Name);
        var reply = await Collect(session.ChatAsync([ChatMessage.User("hello")], GenerationOptions.Greedy(5)));
        Assert.NotNull(session.LastStats);
        Assert.True(session.LastStats!.PromptTokens > 5);
        Assert.True(session.Sequence.Count >= session.LastStats.PromptTokens);
        Assert.True(reply.Count >= 0);
    }

    [Fact]
    public async Task CancellationStopsTheStream()
    {
        using var session = Open();
        using var cts = new CancellationTokenSource();
        int pieces = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in session.GenerateAsync("hello", GenerationOptions.Greedy(50) with { StopAtEndOfGeneration = false }, cts.Token))
            {
                pieces++;
                cts.Cancel();
            }
        });
        Assert.Equal(1, pieces);
    }

    [Fact]
    public void APromptLongerThanTheContextIsRefused()
    {
        using var session = Open();
        string longText = string.Join(' ', Enumerable.Repeat("people", 200));
        var e = Assert.Throws<InvalidOperationException>(() => session.Generate(longText, GenerationOptions.Greedy(2)));
        Assert.Contains("context", e.Message);
    }

    [Fact]
    public void GenerationStopsWhenTheContextIsFull()
    {
        using var session = Open();
        session.Generate("hello", GenerationOptions.Greedy(500) with { StopAtEndOfGeneration = false });
        Assert.Equal("context_full", session.LastStats!.StopReason);
    }
}
