using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// The reading side of a text file opened with '+' (w+, r+, a+: tempfile.NamedTemporaryFile("w+")) or over a raw file
/// descriptor (os.fdopen): decodes straight from the stream one byte at a time, so the stream's position is always
/// where reading stopped and writes that follow land there, as in CPython. With newline=None, "\r\n" and "\r" read as "\n".
/// </summary>
internal sealed class StreamTextReader(Stream stream, TextWriter? writer, Encoding encoding, bool translateNewlines) : TextReader
{
    private readonly Decoder _decoder = encoding.GetDecoder();
    private readonly char[] _chars = new char[2];
    private int _pending = -1;

    public long Position => stream.Position;

    /// <summary>seek on a file only read: from the start, or to where it is or its end (offset 0), as text files seek.</summary>
    public long Seek(long offset, long whence)
    {
        if (whence != 0 && offset != 0) throw new UnsupportedOperation("can't do nonzero cur-relative seeks");
        _pending = -1;
        _decoder.Reset();
        return stream.Position = whence == 2 ? stream.Length : whence == 1 ? stream.Position : offset;
    }

    public override int Peek() => throw new NotSupportedException("peek on a read-write text file");

    public override int Read()
    {
        if (_pending >= 0)
        {
            int low = _pending;
            _pending = -1;
            return low;
        }
        writer?.Flush();
        int c = NextChar();
        if (c != '\r' || !translateNewlines) return c;
        // "\r\n" and a lone "\r" both read as "\n"
        if (stream.ReadByte() is var b and >= 0 && b != '\n') stream.Position--;
        return '\n';
    }

    private int NextChar()
    {
        var one = new byte[1];
        while (stream.Read(one, 0, 1) == 1)
        {
            int n = _decoder.GetChars(one, 0, 1, _chars, 0);
            if (n == 0) continue;
            if (n == 2) _pending = _chars[1];
            return _chars[0];
        }
        return -1;
    }
}
