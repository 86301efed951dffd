using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// urllib.parse's percent-encoding as CPython 3.11's: <c>quote quote_plus quote_from_bytes unquote unquote_plus
/// unquote_to_bytes</c> (str and bytes), with RFC 3986's unreserved characters always safe.
/// </summary>
public static class UrlQuoting
{
    /// <summary>The value the transpiler passes for <c>quote_via=quote</c>: the runtime's own, with all four arguments.</summary>
    public const string QuoteMarker = "urllib.parse.quote", QuotePlusMarker = "urllib.parse.quote_plus";

    public static string Quote(object? s, object? safe = null, object? encoding = null, object? errors = null)
    {
        safe ??= "/";
        if (s is string text)
        {
            if (text.Length == 0) return text;
            return QuoteFromBytes(new PyBytes(Text.Codecs.Encode(text, StrOr(encoding, "utf-8"), StrOr(errors, "strict"))), safe);
        }
        if (encoding is not null) throw new TypeError("quote() doesn't support 'encoding' for bytes");
        if (errors is not null) throw new TypeError("quote() doesn't support 'errors' for bytes");
        return QuoteFromBytes(s, safe);
    }

    public static string QuotePlus(object? s, object? safe = null, object? encoding = null, object? errors = null)
    {
        safe ??= "";
        if (!HasSpace(s)) return Quote(s, safe, encoding, errors);
        object? withSpace = safe is string str ? str + " " : new PyBytes(PyByteArray.BytesLike(safe).Data.Append((byte)' ').ToArray());
        return Quote(s, withSpace, encoding, errors).Replace(' ', '+');
    }

    private static bool HasSpace(object? s) => s switch
    {
        string text => text.Contains(' '),
        PyBytes or PyByteArray => PyByteArray.BytesLike(s).Data.Contains((byte)' '),
        _ => false,
    };

    public static string QuoteFromBytes(object? bs, object? safe = null)
    {
        if (bs is not (PyBytes or PyByteArray)) throw new TypeError("quote_from_bytes() expected bytes");
        var data = PyByteArray.BytesLike(bs).Data;
        var safeBytes = SafeBytes(safe ?? "/");
        var sb = new StringBuilder(data.Length);
        foreach (byte b in data)
        {
            if (IsAlwaysSafe(b) || safeBytes.Contains(b)) sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The safe= characters as bytes below 128 (a str's non-ASCII characters are dropped, as encode('ascii', 'ignore')).</summary>
    private static HashSet<byte> SafeBytes(object safe) => safe switch
    {
        string s => s.Where(c => c < 128).Select(c => (byte)c).ToHashSet(),
        _ => Dyn.Iter(safe).Select(x => Dyn.Cast<long>(x)).Where(x => x < 128).Select(x => (byte)x).ToHashSet(),
    };

    // _ALWAYS_SAFE: RFC 3986's unreserved characters
    private static bool IsAlwaysSafe(byte b) => b < 128 && (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'.' or (byte)'-' or (byte)'~');

    public static string Unquote(object? s, object? encoding = null, object? errors = null)
    {
        string enc = StrOr(encoding, "utf-8"), err = StrOr(errors, "replace");
        if (s is PyBytes or PyByteArray) return Text.Codecs.Decode(UnquoteToBytes(s).Data, enc, err);
        string text = Dyn.Cast<string>(s);
        if (!text.Contains('%')) return text;
        // only the ASCII runs are unquoted (CPython's _asciire split); other characters pass through
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            bool ascii = text[i] < 128;
            while (i < text.Length && (text[i] < 128) == ascii) i++;
            string run = text[start..i];
            sb.Append(ascii ? Text.Codecs.Decode(UnquoteBytes(Encoding.UTF8.GetBytes(run)), enc, err) : run);
        }
        return sb.ToString();
    }

    public static string UnquotePlus(object? s, object? encoding = null, object? errors = null) =>
        Unquote(Dyn.Cast<string>(s).Replace('+', ' '), encoding, errors);

    public static PyBytes UnquoteToBytes(object? s)
    {
        var data = s is string text ? Encoding.UTF8.GetBytes(text) : PyByteArray.BytesLike(s).Data;
        return new PyBytes(UnquoteBytes(data));
    }

    /// <summary>Each %XX (two hex digits) as its byte; any other % stays.</summary>
    private static byte[] UnquoteBytes(byte[] data)
    {
        var result = new List<byte>(data.Length);
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == '%' && i + 2 < data.Length && IsHex(data[i + 1]) && IsHex(data[i + 2]))
            {
                result.Add((byte)(HexValue(data[i + 1]) * 16 + HexValue(data[i + 2])));
                i += 2;
            }
            else result.Add(data[i]);
        }
        return result.ToArray();
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    internal static string StrOr(object? value, string fallback) => value is null ? fallback : Dyn.Cast<string>(value);
}
