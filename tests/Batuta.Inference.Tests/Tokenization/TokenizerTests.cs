using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Testing;
using Batuta.Inference.Tokenization;

namespace Batuta.Inference.Tests.Tokenization;

public sealed class TokenizerTests
{
    private static Tokenizer Load(string kind, int vocab = 3000)
    {
        var spec = new SyntheticModelSpec
        {
            Tokenizer = kind,
            VocabSize = kind == "gpt2" ? SyntheticVocabulary.BytePairs().Tokens.Length : vocab,
            EmbeddingLength = 32,
            Heads = 2,
            KvHeads = 2,
            FeedForwardLength = 32,
            Layers = 1,
        };
        using var file = GgufFile.Parse(SyntheticModel.ToBytes(spec));
        return Tokenizer.FromGguf(file);
    }

    public static IEnumerable<object[]> Texts() => new[]
    {
        "hello world",
        "The people of the house would never go there again.",
        "  leading and  double  spaces ",
        "line one\nline two\n\n\ttabbed",
        "UPPER lower MiXeD 12345 3.14159",
        "naïve café, Zürich — “quotes” and ellipsis…",
        "日本語のテキスト、中文，한국어",
        "emoji 🤖🚀 and symbols ∑∫√ ≠ ≤",
        "",
        "x",
    }.Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(Texts))]
    public void SentencePieceRoundTripsText(string text)
    {
        var t = Load("llama");
        var ids = t.Encode(text);
        Assert.Equal(t.Special.Bos, ids[0]);
        Assert.Equal(text, t.Decode(ids));
        Assert.Equal(text, t.Decode(t.Encode(text, addSpecial: false)));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void BytePairRoundTripsText(string text)
    {
        var t = Load("gpt2");
        Assert.Equal(text, t.Decode(t.Encode(text)));
    }

    [Fact]
    public void SentencePieceMergesWholeWordsAndFallsBackToBytes()
    {
        var t = Load("llama");
        var ids = t.Encode("the people", addSpecial: false);
        Assert.Equal(["\u2581the", "\u2581people"], ids.Select(i => t.Tokens[i]));
        // a character absent from the vocabulary becomes its UTF-8 bytes
        ids = t.Encode("é", addSpecial: false);
        Assert.Equal(["\u2581", "<0xC3>", "<0xA9>"], ids.Select(i => t.Tokens[i]));
        Assert.Equal("é", t.Decode(ids));
    }

    [Fact]
    public void BytePairAppliesMergesByRank()
    {
        var t = Load("gpt2");
        var ids = t.Encode("the people", addSpecial: false);
        Assert.Equal(["the", "\u0120people"], ids.Select(i => t.Tokens[i]));
        // an unseen word falls apart into byte symbols and the merges it does have
        ids = t.Encode("zzq", addSpecial: false);
        Assert.Equal("zzq", t.Decode(ids));
    }

    [Theory]
    [InlineData("llama")]
    [InlineData("gpt2")]
    public void SpecialTokensAreParsedOnlyWhenAsked(string kind)
    {
        var t = Load(kind);
        Assert.True(t.TryGetId("<|im_start|>", out int start));
        var parsed = t.Encode("<|im_start|>user\nhello<|im_end|>", addSpecial: false, parseSpecial: true);
        Assert.Equal(start, parsed[0]);
        Assert.True(t.TryGetId("<|im_end|>", out int end));
        Assert.Equal(end, parsed[^1]);
        var literal = t.Encode("<|im_start|>user", addSpecial: false, parseSpecial: false);
        Assert.DoesNotContain(start, literal);
        // control tokens render as nothing unless asked
        Assert.Equal("user\nhello", t.Decode(parsed).TrimStart());
        Assert.Contains("<|im_start|>", t.Decode(parsed, renderSpecial: true));
        Assert.Contains(end, t.EndOfGeneration);
    }

    [Fact]
    public void EndOfGenerationIncludesEos()
    {
        var t = Load("llama");
        Assert.Contains(2, t.EndOfGeneration);
        Assert.Equal(1, t.Special.Bos);
        Assert.True(t.Special.AddBos);
    }

    [Fact]
    public void RejectsIdsOutsideTheVocabulary()
    {
        var t = Load("llama", 400);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Decode([400]));
    }
}
