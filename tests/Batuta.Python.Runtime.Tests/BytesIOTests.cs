namespace Batuta.Python.Runtime.Tests;

public sealed class BytesIOTests
{
    private static PyBytes B(string ascii) => new(System.Text.Encoding.ASCII.GetBytes(ascii));

    [Fact]
    public void Reads_lines_seeks_and_writes_as_CPython()
    {
        var expected = CPython.Lines("import io\nb = io.BytesIO(b'one\\ntwo\\nend')\nprint(b.readline(), b.readline(2), b.tell(), b.read(), b.read())\n"
            + "b.seek(0)\nprint(list(b), b.tell())\nw = io.BytesIO()\nprint(w.write(b'abc'), w.write(bytearray(b'de')))\nw.seek(1)\nw.write(b'Z')\n"
            + "print(w.getvalue(), w.read(), w.seek(0, 2), w.truncate(2), w.getvalue())");
        var b = PyBinaryIO.BytesIO(B("one\ntwo\nend"));
        Assert.Equal(expected[0], string.Join(" ", Repr.Of(b.ReadLine()), Repr.Of(b.ReadLine(2)), b.Tell(), Repr.Of(b.Read()), Repr.Of(b.Read())));
        b.Seek(0);
        Assert.Equal(expected[1], Repr.Of(new PyList<PyBytes>(b)) + " " + b.Tell());
        var w = PyBinaryIO.BytesIO();
        Assert.Equal(expected[2], $"{w.Write(B("abc"))} {w.Write(new PyByteArray("de"u8.ToArray()))}");
        w.Seek(1);
        w.Write(B("Z"));
        Assert.Equal(expected[3], string.Join(" ", Repr.Of(w.GetValue()), Repr.Of(w.Read()), w.Seek(0, 2), w.Truncate(2), Repr.Of(w.GetValue())));
    }

    [Fact]
    public void A_str_is_CPythons_TypeError_and_a_closed_buffer_ValueError()
    {
        var w = PyBinaryIO.BytesIO();
        Assert.Equal("a bytes-like object is required, not 'str'", Assert.Throws<TypeError>(() => w.Write((object?)"text")).Message);
        w.Close();
        Assert.Equal("I/O operation on closed file.", Assert.Throws<ValueError>(() => w.GetValue()).Message);
    }
}
