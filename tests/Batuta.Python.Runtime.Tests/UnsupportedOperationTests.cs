namespace Batuta.Python.Runtime.Tests;

public sealed class UnsupportedOperationTests
{
    [Fact]
    public void Is_an_OSError_and_a_ValueError_with_CPythons_mro()
    {
        var e = Assert.Throws<UnsupportedOperation>(() => PyTextIO.StringIO("x").Fileno());
        Assert.Equal("fileno", e.Message);
        Assert.True(Py.IsInstanceOf(e, typeof(ValueError)));
        Assert.True(Py.IsInstanceOf(e, typeof(OSError)));
        Assert.False(Py.IsInstanceOf(e, typeof(KeyError)));
        var mro = string.Join(", ", Dyn.Mro(typeof(UnsupportedOperation)).Skip(1).Select(t => t.Name));
        Assert.Equal("OSError, ValueError, PyException, PyBaseException, Object", mro);
    }

    [Fact]
    public void A_StringIO_reads_writes_and_seeks_but_has_no_descriptor()
    {
        var s = PyTextIO.StringIO();
        Assert.True(s.Readable() && s.Writable() && s.Seekable());
        Assert.False(s.IsATty());
        Assert.Equal("StringIO", Py.Type(s).__name__);
        s.Close();
        Assert.Equal("I/O operation on closed file", Assert.Throws<ValueError>(() => s.Readable()).Message);
    }
}
