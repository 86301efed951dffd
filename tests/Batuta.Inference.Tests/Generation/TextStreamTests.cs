using Batuta.Inference.Generation;
using Batuta.Inference.Tokenization;

namespace Batuta.Inference.Tests.Generation;

public sealed class TextStreamTests
{
    // A byte-level vocabulary: every byte is a token, plus a few words.
    private static readonly Tokenizer Bytes = new SentencePieceTokenizer(
        Enumerable.Range(0, 256).Select(b => $"<0x{b:X2}>").Concat(["\u2581hello", "\u2581world", "STOP", "ST", "OP"]).ToArray(),
        null,
        Enumerable.Repeat(TokenType.Byte, 256).Concat(Enumerable.Repeat(TokenType.Normal, 5)).ToArray(),
        new SpecialTokens());

    private static int Id(string token) => Bytes.TryGetId(token, out int id) ? id : throw new KeyNotFoundException(token);

    [Fact]
    public void HoldsMultiByteCharactersUntilComplete()
    {
        var s = new TextStream(Bytes, []);
        var utf8 = System.Text.Encoding.UTF8.GetBytes("é🚀");
        var pieces = utf8.Select(b => s.Push(b)).ToList();
        Assert.Equal(["", "é", "", "", "", "🚀"], pieces);
        Assert.Equal("é🚀", s.Text);
    }

    [Fact]
    public void StopsAtAStopSequenceSplitAcrossTokens()
    {
        var s = new TextStream(Bytes, ["ST" + "OP"]);
        Assert.Equal(" hello", s.Push(Id("\u2581hello")));
        Assert.Equal("", s.Push(Id("ST")));     // could be the start of STOP: held back
        Assert.Equal("", s.Push(Id("OP")));     // completes STOP: nothing after it is returned
        Assert.True(s.Stopped);
        Assert.Equal(" hello", s.Text);
        Assert.Equal("", s.Push(Id("\u2581world")));
    }

    [Fact]
    public void ReleasesHeldTextWhenItIsNotAStop()
    {
        var s = new TextStream(Bytes, ["STOP"]);
        Assert.Equal("", s.Push(Id("ST")));
        Assert.Equal("ST world", s.Push(Id("\u2581world")));
        Assert.Equal("", s.Push(Id("ST")));
        Assert.Equal("ST", s.Flush());
        Assert.False(s.Stopped);
    }
}
