using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Inference.Tokenization;

/// <summary>
/// Byte-level BPE (GPT-2 family, Llama 3, Qwen ...): a pre-tokenizer regex splits the text into words,
/// each word's UTF-8 bytes are mapped to printable characters (GPT-2's byte-to-unicode table), and
/// merges are applied lowest rank first.
/// </summary>
public sealed class BpeTokenizer : Tokenizer
{
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
    private const string Llama3Pattern = @"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
    private const string Qwen2Pattern = @"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>GPT-2's byte-to-character map: printable bytes map to themselves, the rest to U+0100 onwards.</summary>
    internal static readonly char[] ByteToChar = BuildByteMap();
    private static readonly Dictionary<char, byte> CharToByte = ByteToChar.Select((c, b) => (c, b)).ToDictionary(p => p.c, p => (byte)p.b);

    // Compiling a pre-tokenizer regex costs milliseconds; every tokenizer with the same pattern shares one.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private readonly Dictionary<(string, string), int> _ranks;
    private readonly Regex _split;
    private readonly bool _ignoreMerges;

    public BpeTokenizer(string[] tokens, float[]? scores, TokenType[]? types, string[] merges, string preTokenizer, SpecialTokens specials)
        : base(tokens, scores, types, specials)
    {
        PreTokenizer = preTokenizer;
        _ranks = new Dictionary<(string, string), int>(merges.Length);
        for (int i = 0; i < merges.Length; i++)
        {
            int space = merges[i].IndexOf(' ', 1);
            if (space <= 0) throw new Formats.ModelFormatException("tokenizer", "tokenizer.ggml.merges", -1, $"merge {i} ('{merges[i]}') is not two symbols separated by a space");
            _ranks.TryAdd((merges[i][..space], merges[i][(space + 1)..]), i);
        }
        (string pattern, _ignoreMerges) = preTokenizer switch
        {
            "llama-bpe" or "llama3" or "smaug-bpe" or "dbrx" => (Llama3Pattern, true),
            "qwen2" or "deepseek-r1-qwen" => (Qwen2Pattern, false),
            _ => (Gpt2Pattern, false),
        };
        _split = Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled));
    }

    public override string Model => "gpt2";

    /// <summary>The <c>tokenizer.ggml.pre</c> name; unknown names use the GPT-2 pattern.</summary>
    public string PreTokenizer { get; }

    private static char[] BuildByteMap()
    {
        var map = new char[256];
        var direct = new bool[256];
        for (int b = '!'; b <= '~'; b++) direct[b] = true;
        for (int b = 0xA1; b <= 0xAC; b++) direct[b] = true;
        for (int b = 0xAE; b <= 0xFF; b++) direct[b] = true;
        int next = 256;
        for (int b = 0; b < 256; b++) map[b] = direct[b] ? (char)b : (char)next++;
        return map;
    }

    private static string MapBytes(string word)
    {
        var bytes = Encoding.UTF8.GetBytes(word);
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    protected override void EncodeText(string text, bool atStartOrAfterSpecial, List<int> output)
    {
        if (Special.AddSpacePrefix == true && atStartOrAfterSpecial) text = " " + text;
        foreach (Match m in _split.Matches(text))
        {
            string word = MapBytes(m.Value);
            if (_ignoreMerges && TryGetId(word, out int whole))
            {
                output.Add(whole);
                continue;
            }
            EncodeWord(word, output);
        }
    }

    private readonly record struct Bigram(int Left, int Right, int Rank, string Text);

    private sealed class BigramOrder : IComparer<Bigram>
    {
        public static readonly BigramOrder Instance = new();

        // Lowest rank first; on ties the leftmost pair (llama.cpp's llm_tokenizer_bpe order).
        public int Compare(Bigram a, Bigram b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Left.CompareTo(b.Left);
    }

    private void EncodeWord(string word, List<int> output)
    {
        // Every mapped character is one symbol (the byte map stays inside the BMP).
        int n = word.Length;
        if (n == 0) return;
        var start = new int[n];
        var length = new int[n];
        var prev = new int[n];
        var next = new int[n];
        for (int i = 0; i < n; i++)
        {
            start[i] = i;
            length[i] = 1;
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        var queue = new PriorityQueue<Bigram, Bigram>(BigramOrder.Instance);
        void TryAdd(int left, int right)
        {
            if (left < 0 || right < 0) return;
            string a = word.Substring(start[left], length[left]), b = word.Substring(start[right], length[right]);
            if (_ranks.TryGetValue((a, b), out int rank))
            {
                var bigram = new Bigram(left, right, rank, a + b);
                queue.Enqueue(bigram, bigram);
            }
        }
        for (int i = 1; i < n; i++) TryAdd(i - 1, i);
        while (queue.TryDequeue(out var bigram, out _))
        {
            int l = bigram.Left, r = bigram.Right;
            if (length[l] == 0 || length[r] == 0 || length[l] + length[r] != bigram.Text.Length
                || string.CompareOrdinal(word, start[l], bigram.Text, 0, bigram.Text.Length) != 0 || next[l] != r)
                continue;
            length[l] += length[r];
            length[r] = 0;
            next[l] = next[r];
            if (next[r] >= 0) prev[next[r]] = l;
            TryAdd(prev[l], l);
            TryAdd(l, next[l]);
        }
        for (int i = 0; i != -1; i = next[i])
        {
            string p = word.Substring(start[i], length[i]);
            if (TryGetId(p, out int id))
            {
                output.Add(id);
                continue;
            }
            foreach (char ch in p)
            {
                if (TryGetId(ch.ToString(), out int single)) output.Add(single);
                else if (Special.Unknown is int unk) output.Add(unk);
            }
        }
    }

    public override byte[] TokenBytes(int id, bool renderSpecial = false)
    {
        string text = Tokens[id];
        switch (Types[id])
        {
            case TokenType.Control:
                return renderSpecial ? Encoding.UTF8.GetBytes(text) : [];
            case TokenType.UserDefined:
                return Encoding.UTF8.GetBytes(text);
            default:
            {
                var bytes = new List<byte>(text.Length);
                foreach (char ch in text)
                {
                    if (CharToByte.TryGetValue(ch, out byte b)) bytes.Add(b);
                    else bytes.AddRange(Encoding.UTF8.GetBytes(ch.ToString()));
                }
                return bytes.ToArray();
            }
        }
    }
}
