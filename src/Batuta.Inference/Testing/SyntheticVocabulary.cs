using System.Globalization;
using Batuta.Inference.Tokenization;

namespace Batuta.Inference.Testing;

/// <summary>
/// Deterministic vocabularies for synthetic models: a SentencePiece-style one (specials, 256 byte
/// tokens, characters, then word pieces whose every prefix is also a token, so merges can build them)
/// and a GPT-2-style byte-level BPE one with its merge list.
/// </summary>
public static class SyntheticVocabulary
{
    private const string Words =
        "the of and to in is was that for it with as his on be at by had are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place american around however home small found thought went say part once general high upon school every united left number hand course water";

    public static readonly string[] WordList = Words.Split(' ');

    /// <summary>A SentencePiece ("llama") vocabulary of exactly <paramref name="size"/> tokens (at least 300).</summary>
    public static (string[] Tokens, float[] Scores, TokenType[] Types) SentencePiece(int size, bool chatTokens = true)
    {
        var v = new PieceList(size);
        AddSpecials(v, chatTokens);
        AddCharactersAndWords(v);
        AddLetterPairs(v);
        AddLetterTriples(v);
        for (int i = 0; !v.Full; i++) v.Add("<unused" + i.ToString(CultureInfo.InvariantCulture) + ">", TokenType.Unused);

        // Higher score merges first: earlier (shorter, "more frequent") pieces win.
        var scores = new float[v.Tokens.Count];
        for (int i = 0; i < scores.Length; i++) scores[i] = v.Types[i] == TokenType.Normal ? -i : 0f;
        return (v.Tokens.ToArray(), scores, v.Types.ToArray());
    }

    /// <summary>Distinct pieces in order, up to a fixed size; additions past it are ignored.</summary>
    private sealed class PieceList(int size)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> Tokens { get; } = [];
        public List<TokenType> Types { get; } = [];
        public bool Full => Tokens.Count >= size;

        public void Add(string t, TokenType type)
        {
            if (Tokens.Count < size && _seen.Add(t))
            {
                Tokens.Add(t);
                Types.Add(type);
            }
        }
    }

    /// <summary>unk, bos, eos, the 256 byte tokens, then the chat markers.</summary>
    private static void AddSpecials(PieceList v, bool chatTokens)
    {
        v.Add("<unk>", TokenType.Unknown);
        v.Add("<s>", TokenType.Control);
        v.Add("</s>", TokenType.Control);
        for (int b = 0; b < 256; b++) v.Add("<0x" + b.ToString("X2", CultureInfo.InvariantCulture) + ">", TokenType.Byte);
        if (chatTokens)
        {
            v.Add("<|im_start|>", TokenType.Control);
            v.Add("<|im_end|>", TokenType.Control);
        }
    }

    /// <summary>Letters with and without the word marker, every prefix of each word, capitals, digits and punctuation.</summary>
    private static void AddCharactersAndWords(PieceList v)
    {
        v.Add("\u2581", TokenType.Normal);
        for (char c = 'a'; c <= 'z'; c++) v.Add(c.ToString(), TokenType.Normal);
        for (char c = 'a'; c <= 'z'; c++) v.Add("\u2581" + c, TokenType.Normal);
        foreach (var w in WordList)
            for (int len = 2; len <= w.Length; len++) v.Add("\u2581" + w[..len], TokenType.Normal);
        for (char c = 'A'; c <= 'Z'; c++) v.Add(c.ToString(), TokenType.Normal);
        for (char c = '0'; c <= '9'; c++) v.Add(c.ToString(), TokenType.Normal);
        foreach (char c in ".,!?;:'\"()-") v.Add(c.ToString(), TokenType.Normal);
    }

    /// <summary>Letter pairs, then pairs with the word marker, until the vocabulary is full.</summary>
    private static void AddLetterPairs(PieceList v)
    {
        for (char a = 'a'; a <= 'z' && !v.Full; a++)
        for (char b = 'a'; b <= 'z'; b++) v.Add(a.ToString() + b, TokenType.Normal);
        for (char a = 'a'; a <= 'z' && !v.Full; a++)
        for (char b = 'a'; b <= 'z'; b++) v.Add("\u2581" + a + b, TokenType.Normal);
    }

    /// <summary>Letter triples, until the vocabulary is full.</summary>
    private static void AddLetterTriples(PieceList v)
    {
        for (char a = 'a'; a <= 'z' && !v.Full; a++)
        for (char b = 'a'; b <= 'z' && !v.Full; b++)
        for (char c = 'a'; c <= 'z'; c++) v.Add(a.ToString() + b + c, TokenType.Normal);
    }

    /// <summary>A byte-level BPE ("gpt2") vocabulary: 256 byte symbols, then merges that build every word in <see cref="WordList"/> (with and without a leading space).</summary>
    public static (string[] Tokens, TokenType[] Types, string[] Merges) BytePairs(bool chatTokens = true)
    {
        var byteMap = BpeTokenizer.ByteToChar;
        var tokens = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merges = new List<string>();
        for (int b = 0; b < 256; b++)
        {
            tokens.Add(byteMap[b].ToString());
            seen.Add(tokens[^1]);
        }
        char space = byteMap[' '];
        void Merge(string left, string right)
        {
            if (seen.Add(left + right))
            {
                merges.Add(left + " " + right);
                tokens.Add(left + right);
            }
        }
        // Each word is built left to right, then joined to a leading space, as BPE training on text would.
        foreach (var w in WordList)
        {
            for (int i = 1; i < w.Length; i++) Merge(w[..i], w[i].ToString());
            Merge(space.ToString(), w);
        }
        var types = Enumerable.Repeat(TokenType.Normal, tokens.Count).ToList();
        tokens.Add("<|endoftext|>");
        types.Add(TokenType.Control);
        if (chatTokens)
        {
            tokens.Add("<|im_start|>");
            types.Add(TokenType.Control);
            tokens.Add("<|im_end|>");
            types.Add(TokenType.Control);
        }
        return (tokens.ToArray(), types.ToArray(), merges.ToArray());
    }
}
