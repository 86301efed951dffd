using System.Text;
using Batuta.Inference.Tokenization;

namespace Batuta.Inference.Generation;

/// <summary>
/// Turns generated tokens into text as they arrive: bytes of multi-byte characters split across tokens
/// are held until complete, and text that could be the start of a stop sequence is held until it is
/// known not to be one.
/// </summary>
public sealed class TextStream
{
    private readonly Tokenizer _tokenizer;
    private readonly Decoder _utf8 = new UTF8Encoding(false, false).GetDecoder();
    private readonly IReadOnlyList<string> _stops;
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _all = new();
    private readonly char[] _chars = new char[64];

    public TextStream(Tokenizer tokenizer, IReadOnlyList<string> stopSequences)
    {
        _tokenizer = tokenizer;
        _stops = stopSequences.Where(s => s.Length > 0).ToList();
    }

    /// <summary>True once a stop sequence was seen; nothing after it is returned.</summary>
    public bool Stopped { get; private set; }

    /// <summary>All text returned so far.</summary>
    public string Text => _all.ToString();

    /// <summary>Adds a token and returns the text that is now safe to show (possibly empty).</summary>
    public string Push(int token)
    {
        if (Stopped) return "";
        var bytes = _tokenizer.TokenBytes(token);
        int count = _utf8.GetCharCount(bytes, flush: false);
        var chars = count <= _chars.Length ? _chars : new char[count];
        int n = _utf8.GetChars(bytes, 0, bytes.Length, chars, 0, flush: false);
        _pending.Append(chars, 0, n);
        return Release(final: false);
    }

    /// <summary>Returns whatever is still held at the end of generation.</summary>
    public string Flush()
    {
        if (Stopped) return "";
        var tail = new char[8];
        int n = _utf8.GetChars([], 0, 0, tail, 0, flush: true);
        _pending.Append(tail, 0, n);
        return Release(final: true);
    }

    private string Release(bool final)
    {
        string pending = _pending.ToString();
        int cut = FirstStop(pending);
        if (cut >= 0)
        {
            Stopped = true;
            return Emit(pending[..cut]);
        }
        int hold = final ? 0 : PossibleStopPrefix(pending);
        string ready = pending[..^hold];
        _pending.Clear().Append(pending, pending.Length - hold, hold);
        return Emit(ready);
    }

    /// <summary>Where the earliest stop sequence starts in <paramref name="pending"/>, or -1.</summary>
    private int FirstStop(string pending)
    {
        int cut = -1;
        foreach (var stop in _stops)
        {
            int at = pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut)) cut = at;
        }
        return cut;
    }

    /// <summary>The longest suffix of <paramref name="pending"/> that is a proper prefix of a stop sequence: kept back, since the next token may complete it.</summary>
    private int PossibleStopPrefix(string pending)
    {
        int hold = 0;
        foreach (var stop in _stops)
            for (int len = Math.Min(stop.Length - 1, pending.Length); len > hold; len--)
                if (string.CompareOrdinal(pending, pending.Length - len, stop, 0, len) == 0)
                {
                    hold = len;
                    break;
                }
        return hold;
    }

    private string Emit(string text)
    {
        _all.Append(text);
        return text;
    }
}
