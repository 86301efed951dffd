using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>binascii.Error (a ValueError), which base64 raises too.</summary>
public sealed class BinAsciiError(string message) : ValueError(message)
{
    protected override string? PyTypeNameOverride => "Error";

    public override string PyModule => "binascii";
}

/// <summary>Python's <c>binascii</c>: hex, base64 lines and crc32, with CPython's errors.</summary>
public static class BinAscii
{
    public static PyBytes Hexlify(object? data, object? sep = null) =>
        Ascii(sep is null ? new PyBytes(Input(data)).Hex() : new PyBytes(Input(data)).Hex(sep is string s ? s : Encoding.Latin1.GetString(Input(sep))));

    public static PyBytes Unhexlify(object? hexstr)
    {
        var text = Input(hexstr, "argument should be bytes, buffer or ASCII string");
        if (text.Length % 2 != 0) throw new BinAsciiError("Odd-length string");
        if (!text.All(b => char.IsAsciiHexDigit((char)b))) throw new BinAsciiError("Non-hexadecimal digit found");
        return new PyBytes(Convert.FromHexString(Encoding.Latin1.GetString(text)));
    }

    public static long Crc32(object? data, long value = 0)
    {
        uint crc = ~(uint)value;
        foreach (var b in Input(data))
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static PyBytes B2aBase64(object? data, bool newline = true) => Ascii(Convert.ToBase64String(Input(data)) + (newline ? "\n" : ""));

    public static PyBytes A2bBase64(object? data, bool strictMode = false) => new(Base64Decoder.Decode(Input(data, "argument should be bytes, buffer or ASCII string"), strictMode));

    /// <summary>The bytes of a bytes-like argument, or of an ASCII str where the function also takes one (its message otherwise).</summary>
    internal static byte[] Input(object? data, string? orString = null) => data switch
    {
        string s when orString is not null => s.All(char.IsAscii) ? Encoding.ASCII.GetBytes(s) : throw new ValueError("string argument should contain only ASCII characters"),
        PyBytes or PyByteArray => PyByteArray.BytesLike(data).Data,
        _ when orString is not null => throw new TypeError($"{orString}, not '{Dyn.TypeName(data)}'"),
        _ => throw new TypeError($"a bytes-like object is required, not '{Dyn.TypeName(data)}'"),
    };

    internal static PyBytes Ascii(string s) => new(Encoding.ASCII.GetBytes(s));
}

/// <summary>binascii.a2b_base64 as CPython 3.11 runs it: non-alphabet bytes skipped (or refused in strict mode), a complete pad ends the data.</summary>
internal static class Base64Decoder
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private sealed class State
    {
        public readonly List<byte> Output = new();
        public int QuadPos, Pads, LeftChar;
        public bool PaddingStarted;
    }

    public static byte[] Decode(byte[] data, bool strict)
    {
        var st = new State();
        for (int i = 0; i < data.Length; i++)
            if (Step(st, data, i, strict)) return st.Output.ToArray();
        if (st.QuadPos == 1)
            throw new BinAsciiError($"Invalid base64-encoded string: number of data characters ({st.Output.Count / 3 * 4 + 1}) cannot be 1 more than a multiple of 4");
        if (st.QuadPos != 0) throw new BinAsciiError("Incorrect padding");
        return st.Output.ToArray();
    }

    /// <summary>One input byte: true when it ends the data (a complete pad).</summary>
    private static bool Step(State st, byte[] data, int i, bool strict)
    {
        if (data[i] == '=') return Pad(st, strict, i, data.Length);
        int v = data[i] < 128 ? Alphabet.IndexOf((char)data[i]) : -1;
        if (v < 0)
        {
            if (strict) throw new BinAsciiError("Only base64 data is allowed");
            return false;
        }
        if (strict && st.PaddingStarted) throw new BinAsciiError("Discontinuous padding not allowed");
        Accept(st, v);
        return false;
    }

    /// <summary>A '=': true when it completes the quad's padding, which ends the data.</summary>
    private static bool Pad(State st, bool strict, int i, int length)
    {
        st.PaddingStarted = true;
        if (strict && st.QuadPos == 0) throw new BinAsciiError(i == 0 ? "Leading padding not allowed" : "Excess padding not allowed");
        if (st.QuadPos < 2 || st.QuadPos + ++st.Pads < 4) return false;
        if (strict && i + 1 < length) throw new BinAsciiError("Excess data after padding");
        return true;
    }

    private static void Accept(State st, int v)
    {
        st.Pads = 0;
        switch (st.QuadPos)
        {
            case 0: st.LeftChar = v; break;
            case 1: st.Output.Add((byte)((st.LeftChar << 2) | (v >> 4))); st.LeftChar = v & 0x0f; break;
            case 2: st.Output.Add((byte)((st.LeftChar << 4) | (v >> 2))); st.LeftChar = v & 0x03; break;
            default: st.Output.Add((byte)((st.LeftChar << 6) | v)); st.LeftChar = 0; break;
        }
        st.QuadPos = (st.QuadPos + 1) % 4;
    }
}
