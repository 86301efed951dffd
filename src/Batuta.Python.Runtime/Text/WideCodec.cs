using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// utf-16 and utf-32, little- or big-endian, or with a BOM (written little-endian, read as the BOM says, little-endian
/// without one): CPython's decode errors ("truncated data", "illegal UTF-16 surrogate", "code point not in range(0x110000)").
/// </summary>
internal sealed class WideCodec : PyCodec
{
    private readonly int _unit;
    private readonly bool _bigEndian;
    private readonly bool _bom;
    private readonly string _name;
    private readonly Encoding _encoding;
    private readonly byte[] _bomBytes;

    private WideCodec(int unit, bool bigEndian, bool bom)
    {
        _unit = unit;
        _bigEndian = bigEndian;
        _bom = bom;
        string bits = unit == 2 ? "utf-16" : "utf-32";
        _name = bom ? bits : bits + (bigEndian ? "-be" : "-le");
        _encoding = unit == 2 ? new UnicodeEncoding(bigEndian, false, true) : new UTF32Encoding(bigEndian, false, true);
        _bomBytes = (unit == 2 ? new UnicodeEncoding(bigEndian, true) : (Encoding)new UTF32Encoding(bigEndian, true)).GetPreamble();
    }

    public static readonly WideCodec Utf16 = new(2, false, true), Utf16Le = new(2, false, false), Utf16Be = new(2, true, false);
    public static readonly WideCodec Utf32 = new(4, false, true), Utf32Le = new(4, false, false), Utf32Be = new(4, true, false);

    public override string ErrorName => _name;
    protected override string EncodeReason => "surrogates not allowed";
    public override bool WrittenInPython => false;

    public override Encoding? Streaming(string errors) => _unit == 2 ? new UnicodeEncoding(_bigEndian, _bom) : new UTF32Encoding(_bigEndian, _bom);

    public override byte[] Encode(string s, string errors)
    {
        var body = base.Encode(s, errors);
        return _bom ? _bomBytes.Concat(body).ToArray() : body;
    }

    public override string Decode(byte[] data, string errors)
    {
        if (!_bom) return base.Decode(data, errors);
        var le = _unit == 2 ? Utf16Le : Utf32Le;
        var be = _unit == 2 ? Utf16Be : Utf32Be;
        var output = new StringBuilder(data.Length / _unit);
        if (data.AsSpan().StartsWith(be._bomBytes)) be.DecodeInto(data, _unit, errors, output);
        else le.DecodeInto(data, data.AsSpan().StartsWith(le._bomBytes) ? _unit : 0, errors, output);
        return output.ToString();
    }

    protected override int EncodableRun(string s, int i) => CodecErrors.WellFormedRun(s, i);

    protected override void EncodeRun(string s, int start, int end, List<byte> output) => output.AddRange(_encoding.GetBytes(s.Substring(start, end - start)));

    protected override int DecodableRun(byte[] data, int i, out int bad, out string reason) => UnitRun(data, i, Unit, out bad, out reason);

    private int Unit(byte[] d, int j, out string? reason, out int bad) => _unit == 2 ? Utf16Unit(d, j, out reason, out bad) : Utf32Unit(d, j, out reason, out bad);

    protected override void DecodeRun(byte[] data, int start, int end, StringBuilder output) => output.Append(_encoding.GetString(data, start, end - start));

    private int Read(byte[] d, int i) => _unit == 2
        ? _bigEndian ? d[i] << 8 | d[i + 1] : d[i] | d[i + 1] << 8
        : _bigEndian ? d[i] << 24 | d[i + 1] << 16 | d[i + 2] << 8 | d[i + 3] : d[i] | d[i + 1] << 8 | d[i + 2] << 16 | d[i + 3] << 24;

    private int Utf16Unit(byte[] d, int i, out string? reason, out int bad)
    {
        int left = d.Length - i;
        (reason, bad) = (null, 2);
        if (left < 2) { (reason, bad) = ("truncated data", left); return 0; }
        int u = Read(d, i);
        if (u is < 0xD800 or > 0xDFFF) return 2;
        if (u >= 0xDC00) { reason = "illegal encoding"; return 0; }
        if (left < 4) { (reason, bad) = ("unexpected end of data", left); return 0; }
        if (Read(d, i + 2) is >= 0xDC00 and <= 0xDFFF) return 4;
        reason = "illegal UTF-16 surrogate";
        return 0;
    }

    private int Utf32Unit(byte[] d, int i, out string? reason, out int bad)
    {
        int left = d.Length - i;
        (reason, bad) = (null, 4);
        if (left < 4) { (reason, bad) = ("truncated data", left); return 0; }
        uint cp = (uint)Read(d, i);
        if (cp > 0x10FFFF) reason = "code point not in range(0x110000)";
        else if (cp is >= 0xD800 and < 0xE000) reason = "code point in surrogate code point range(0xd800, 0xe000)";
        return reason is null ? 4 : 0;
    }
}
