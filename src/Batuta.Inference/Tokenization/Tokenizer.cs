using System.Globalization;
using System.Text;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Gguf;

namespace Batuta.Inference.Tokenization;

/// <summary>
/// Text to token ids and back, built from a model's own vocabulary (GGUF <c>tokenizer.ggml.*</c>).
/// Special tokens (control and user-defined) are matched as whole strings before the subword
/// algorithm runs; control tokens only when <c>parseSpecial</c> is set, as llama.cpp does.
/// </summary>
public abstract class Tokenizer
{
    private readonly Dictionary<string, int> _ids;
    private readonly (string Text, int Id)[] _specials;
    private readonly (string Text, int Id)[] _userDefined;
    private readonly HashSet<int> _endOfGeneration;

    protected Tokenizer(string[] tokens, float[]? scores, TokenType[]? types, SpecialTokens specials)
    {
        Tokens = tokens;
        Scores = scores ?? new float[tokens.Length];
        Types = types ?? Enumerable.Repeat(TokenType.Normal, tokens.Length).ToArray();
        if (Scores.Count != tokens.Length || Types.Count != tokens.Length)
            throw new ModelFormatException("tokenizer", "tokenizer.ggml.scores/token_type", -1, $"lengths differ from the {tokens.Length} tokens");
        Special = specials;
        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++) _ids.TryAdd(tokens[i], i);

        _specials = Enumerable.Range(0, tokens.Length)
            .Where(i => Types[i] is TokenType.Control or TokenType.UserDefined or TokenType.Unknown && tokens[i].Length > 0)
            .Select(i => (tokens[i], i)).OrderByDescending(s => s.Item1.Length).ToArray();
        _userDefined = _specials.Where(s => Types[s.Id] == TokenType.UserDefined).ToArray();

        _endOfGeneration = [];
        if (specials.Eos is int eos) _endOfGeneration.Add(eos);
        if (specials.Eot is int eot) _endOfGeneration.Add(eot);
        foreach (var name in new[] { "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "</s>", "<|end_of_text|>" })
            if (_ids.TryGetValue(name, out int id) && Types[id] is TokenType.Control or TokenType.UserDefined) _endOfGeneration.Add(id);
    }

    public IReadOnlyList<string> Tokens { get; }
    public IReadOnlyList<float> Scores { get; }
    public IReadOnlyList<TokenType> Types { get; }
    public SpecialTokens Special { get; }
    public int VocabSize => Tokens.Count;

    /// <summary>"llama" (SentencePiece) or "gpt2" (byte-level BPE).</summary>
    public abstract string Model { get; }

    /// <summary>Token ids that end generation (EOS, EOT and chat-turn terminators present in the vocabulary).</summary>
    public IReadOnlySet<int> EndOfGeneration => _endOfGeneration;

    public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

    public static Tokenizer FromGguf(GgufFile file)
    {
        string model = file.GetString("tokenizer.ggml.model")
            ?? throw new ModelFormatException("tokenizer", "tokenizer.ggml.model", -1, "the key is missing", "the GGUF file carries no tokenizer; supply one.");
        string[] tokens = Array<string>(file, "tokenizer.ggml.tokens") ?? throw new ModelFormatException("tokenizer", "tokenizer.ggml.tokens", -1, "the key is missing");
        if (tokens.Length == 0) throw new ModelFormatException("tokenizer", "tokenizer.ggml.tokens", -1, "the vocabulary is empty");
        float[]? scores = Array<float>(file, "tokenizer.ggml.scores");
        TokenType[]? types = file.Metadata.TryGetValue("tokenizer.ggml.token_type", out var tt)
            ? tt.AsInt32Array().Select(v => v is >= 0 and <= 6 ? (TokenType)v : TokenType.Undefined).ToArray() : null;

        int? Id(string key)
        {
            long? v = file.GetInteger(key);
            if (v is null) return null;
            if (v < 0 || v >= tokens.Length)
                throw new ModelFormatException("tokenizer", key, -1, $"token id {v} is outside the {tokens.Length}-token vocabulary");
            return (int)v;
        }

        var specials = new SpecialTokens
        {
            Bos = Id("tokenizer.ggml.bos_token_id"),
            Eos = Id("tokenizer.ggml.eos_token_id"),
            Eot = Id("tokenizer.ggml.eot_token_id"),
            Unknown = Id("tokenizer.ggml.unknown_token_id"),
            Padding = Id("tokenizer.ggml.padding_token_id"),
            AddBos = file.GetBool("tokenizer.ggml.add_bos_token"),
            AddEos = file.GetBool("tokenizer.ggml.add_eos_token"),
            AddSpacePrefix = file.GetBool("tokenizer.ggml.add_space_prefix"),
        };

        switch (model)
        {
            case "llama":
                return new SentencePieceTokenizer(tokens, scores, types, specials with
                {
                    Bos = specials.Bos ?? 1,
                    Eos = specials.Eos ?? 2,
                    Unknown = specials.Unknown ?? 0,
                    AddBos = specials.AddBos ?? true,
                    AddSpacePrefix = specials.AddSpacePrefix ?? true,
                });
            case "gpt2":
            {
                string[] merges = Array<string>(file, "tokenizer.ggml.merges")
                    ?? throw new ModelFormatException("tokenizer", "tokenizer.ggml.merges", -1, "a gpt2 (BPE) tokenizer needs its merges");
                string pre = file.GetString("tokenizer.ggml.pre") ?? "default";
                return new BpeTokenizer(tokens, scores, types, merges, pre, specials with { AddSpacePrefix = specials.AddSpacePrefix ?? false });
            }
            default:
                throw new ModelFormatException("tokenizer", "tokenizer.ggml.model", -1,
                    $"tokenizer model '{model}' is not supported; supported: llama (SentencePiece), gpt2 (byte-level BPE)");
        }
    }

    private static T[]? Array<T>(GgufFile file, string key)
    {
        if (!file.Metadata.TryGetValue(key, out var v)) return null;
        try
        {
            return v.AsArray<T>();
        }
        catch (InvalidCastException e)
        {
            throw new ModelFormatException("tokenizer", key, -1, e.Message);
        }
    }

    /// <summary>
    /// Encodes text. <paramref name="addSpecial"/> adds BOS/EOS as the vocabulary asks;
    /// <paramref name="parseSpecial"/> turns control-token text such as "&lt;|im_start|&gt;" into its id.
    /// </summary>
    public List<int> Encode(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        var output = new List<int>();
        if (addSpecial && Special.AddBos == true && Special.Bos is int bos) output.Add(bos);
        bool previousSpecial = true;
        foreach (var (fragment, id) in Partition(text, parseSpecial))
        {
            if (id >= 0)
            {
                output.Add(id);
                previousSpecial = true;
            }
            else
            {
                EncodeText(fragment, previousSpecial, output);
                previousSpecial = false;
            }
        }
        if (addSpecial && Special.AddEos == true && Special.Eos is int eos) output.Add(eos);
        return output;
    }

    /// <summary>Runs the subword algorithm on plain text (no special tokens inside).</summary>
    protected abstract void EncodeText(string text, bool atStartOrAfterSpecial, List<int> output);

    /// <summary>The bytes a token contributes to the output text; control tokens give none unless <paramref name="renderSpecial"/>.</summary>
    public abstract byte[] TokenBytes(int id, bool renderSpecial = false);

    /// <summary>Decodes a sequence, dropping special tokens unless asked, and the leading space a SentencePiece prefix adds.</summary>
    public string Decode(IEnumerable<int> ids, bool renderSpecial = false)
    {
        var bytes = new List<byte>();
        bool first = true;
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)VocabSize) throw new ArgumentOutOfRangeException(nameof(ids), $"token id {id} is outside the vocabulary of {VocabSize}");
            var piece = TokenBytes(id, renderSpecial);
            if (piece.Length == 0) continue;
            int skip = first && Special.AddSpacePrefix == true && piece[0] == (byte)' ' ? 1 : 0;
            first = false;
            for (int i = skip; i < piece.Length; i++) bytes.Add(piece[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Splits text into plain fragments (id -1) and special tokens, longest match first.</summary>
    private IEnumerable<(string Text, int Id)> Partition(string text, bool parseSpecial)
    {
        var specials = parseSpecial ? _specials : _userDefined;
        if (specials.Length == 0)
        {
            if (text.Length > 0) yield return (text, -1);
            yield break;
        }
        int start = 0;
        for (int i = 0; i < text.Length;)
        {
            int match = -1, length = 0;
            foreach (var (s, id) in specials)
            {
                if (s[0] == text[i] && i + s.Length <= text.Length && string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                {
                    match = id;
                    length = s.Length;
                    break;
                }
            }
            if (match < 0)
            {
                i++;
                continue;
            }
            if (i > start) yield return (text[start..i], -1);
            yield return (text.Substring(i, length), match);
            i += length;
            start = i;
        }
        if (start < text.Length) yield return (text[start..], -1);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Model} tokenizer, {VocabSize} tokens");
}

/// <summary>Ids with special roles, and the vocabulary's BOS/EOS/space-prefix conventions.</summary>
public sealed record SpecialTokens
{
    public int? Bos { get; init; }
    public int? Eos { get; init; }
    public int? Eot { get; init; }
    public int? Unknown { get; init; }
    public int? Padding { get; init; }
    public bool? AddBos { get; init; }
    public bool? AddEos { get; init; }
    public bool? AddSpacePrefix { get; init; }
}
