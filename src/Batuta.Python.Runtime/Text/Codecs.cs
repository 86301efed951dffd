using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// str.encode / bytes.decode with Python's codec names, <c>errors=</c> modes (strict, ignore, replace) and its
/// UnicodeEncodeError / UnicodeDecodeError messages (".NET's DecoderFallbackException" is not what a Python
/// handler catches).
/// </summary>
public static class Codecs
{
    public static byte[] Encode(string s, string encoding = "utf-8", string errors = "strict")
    {
        string name = Normalize(encoding);
        switch (name)
        {
            case "utf-8": return new UTF8Encoding(false).GetBytes(s);
            case "utf-16": return Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(s)).ToArray();
            case "utf-16-le": return Encoding.Unicode.GetBytes(s);
            case "utf-16-be": return Encoding.BigEndianUnicode.GetBytes(s);
            case "ascii": return Narrow(s, "ascii", 128, errors);
            case "latin-1": return Narrow(s, "latin-1", 256, errors);
            default: throw new LookupError($"unknown encoding: {encoding}");
        }
    }

    public static string Decode(byte[] data, string encoding = "utf-8", string errors = "strict")
    {
        string name = Normalize(encoding);
        switch (name)
        {
            case "utf-8": return DecodeUtf8(data, errors);
            case "utf-16": return Encoding.Unicode.GetString(data.Length >= 2 && data[0] == 0xFF && data[1] == 0xFE ? data[2..] : data);
            case "utf-16-le": return Encoding.Unicode.GetString(data);
            case "utf-16-be": return Encoding.BigEndianUnicode.GetString(data);
            case "latin-1": return Encoding.Latin1.GetString(data);
            case "ascii": return DecodeAscii(data, errors);
            default: throw new LookupError($"unknown encoding: {encoding}");
        }
    }

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["utf8"] = "utf-8", ["u8"] = "utf-8", ["latin1"] = "latin-1", ["iso-8859-1"] = "latin-1", ["iso8859-1"] = "latin-1",
        ["l1"] = "latin-1", ["us-ascii"] = "ascii", ["utf16"] = "utf-16", ["utf-16le"] = "utf-16-le", ["utf-16be"] = "utf-16-be",
    };

    private static string Normalize(string encoding)
    {
        string n = encoding.ToLowerInvariant().Replace('_', '-');
        return Aliases.TryGetValue(n, out var canonical) ? canonical : n;
    }

    private static byte[] Narrow(string s, string codec, int limit, string errors)
    {
        var bytes = new List<byte>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < limit) { bytes.Add((byte)c); continue; }
            bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            int cp = pair ? char.ConvertToUtf32(c, s[i + 1]) : c;
            string replacement = Replacement(errors, cp) ?? throw UnicodeEncodeError.Of(codec, s, i, i + 1, $"ordinal not in range({limit})");
            foreach (char r in replacement) bytes.Add((byte)r);
            if (pair) i++;
        }
        return bytes.ToArray();
    }

    /// <summary>What an encode error handler puts for a code point the codec cannot encode (null: strict, raise).</summary>
    private static string? Replacement(string errors, int cp) => errors switch
    {
        "ignore" => "",
        "replace" => "?",
        "xmlcharrefreplace" => "&#" + cp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";",
        "backslashreplace" => cp < 0x100 ? $"\\x{cp:x2}" : cp < 0x10000 ? $"\\u{cp:x4}" : $"\\U{cp:x8}",
        _ => null,
    };

    private static string DecodeAscii(byte[] data, string errors)
    {
        var sb = new StringBuilder(data.Length);
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] < 128) { sb.Append((char)data[i]); continue; }
            if (errors == "ignore") continue;
            if (errors == "replace") { sb.Append('\uFFFD'); continue; }
            throw UnicodeDecodeError.Of("ascii", data, i, i + 1, "ordinal not in range(128)");
        }
        return sb.ToString();
    }

    private static string DecodeUtf8(byte[] data, string errors)
    {
        if (errors == "replace") return new UTF8Encoding(false, false).GetString(data);
        var sb = new StringBuilder(data.Length);
        int i = 0;
        while (i < data.Length)
        {
            int len = Utf8Sequence(data, i, out string? reason, out int bad);
            if (reason is null)
            {
                sb.Append(Encoding.UTF8.GetString(data, i, len));
                i += len;
                continue;
            }
            if (errors == "ignore") { i += bad; continue; }
            throw UnicodeDecodeError.Of("utf-8", data, i, i + bad, reason);
        }
        return sb.ToString();
    }

    /// <summary>The length of the well-formed UTF-8 sequence at <paramref name="i"/>, or CPython's reason why it is not one.</summary>
    private static int Utf8Sequence(byte[] d, int i, out string? reason, out int bad)
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
            if (!ContinuationFits(b, k, d[i + k])) { reason = "invalid continuation byte"; return 0; }
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
