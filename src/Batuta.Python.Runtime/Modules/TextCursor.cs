namespace Batuta.Python.Runtime;

/// <summary>
/// The text of a file opened for reading (or of a reading StringIO), with a position that tell() reports and seek()
/// moves: in UTF-8 bytes for a file (CPython's tell cookie when no decoder state is pending), in characters for StringIO.
/// </summary>
internal sealed class TextCursor(string text, bool countsBytes) : TextReader
{
    private int _pos;

    public override int Peek() => _pos < text.Length ? text[_pos] : -1;

    public override int Read() => _pos < text.Length ? text[_pos++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        int n = Math.Min(count, text.Length - _pos);
        text.CopyTo(_pos, buffer, index, n);
        _pos += n;
        return n;
    }

    public override string ReadToEnd()
    {
        var rest = text[_pos..];
        _pos = text.Length;
        return rest;
    }

    public long Tell() => countsBytes ? System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, _pos)) : _pos;

    /// <summary>seek(offset, whence): whence 0 from the start, 1 and 2 (current, end) only with offset 0, as for text files.</summary>
    public long Seek(long offset, long whence)
    {
        CheckSeek(offset, whence);
        _pos = whence switch { 0 => CharIndex(offset), 1 => _pos, _ => text.Length };
        return Tell();
    }

    private static void CheckSeek(long offset, long whence)
    {
        if (whence is 1 or 2 && offset != 0) throw new UnsupportedOperation(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
        if (whence is < 0 or > 2) throw new ValueError($"invalid whence ({whence}, should be 0, 1 or 2)");
        if (whence == 0 && offset < 0) throw new ValueError($"negative seek position {offset}");
    }

    /// <summary>The character at a byte offset (past the end: the end).</summary>
    private int CharIndex(long offset)
    {
        if (!countsBytes) return (int)Math.Min(offset, text.Length);
        long bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (bytes >= offset) return i;
            bytes += char.IsHighSurrogate(text[i]) ? 2 : System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(i, 1));
        }
        return text.Length;
    }
}
