using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>base64</c>: the base64 (standard, URL-safe, custom altchars, validate=), base32 and base16 codecs,
/// taking bytes-like values (and ASCII str to decode), raising binascii.Error as CPython does.
/// </summary>
public static class Base64Module
{
    private const string DecodeInputMessage = "argument should be a bytes-like object or ASCII string";
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static PyBytes B64Encode(object? s, object? altchars = null)
    {
        var encoded = BinAscii.B2aBase64(s, newline: false).Data;
        return altchars is null ? new PyBytes(encoded) : new PyBytes(Translate(encoded, "+/"u8.ToArray(), AltChars(altchars)));
    }

    public static PyBytes B64Decode(object? s, object? altchars = null, bool validate = false)
    {
        var data = BinAscii.Input(s, DecodeInputMessage);
        if (altchars is not null) data = Translate(data, AltChars(altchars), "+/"u8.ToArray());
        return new PyBytes(Base64Decoder.Decode(data, validate));
    }

    public static PyBytes StandardB64Encode(object? s) => B64Encode(s);
    public static PyBytes StandardB64Decode(object? s) => B64Decode(s);
    public static PyBytes UrlsafeB64Encode(object? s) => B64Encode(s, "-_");
    public static PyBytes UrlsafeB64Decode(object? s) => B64Decode(s, "-_");

    public static PyBytes B16Encode(object? s) => BinAscii.Ascii(Convert.ToHexString(BinAscii.Input(s)));

    public static PyBytes B16Decode(object? s, bool casefold = false)
    {
        var data = BinAscii.Input(s, DecodeInputMessage);
        if (casefold) data = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(data).ToUpperInvariant());
        if (data.Any(b => !(b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'F'))) throw new BinAsciiError("Non-base16 digit found");
        return BinAscii.Unhexlify(new PyBytes(data));
    }

    public static PyBytes B32Encode(object? s)
    {
        var data = BinAscii.Input(s);
        var sb = new StringBuilder();
        for (int i = 0; i < data.Length; i += 5)
        {
            int n = Math.Min(5, data.Length - i);
            ulong acc = 0;
            for (int k = 0; k < 5; k++) acc = (acc << 8) | (k < n ? data[i + k] : 0u);
            int chars = (n * 8 + 4) / 5;
            for (int k = 0; k < 8; k++) sb.Append(k < chars ? Base32Alphabet[(int)((acc >> (35 - 5 * k)) & 31)] : '=');
        }
        return BinAscii.Ascii(sb.ToString());
    }

    /// <summary>CPython's b32decode: whole 8-character quanta, then the padding decides how much of the last one is kept.</summary>
    public static PyBytes B32Decode(object? s, bool casefold = false, object? map01 = null)
    {
        var text = Base32Text(s, casefold, map01);
        var body = text.TrimEnd('=');
        int padchars = text.Length - body.Length;
        var decoded = Quanta(body, out ulong acc);
        if (padchars is not (0 or 1 or 3 or 4 or 6)) throw new BinAsciiError("Incorrect padding");
        if (padchars > 0 && decoded.Count > 0)
        {
            var last = Quantum(acc << (5 * padchars));
            decoded.RemoveRange(decoded.Count - 5, 5);
            decoded.AddRange(last.Take((43 - 5 * padchars) / 8));
        }
        return new PyBytes(decoded.ToArray());
    }

    private static string Base32Text(object? s, bool casefold, object? map01)
    {
        var text = Encoding.ASCII.GetString(BinAscii.Input(s, DecodeInputMessage));
        if (text.Length % 8 != 0) throw new BinAsciiError("Incorrect padding");
        if (map01 is not null) text = text.Replace('0', 'O').Replace('1', (char)BinAscii.Input(map01, DecodeInputMessage)[0]);
        return casefold ? text.ToUpperInvariant() : text;
    }

    /// <summary>Each group of up to 8 digits as 5 bytes; acc is the last group's bits.</summary>
    private static List<byte> Quanta(string body, out ulong acc)
    {
        var decoded = new List<byte>();
        acc = 0;
        for (int i = 0; i < body.Length; i += 8)
        {
            acc = 0;
            foreach (char c in body.Substring(i, Math.Min(8, body.Length - i)))
                acc = (acc << 5) + (ulong)(Base32Alphabet.IndexOf(c) is var d && d >= 0 ? d : throw new BinAsciiError("Non-base32 digit found"));
            decoded.AddRange(Quantum(acc));
        }
        return decoded;
    }

    /// <summary>The low 40 bits of a quantum as 5 big-endian bytes.</summary>
    private static byte[] Quantum(ulong acc) => Enumerable.Range(0, 5).Select(k => (byte)(acc >> (32 - 8 * k))).ToArray();

    private static byte[] AltChars(object? altchars)
    {
        var alt = BinAscii.Input(altchars, DecodeInputMessage);
        return alt.Length == 2 ? alt : throw new AssertionError(Repr.Of(new PyBytes(alt)));
    }

    private static byte[] Translate(byte[] data, byte[] from, byte[] to) =>
        data.Select(b => b == from[0] ? to[0] : b == from[1] ? to[1] : b).ToArray();
}
