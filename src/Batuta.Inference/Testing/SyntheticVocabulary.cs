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
        var tokens = new List<string>();
        var types = new List<TokenType>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string t, TokenType type)
        {
            if (tokens.Count < size && seen.Add(t))
            {
                tokens.Add(t);
                types.Add(type);
            }
        }
        Add("<unk>", TokenType.Unknown);
        Add("<s>", TokenType.Control);
        Add("</s>", TokenType.Control);
        for (int b = 0; b < 256; b++) Add("<0x" + b.ToString("X2", CultureInfo.InvariantCulture) + ">", TokenType.Byte);
        if (chatTokens)
        {
            Add("<|im_start|>", TokenType.Control);
            Add("<|im_end|>", TokenType.Control);
        }
        Add("\u2581", TokenType.Normal);
        for (char c = 'a'; c <= 'z'; c++) Add(c.ToString(), TokenType.Normal);
        for (char c = 'a'; c <= 'z'; c++) Add("\u2581" + c, TokenType.Normal);
        foreach (var w in WordList)
            for (int len = 2; len <= w.Length; len++) Add("\u2581" + w[..len], TokenType.Normal);
        for (char c = 'A'; c <= 'Z'; c++) Add(c.ToString(), TokenType.Normal);
        for (char c = '0'; c <= '9'; c++) Add(c.ToString(), TokenType.Normal);
        foreach (char c in ".,!?;:'\"()-") Add(c.ToString(), TokenType.Normal);
        for (char a = 'a'; a <= 'z' && tokens.Count < size; a++)
        for (char b = 'a'; b <= 'z'; b++) Add(a.ToString() + b, TokenType.Normal);
        for (char a = 'a'; a <= 'z' && tokens.Count < size; a++)
        for (char b = 'a'; b <= 'z'; b++) Add("\u2581" + a + b, TokenType.Normal);
        for (char a = 'a'; a <= 'z' && tokens.Count < size; a++)
        for (char b = 'a'; b <= 'z' && tokens.Count < size; b++)
        for (char c = 'a'; c <= 'z'; c++) Add(a.ToString() + b + c, TokenType.Normal);
        for (int i = 0; tokens.Count < size; i++) Add("<unused" + i.ToString(CultureInfo.InvariantCulture) + ">", TokenType.Unused);

        // Higher score merges first: earlier (shorter, "more frequent") pieces win.
        var scores = new float[tokens.Count];
        for (int i = 0; i < scores.Length; i++) scores[i] = types[i] == TokenType.Normal ? -i : 0f;
        return (tokens.ToArray(), scores, types.ToArray());
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
