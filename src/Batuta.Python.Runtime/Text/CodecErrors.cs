using System.Globalization;
using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// Python's codec error handlers (<c>errors=</c>): strict, ignore, replace, backslashreplace, surrogateescape, and
/// xmlcharrefreplace when encoding; CPython's LookupError for any other name, raised only when an error happens.
/// </summary>
internal static class CodecErrors
{
    /// <summary>What replaces the bytes <paramref name="start"/>..<paramref name="end"/> that <paramref name="codec"/> could not decode.</summary>
    public static string OnDecodeError(string codec, string errors, byte[] data, int start, int end, string reason)
    {
        switch (errors)
        {
            case "strict": throw UnicodeDecodeError.Of(codec, data, start, end, reason);
            case "ignore": return "";
            case "replace": return "\uFFFD";
            case "backslashreplace": return string.Concat(data.Skip(start).Take(end - start).Select(b => $"\\x{b:x2}"));
            case "surrogateescape":
                // only bytes 0x80-0xFF escape (as U+DC80-U+DCFF); an ASCII byte is an error still
                return data.Skip(start).Take(end - start).All(b => b >= 0x80)
                    ? string.Concat(data.Skip(start).Take(end - start).Select(b => (char)(0xDC00 + b)))
                    : throw UnicodeDecodeError.Of(codec, data, start, end, reason);
            default: throw UnknownHandler(errors);
        }
    }

    /// <summary>Appends what replaces the characters <paramref name="start"/>..<paramref name="end"/> that <paramref name="codec"/> could not encode.</summary>
    public static void OnEncodeError(PyCodec codec, string errors, string s, int start, int end, string reason, List<byte> output)
    {
        if (errors == "surrogateescape")
        {
            output.AddRange(Escaped(codec, s, start, end, reason));
            return;
        }
        var points = CodePoints(s, start, end);
        string replacement = errors switch
        {
            "strict" => throw Error(codec, s, start, end, reason),
            "ignore" => "",
            "replace" => new string('?', points.Count),
            "xmlcharrefreplace" => string.Concat(points.Select(cp => "&#" + cp.ToString(CultureInfo.InvariantCulture) + ";")),
            "backslashreplace" => string.Concat(points.Select(Backslashed)),
            _ => throw UnknownHandler(errors),
        };
        codec.EncodeReplacement(replacement, output);
    }

    /// <summary>surrogateescape: U+DC80-U+DCFF back to the bytes they escaped; any other character is an error still.</summary>
    private static IEnumerable<byte> Escaped(PyCodec codec, string s, int start, int end, string reason)
    {
        var bytes = new List<byte>(end - start);
        for (int i = start; i < end; i++)
        {
            if (s[i] is < '\uDC80' or > '\uDCFF') throw Error(codec, s, start, end, reason);
            bytes.Add((byte)(s[i] - 0xDC00));
        }
        return bytes;
    }

    private static UnicodeEncodeError Error(PyCodec codec, string s, int start, int end, string reason) => UnicodeEncodeError.Of(codec.ErrorName, s, start, end, reason);

    private static LookupError UnknownHandler(string errors) => new($"unknown error handler name '{errors}'");

    private static string Backslashed(int cp) => cp < 0x100 ? $"\\x{cp:x2}" : cp < 0x10000 ? $"\\u{cp:x4}" : $"\\U{cp:x8}";

    private static List<int> CodePoints(string s, int start, int end)
    {
        var points = new List<int>(end - start);
        for (int i = start; i < end; i += UnitsAt(s, i)) points.Add(UnitsAt(s, i) == 2 ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i]);
        return points;
    }

    /// <summary>2 at a surrogate pair, else 1: one code point's UTF-16 units.</summary>
    public static int UnitsAt(string s, int i) => char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

    /// <summary>How many units from <paramref name="i"/> on hold no lone surrogate (what the UTF codecs encode).</summary>
    public static int WellFormedRun(string s, int i)
    {
        int j = i;
        while (j < s.Length && !(char.IsSurrogate(s[j]) && UnitsAt(s, j) == 1)) j += UnitsAt(s, j);
        return j - i;
    }

    /// <summary>A .NET decoder's text for <paramref name="data"/>, or null when the decoder needs the handlers (a byte it cannot decode).</summary>
    internal static string? TryStrict(Encoding strict, byte[] data)
    {
        try
        {
            return strict.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
