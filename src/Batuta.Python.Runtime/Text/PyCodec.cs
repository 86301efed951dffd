using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// One of Python's codecs: encodes and decodes run by run, handing every run it cannot encode or decode to the
/// <c>errors=</c> handler (<see cref="CodecErrors"/>) with CPython's codec name and reason, so every codec raises
/// CPython's UnicodeEncodeError / UnicodeDecodeError and applies the same handlers.
/// </summary>
internal abstract class PyCodec
{
    /// <summary>The name CPython's errors give the codec ('utf-8', 'latin-1', 'charmap').</summary>
    public abstract string ErrorName { get; }

    /// <summary>Why a character cannot be encoded ("ordinal not in range(128)").</summary>
    protected abstract string EncodeReason { get; }

    /// <summary>How many UTF-16 units from <paramref name="i"/> on the codec encodes (0: the character there is unencodable).</summary>
    protected abstract int EncodableRun(string s, int i);

    protected abstract void EncodeRun(string s, int start, int end, List<byte> output);

    /// <summary>How many bytes from <paramref name="i"/> on decode; 0 with the undecodable bytes' count and CPython's reason.</summary>
    protected abstract int DecodableRun(byte[] data, int i, out int bad, out string reason);

    protected abstract void DecodeRun(byte[] data, int start, int end, StringBuilder output);

    /// <summary>The length of the well-formed unit at <paramref name="i"/>, or CPython's reason why it is not one and how many bytes the error covers.</summary>
    protected delegate int UnitReader(byte[] data, int i, out string? reason, out int bad);

    /// <summary>A decodable run of variable-length units (UTF-8 sequences, UTF-16/32 units): up to the first malformed one, whose error is the run's when it comes first.</summary>
    protected static int UnitRun(byte[] data, int i, UnitReader unit, out int bad, out string reason)
    {
        bad = 0;
        reason = "";
        int j = i;
        while (j < data.Length)
        {
            int len = unit(data, j, out string? why, out int badHere);
            if (why is not null)
            {
                if (j == i) { bad = badHere; reason = why; }
                break;
            }
            j += len;
        }
        return j - i;
    }

    /// <summary>Whether every ASCII character encodes (a text file's writes of ASCII text need no check then).</summary>
    public virtual bool EncodesAscii => false;

    /// <summary>Whether CPython's codec is a Python class (the charmaps, the East Asian codecs): its errors come wrapped in a note.</summary>
    public virtual bool WrittenInPython => true;

    /// <summary>A .NET encoding that streams this codec exactly (a file's reader and writer); null: stream through <see cref="CodecEncoding"/>.</summary>
    public virtual Encoding? Streaming(string errors) => null;

    public virtual byte[] Encode(string s, string errors)
    {
        var output = new List<byte>(s.Length);
        EncodeInto(s, errors, output);
        return output.ToArray();
    }

    protected void EncodeInto(string s, string errors, List<byte> output)
    {
        int i = 0;
        while (i < s.Length)
        {
            int n = EncodableRun(s, i);
            if (n > 0)
            {
                EncodeRun(s, i, i + n, output);
                i += n;
                continue;
            }
            int end = i;
            while (end < s.Length && EncodableRun(s, end) == 0) end += CodecErrors.UnitsAt(s, end);
            CodecErrors.OnEncodeError(this, errors, s, i, end, EncodeReason, output);
            i = end;
        }
    }

    /// <summary>The replacement an error handler gave, encoded strictly (CPython encodes it with the codec too).</summary>
    internal void EncodeReplacement(string replacement, List<byte> output) => EncodeInto(replacement, "strict", output);

    public virtual string Decode(byte[] data, string errors)
    {
        var output = new StringBuilder(data.Length);
        DecodeInto(data, 0, errors, output);
        return output.ToString();
    }

    protected void DecodeInto(byte[] data, int from, string errors, StringBuilder output)
    {
        int i = from;
        while (i < data.Length)
        {
            int n = DecodableRun(data, i, out int bad, out string reason);
            if (n > 0)
            {
                DecodeRun(data, i, i + n, output);
                i += n;
                continue;
            }
            output.Append(CodecErrors.OnDecodeError(ErrorName, errors, data, i, i + bad, reason));
            i += bad;
        }
    }
}

/// <summary>ascii, latin-1 and the charmap codecs (cp1252, iso8859_15, cp437, mac_roman...): one byte per character, from a 256-character table.</summary>
internal sealed class SingleByteCodec : PyCodec
{
    private const char Undefined = '\uFFFE';
    private readonly string _table;
    private readonly Dictionary<char, byte> _encoding = new();
    private readonly string _reason;

    public SingleByteCodec(string errorName, string table, string reason)
    {
        ErrorName = errorName;
        _table = table;
        _reason = reason;
        // a character two bytes decode to encodes as the later one, as CPython's charmap_build
        for (int b = 0; b < 256; b++)
            if (table[b] != Undefined) _encoding[table[b]] = (byte)b;
    }

    public static SingleByteCodec Ascii { get; } = new("ascii", new string(Enumerable.Range(0, 256).Select(b => b < 128 ? (char)b : Undefined).ToArray()), "ordinal not in range(128)");
    public static SingleByteCodec Latin1 { get; } = new("latin-1", new string(Enumerable.Range(0, 256).Select(b => (char)b).ToArray()), "ordinal not in range(256)");

    public override string ErrorName { get; }
    protected override string EncodeReason => _reason;
    public override bool WrittenInPython => ErrorName == "charmap";
    public override bool EncodesAscii => Enumerable.Range(0, 128).All(c => _encoding.ContainsKey((char)c));

    protected override int EncodableRun(string s, int i)
    {
        int j = i;
        while (j < s.Length && _encoding.ContainsKey(s[j])) j++;
        return j - i;
    }

    protected override void EncodeRun(string s, int start, int end, List<byte> output)
    {
        for (int i = start; i < end; i++) output.Add(_encoding[s[i]]);
    }

    protected override int DecodableRun(byte[] data, int i, out int bad, out string reason)
    {
        bad = 1;
        reason = _reason;
        int j = i;
        while (j < data.Length && _table[data[j]] != Undefined) j++;
        return j - i;
    }

    protected override void DecodeRun(byte[] data, int start, int end, StringBuilder output)
    {
        for (int i = start; i < end; i++) output.Append(_table[data[i]]);
    }
}
