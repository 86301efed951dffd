using System.Globalization;
using System.Text;

namespace Batuta.Inference.Tokenization;

/// <summary>
/// SentencePiece BPE as llama.cpp runs it (<c>llm_tokenizer_spm</c>): spaces become U+2581, the text is
/// split into UTF-8 characters, and the adjacent pair whose concatenation is the highest-scoring
/// vocabulary entry is merged until none is left. Pieces that are not tokens fall back to
/// &lt;0xXX&gt; byte tokens.
/// </summary>
public sealed class SentencePieceTokenizer : Tokenizer
{
    private const string SpaceMark = "\u2581";
    private readonly int[] _byteTokens = new int[256];

    public SentencePieceTokenizer(string[] tokens, float[]? scores, TokenType[]? types, SpecialTokens specials)
        : base(tokens, scores, types, specials)
    {
        for (int b = 0; b < 256; b++)
        {
            if (TryGetId("<0x" + b.ToString("X2", CultureInfo.InvariantCulture) + ">", out int id)) _byteTokens[b] = id;
            else if (TryGetId(((char)b).ToString(), out id) && b < 128) _byteTokens[b] = id;
            else _byteTokens[b] = specials.Unknown ?? 0;
        }
    }

    public override string Model => "llama";

    private struct Symbol
    {
        public int Prev, Next, Start, Length;
    }

    private readonly record struct Bigram(int Left, int Right, float Score, int Length);

    private sealed class BigramOrder : IComparer<Bigram>
    {
        public static readonly BigramOrder Instance = new();

        // Highest score first; on ties the leftmost pair.
        public int Compare(Bigram a, Bigram b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Left.CompareTo(b.Left);
    }

    protected override void EncodeText(string text, bool atStartOrAfterSpecial, List<int> output)
    {
        if (Special.AddSpacePrefix == true && atStartOrAfterSpecial) text = " " + text;
        text = text.Replace(" ", SpaceMark, StringComparison.Ordinal);
        if (text.Length == 0) return;

        // Symbols are whole characters (surrogate pairs kept together), addressed by string index.
        var symbols = new List<Symbol>();
        for (int i = 0; i < text.Length;)
        {
            int len = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            symbols.Add(new Symbol { Prev = symbols.Count - 1, Next = i + len < text.Length ? symbols.Count + 1 : -1, Start = i, Length = len });
            i += len;
        }

        var queue = new PriorityQueue<Bigram, Bigram>(BigramOrder.Instance);
        var revMerge = new Dictionary<string, (int Left, int Right)>(StringComparer.Ordinal);
        var syms = symbols.ToArray();

        void TryAdd(int left, int right)
        {
            if (left < 0 || right < 0) return;
            string s = text.Substring(syms[left].Start, syms[left].Length + syms[right].Length);
            if (!TryGetId(s, out int id)) return;
            var bigram = new Bigram(left, right, Scores[id], s.Length);
            queue.Enqueue(bigram, bigram);
            revMerge[s] = (left, right);
        }

        for (int i = 1; i < syms.Length; i++) TryAdd(i - 1, i);
        while (queue.TryDequeue(out var bigram, out _))
        {
            ref var left = ref syms[bigram.Left];
            ref var right = ref syms[bigram.Right];
            if (left.Length == 0 || right.Length == 0 || left.Length + right.Length != bigram.Length) continue;
            left.Length += right.Length;
            right.Length = 0;
            left.Next = right.Next;
            if (right.Next >= 0) syms[right.Next].Prev = bigram.Left;
            TryAdd(left.Prev, bigram.Left);
            TryAdd(bigram.Left, left.Next);
        }

        for (int i = 0; i != -1 && i < syms.Length; i = syms[i].Next)
            Resegment(text, syms, i, revMerge, output);
    }

    private void Resegment(string text, Symbol[] syms, int index, Dictionary<string, (int Left, int Right)> revMerge, List<int> output)
    {
        string s = text.Substring(syms[index].Start, syms[index].Length);
        if (TryGetId(s, out int id))
        {
            output.Add(id);
            return;
        }
        if (revMerge.TryGetValue(s, out var parts))
        {
            Resegment(text, syms, parts.Left, revMerge, output);
            Resegment(text, syms, parts.Right, revMerge, output);
            return;
        }
        foreach (byte b in Encoding.UTF8.GetBytes(s)) output.Add(_byteTokens[b]);
    }

    public override byte[] TokenBytes(int id, bool renderSpecial = false)
    {
        string text = Tokens[id];
        switch (Types[id])
        {
            case TokenType.Control:
                return renderSpecial ? Encoding.UTF8.GetBytes(text) : [];
            case TokenType.Unknown:
                return Encoding.UTF8.GetBytes("\u2585");
            case TokenType.Byte when text.Length == 6 && text.StartsWith("<0x", StringComparison.Ordinal) && text[5] == '>'
                                     && byte.TryParse(text.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b):
                return [b];
            case TokenType.UserDefined:
                return Encoding.UTF8.GetBytes(text);
            default:
                return Encoding.UTF8.GetBytes(text.Replace(SpaceMark, " ", StringComparison.Ordinal));
        }
    }
}
