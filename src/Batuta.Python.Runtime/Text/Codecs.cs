using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// Python's codecs by name, as <c>codecs.lookup</c> finds them (any case, '-' or ' ' for '_', the aliases of
/// encodings.aliases): str.encode, bytes.decode and open(encoding=, errors=) all come here, so every caller knows
/// the same names, raises the same UnicodeEncodeError / UnicodeDecodeError and applies the same error handlers.
/// </summary>
public static class Codecs
{
    private static readonly Dictionary<string, PyCodec> Found = new(StringComparer.Ordinal);

    public static byte[] Encode(string s, string encoding = "utf-8", string errors = "strict")
    {
        var codec = Lookup(encoding);
        try
        {
            return codec.Encode(s, errors);
        }
        catch (LookupError e) when (codec.WrittenInPython)
        {
            throw Wrapped("encoding", encoding, e);
        }
    }

    public static string Decode(byte[] data, string encoding = "utf-8", string errors = "strict")
    {
        var codec = Lookup(encoding);
        try
        {
            return codec.Decode(data, errors);
        }
        catch (LookupError e) when (codec.WrittenInPython)
        {
            throw Wrapped("decoding", encoding, e);
        }
    }

    /// <summary>CPython's note on an error a codec written in Python raised (an unknown error handler's name).</summary>
    private static LookupError Wrapped(string doing, string encoding, LookupError e) =>
        new($"{doing} with '{encoding}' codec failed (LookupError: {e.PyStr()})");

    /// <summary>The codec <paramref name="encoding"/> names; LookupError("unknown encoding: ...") when none.</summary>
    internal static PyCodec Lookup(string encoding)
    {
        string module = ModuleName(encoding);
        lock (Found)
        {
            if (Found.TryGetValue(module, out var codec)) return codec;
            codec = Create(module) ?? throw new LookupError($"unknown encoding: {encoding}");
            Found[module] = codec;
            return codec;
        }
    }

    /// <summary>The encodings module that implements <paramref name="encoding"/> (latin_1 for "Latin-1", cp1252 for "windows-1252").</summary>
    internal static string ModuleName(string encoding)
    {
        var sb = new StringBuilder(encoding.Length);
        foreach (char c in encoding.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        string normal = sb.ToString().TrimEnd('_');
        return CodecTables.Aliases.TryGetValue(normal, out var module) || CodecTables.Aliases.TryGetValue(normal.Replace('.', '_'), out module) ? module : normal;
    }

    private static readonly Dictionary<string, PyCodec> Builtin = new(StringComparer.Ordinal)
    {
        ["ascii"] = SingleByteCodec.Ascii,
        ["latin_1"] = SingleByteCodec.Latin1,
        ["utf_8"] = Utf8Codec.Plain,
        ["utf_8_sig"] = Utf8Codec.Sig,
        ["utf_16"] = WideCodec.Utf16,
        ["utf_16_le"] = WideCodec.Utf16Le,
        ["utf_16_be"] = WideCodec.Utf16Be,
        ["utf_32"] = WideCodec.Utf32,
        ["utf_32_le"] = WideCodec.Utf32Le,
        ["utf_32_be"] = WideCodec.Utf32Be,
    };

    private static PyCodec? Create(string module) =>
        Builtin.TryGetValue(module, out var codec) ? codec
        : CodecTables.Charmaps.TryGetValue(module, out var table) ? new SingleByteCodec("charmap", table, "character maps to <undefined>")
        : CodecTables.CodePages.TryGetValue(module, out int page) ? new CodePageCodec(module, page)
        : null;

    /// <summary>
    /// The .NET encoding a text file reads and writes with: UTF-8 when none is named (the locale's, as CPython's on
    /// Linux); an unknown name raises LookupError.
    /// </summary>
    internal static Encoding FileEncoding(string? encoding, string? errors)
    {
        if (encoding is null) return new UTF8Encoding(false);
        var codec = Lookup(encoding);
        return codec.Streaming(errors ?? "strict") ?? new CodecEncoding(codec, errors ?? "strict");
    }
}
