using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>utf-8 (and utf-8-sig: a BOM written first, skipped when read): lone surrogates do not encode; CPython's decoder's error regions and reasons.</summary>
internal sealed class Utf8Codec(bool signature) : PyCodec
{
    private static readonly UTF8Encoding Strict = new(false, true);
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    public static Utf8Codec Plain { get; } = new(false);
    public static Utf8Codec Sig { get; } = new(true);

    public override string ErrorName => signature ? "utf-8-sig" : "utf-8";
    protected override string EncodeReason => "surrogates not allowed";
    public override bool WrittenInPython => false;

    public override Encoding? Streaming(string errors) => new UTF8Encoding(signature);

    public override byte[] Encode(string s, string errors)
    {
        var body = IsWellFormed(s) ? Strict.GetBytes(s) : base.Encode(s, errors);
        return signature ? Bom.Concat(body).ToArray() : body;
    }

    public override string Decode(byte[] data, string errors)
    {
        int from = signature && data.AsSpan().StartsWith(Bom) ? 3 : 0;
        if (System.Text.Unicode.Utf8.IsValid(data.AsSpan(from))) return Strict.GetString(data, from, data.Length - from);
        var output = new StringBuilder(data.Length);
        DecodeInto(data, from, errors, output);
        return output.ToString();
    }

    private static bool IsWellFormed(string s) => CodecErrors.WellFormedRun(s, 0) == s.Length;

    protected override int EncodableRun(string s, int i) => CodecErrors.WellFormedRun(s, i);

    protected override void EncodeRun(string s, int start, int end, List<byte> output) => output.AddRange(Strict.GetBytes(s.Substring(start, end - start)));

    protected override int DecodableRun(byte[] data, int i, out int bad, out string reason) => UnitRun(data, i, Sequence, out bad, out reason);

    protected override void DecodeRun(byte[] data, int start, int end, StringBuilder output) => output.Append(Strict.GetString(data, start, end - start));

    /// <summary>The length of the well-formed sequence at <paramref name="i"/>, or CPython's reason why it is not one and how many bytes the error covers.</summary>
    private static int Sequence(byte[] d, int i, out string? reason, out int bad)
    {
        reason = null;
        bad = 1;
        byte b = d[i];
        if (b < 0x80) return 1;
        int need = Continuations(b);
        if (need < 0) { reason = "invalid start byte"; return 0; }
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= d.Length) { reason = "unexpected end of data"; bad = k; return 0; }
            if (!ContinuationFits(b, k, d[i + k])) { reason = "invalid continuation byte"; bad = k; return 0; }
        }
        return need + 1;
    }

    private static int Continuations(byte lead) => lead switch
    {
        >= 0xC2 and <= 0xDF => 1,
        >= 0xE0 and <= 0xEF => 2,
        >= 0xF0 and <= 0xF4 => 3,
        _ => -1,
    };

    /// <summary>The k-th byte after <paramref name="lead"/>: 0x80-0xBF, narrower right after E0/ED/F0/F4 (no overlongs, surrogates or > U+10FFFF).</summary>
    private static bool ContinuationFits(byte lead, int k, byte c)
    {
        if (k > 1) return c is >= 0x80 and <= 0xBF;
        byte lo = lead switch { 0xE0 => 0xA0, 0xF0 => 0x90, _ => 0x80 };
        byte hi = lead switch { 0xED => 0x9F, 0xF4 => 0x8F, _ => 0xBF };
        return c >= lo && c <= hi;
    }
}
