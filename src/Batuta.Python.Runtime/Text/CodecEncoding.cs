using System.Text;

namespace Batuta.Python.Runtime.Text;

/// <summary>
/// A single-byte Python codec as a .NET encoding, so a text file's StreamWriter and reader stream it; the errors= handler
/// applies as the bytes are made. <see cref="CodecStreamWriter"/> encodes each write first, so that a strict error
/// raises at the write, as CPython's, and never inside the writer's flush.
/// </summary>
internal sealed class CodecEncoding(PyCodec codec, string errors) : Encoding
{
    private readonly bool _asciiEncodes = codec.EncodesAscii;

    // the longest replacement one character gets: "&#1114111;"
    private const int MaxBytesPerChar = 10;

    public override string EncodingName => codec.ErrorName;

    /// <summary>Raises the codec's error for text it cannot write (nothing is written then).</summary>
    public void Check(ReadOnlySpan<char> text)
    {
        if (!_asciiEncodes || !Ascii.IsValid(text)) codec.Encode(text.ToString(), errors);
    }

    public override int GetByteCount(char[] chars, int index, int count) => codec.Encode(new string(chars, index, count), errors).Length;

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        var encoded = codec.Encode(new string(chars, charIndex, charCount), errors);
        encoded.CopyTo(bytes, byteIndex);
        return encoded.Length;
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => codec.Decode(bytes[index..(index + count)], errors).Length;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        var decoded = codec.Decode(bytes[byteIndex..(byteIndex + byteCount)], errors);
        decoded.CopyTo(0, chars, charIndex, decoded.Length);
        return decoded.Length;
    }

    public override int GetMaxByteCount(int charCount) => (charCount + 1) * MaxBytesPerChar;

    // backslashreplace makes "\xNN" of a byte
    public override int GetMaxCharCount(int byteCount) => (byteCount + 1) * 4;
}

/// <summary>A text file's writer over a <see cref="CodecEncoding"/>: each write is checked against the codec before it is buffered.</summary>
internal sealed class CodecStreamWriter(Stream stream, CodecEncoding encoding) : StreamWriter(stream, encoding)
{
    public override void Write(char value)
    {
        encoding.Check([value]);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        encoding.Check(buffer.AsSpan(index, count));
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        encoding.Check(buffer);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        encoding.Check(value);
        base.Write(value);
    }

    public override void WriteLine(string? value)
    {
        encoding.Check(value);
        base.WriteLine(value);
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        encoding.Check(buffer);
        base.WriteLine(buffer);
    }
}
