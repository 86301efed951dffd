using Batuta.Inference.Generation;

namespace Batuta.Inference.Tests.Generation;

public sealed class SamplerTests
{
    private static readonly float[] Logits = [1.0f, 3.0f, 2.0f, -1.0f, 2.5f];

    [Fact]
    public void GreedyTakesTheArgMax()
    {
        var s = new Sampler(GenerationOptions.Greedy());
        Assert.Equal(1, s.Sample((float[])Logits.Clone(), []));
    }

    [Fact]
    public void TheSameSeedGivesTheSameDraws()
    {
        var options = new GenerationOptions { Temperature = 1.0f, TopK = 0, TopP = 1f, Seed = 42 };
        var a = new Sampler(options);
        var b = new Sampler(options);
        var drawsA = Enumerable.Range(0, 50).Select(_ => a.Sample((float[])Logits.Clone(), [])).ToArray();
        var drawsB = Enumerable.Range(0, 50).Select(_ => b.Sample((float[])Logits.Clone(), [])).ToArray();
        Assert.Equal(drawsA, drawsB);
        var c = new Sampler(options with { Seed = 43 });
        Assert.NotEqual(drawsA, Enumerable.Range(0, 50).Select(_ => c.Sample((float[])Logits.Clone(), [])).ToArray());
    }

    [Fact]
    public void DrawsFollowTheSoftmaxOfLogitsOverTemperature()
    {
        const int draws = 40000;
        const float temperature = 0.7f;
        var s = new Sampler(new GenerationOptions { Temperature = temperature, TopK = 0, TopP = 1f, Seed = 1 });
        var counts = new int[Logits.Length];
        for (int i = 0; i < draws; i++) counts[s.Sample((float[])Logits.Clone(), [])]++;
        double z = Logits.Sum(l => Math.Exp(l / temperature));
        for (int i = 0; i < Logits.Length; i++)
        {
            double p = Math.Exp(Logits[i] / temperature) / z;
            double sd = Math.Sqrt(draws * p * (1 - p));
            Assert.InRange(counts[i], draws * p - 5 * sd - 1, draws * p + 5 * sd + 1);
        }
    }

    [Fact]
    public void TopKAndTopPRestrictTheCandidates()
    {
        var topK = new Sampler(new GenerationOptions { Temperature = 5f, TopK = 2, TopP = 1f, Seed = 3 });
        var seen = Enumerable.Range(0, 500).Select(_ => topK.Sample((float[])Logits.Clone(), [])).ToHashSet();
        Assert.Equal(new HashSet<int> { 1, 4 }, seen);

        // p(1) ~ 0.48 at temperature 1: top-p 0.4 keeps only token 1.
        var topP = new Sampler(new GenerationOptions { Temperature = 1f, TopK = 0, TopP = 0.4f, Seed = 3 });
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal(1, topP.Sample((float[])Logits.Clone(), [])));
    }

    [Fact]
    public void RepetitionPenaltyDemotesRecentTokens()
    {
        var s = new Sampler(GenerationOptions.Greedy() with { RepetitionPenalty = 2f });
        // token 1 (3.0) is halved to 1.5 by the penalty, so token 4 (2.5) wins
        Assert.Equal(4, s.Sample((float[])Logits.Clone(), [1]));
        var logits = new float[] { -1f, -2f };
        new Sampler(GenerationOptions.Greedy() with { RepetitionPenalty = 3f }).Sample(logits, [0]);
        Assert.Equal(-3f, logits[0]);
        // outside the window the penalty does not apply
        Assert.Equal(1, new Sampler(GenerationOptions.Greedy() with { RepetitionPenalty = 2f, RepetitionWindow = 1 }).Sample((float[])Logits.Clone(), [1, 0]));
    }
}
