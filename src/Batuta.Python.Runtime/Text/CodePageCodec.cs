using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// The multi-byte East Asian codecs (shift_jis, gbk, big5, euc-kr...) through .NET's code pages: the encoding is
/// .NET's; an error names the first byte or character it met ("illegal multibyte sequence"), as CPython's error does
/// for the common cases.
/// </summary>
internal sealed class CodePageCodec : PyCodec
{
    private readonly string _name;
    private readonly Encoding _strict;

    static CodePageCodec() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CodePageCodec(string name, int codePage)
    {
        _name = name;
        _strict = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public override string ErrorName => _name;
    protected override string EncodeReason => "illegal multibyte sequence";

    public override Encoding? Streaming(string errors) => Encoding.GetEncoding(_strict.CodePage);

    protected override int EncodableRun(string s, int i)
    {
        int j = i;
        while (j < s.Length && CanEncode(s.Substring(j, CodecErrors.UnitsAt(s, j)))) j += CodecErrors.UnitsAt(s, j);
        return j - i;
    }

    private bool CanEncode(string ch)
    {
        try
        {
            _strict.GetByteCount(ch);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    protected override void EncodeRun(string s, int start, int end, List<byte> output) => output.AddRange(_strict.GetBytes(s.Substring(start, end - start)));

    public override string Decode(byte[] data, string errors) => CodecErrors.TryStrict(_strict, data) ?? base.Decode(data, errors);

    protected override int DecodableRun(byte[] data, int i, out int bad, out string reason)
    {
        (bad, reason) = (1, "illegal multibyte sequence");
        int j = i;
        while (j < data.Length && CharacterAt(data, j) is int n and > 0) j += n;
        if (j == i && data.Length - i < 2) reason = "incomplete multibyte sequence";
        return j - i;
    }

    /// <summary>How many bytes (1 or 2) the character at <paramref name="i"/> takes; 0 when neither decodes.</summary>
    private int CharacterAt(byte[] data, int i)
    {
        for (int n = 1; n <= Math.Min(4, data.Length - i); n++)
        {
            try
            {
                _strict.GetCharCount(data, i, n);
                return n;
            }
            catch (DecoderFallbackException)
            {
                // a lead byte alone does not decode: try it with the next
            }
        }
        return 0;
    }

    protected override void DecodeRun(byte[] data, int start, int end, StringBuilder output) => output.Append(_strict.GetString(data, start, end - start));
}
