using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class ZlibStreamTests
{
    private static PyBytes B(byte[] data) => new(data);

    private static byte[] Raw(PyBytes b) => Convert.FromHexString(b.Hex());

    private static byte[] Payload()
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"{i:D5},row-{i % 13},{i * 7919 % 1000}\n"));
        return System.Text.Encoding.ASCII.GetBytes(text);
    }

    private static byte[] CPythonBytes(string expression) =>
        Convert.FromHexString(CPython.Lines($"import zlib\ndata = b''.join(b'%05d,row-%d,%d\\n' % (i, i % 13, i * 7919 % 1000) for i in range(400))\nprint(({expression}).hex())")[0]);

    [Theory]
    [InlineData("zlib.compress(data, 9)", 15)]
    [InlineData("zlib.compress(data, 1)", 15)]
    [InlineData("zlib.compress(data, 6, 31)", 31)]
    [InlineData("zlib.compress(data, 6, -15)", -15)]
    [InlineData("zlib.compress(data, 0)", 15)]
    public void Decodes_CPythons_streams_in_pieces_and_finds_their_end(string expression, long wbits)
    {
        var blob = CPythonBytes(expression);
        var d = new ZlibDecompressor(wbits);
        var output = new List<byte>();
        for (int i = 0; i < blob.Length; i += 61) output.AddRange(Raw(d.Decompress(B(blob[i..Math.Min(i + 61, blob.Length)]))));
        Assert.Equal(Payload(), output.ToArray());
        Assert.True(d.Eof);
        d.Decompress(B("tail"u8.ToArray()));
        Assert.Equal("tail"u8.ToArray(), Raw(d.UnusedData));
    }

    [Fact]
    public void Data_after_the_stream_is_unused_data_and_a_bad_check_value_an_error()
    {
        var blob = CPythonBytes("zlib.compress(data)");
        var d = new ZlibDecompressor();
        Assert.Equal(Payload(), Raw(d.Decompress(B([.. blob, .. "NEXT"u8.ToArray()]))));
        Assert.Equal("NEXT"u8.ToArray(), Raw(d.UnusedData));
        blob[^1] ^= 0xff;
        var e = Assert.Throws<ZlibError>(() => new ZlibDecompressor().Decompress(B(blob)));
        Assert.Equal("Error -3 while decompressing data: incorrect data check", e.Message);
    }

    [Theory]
    [InlineData(-1, 15)]
    [InlineData(1, 15)]
    [InlineData(9, 31)]
    [InlineData(4, -12)]
    public void Compressed_pieces_decode_with_CPythons_header_bytes(long level, long wbits)
    {
        var c = new ZlibCompressor(level, 8, wbits);
        var payload = Payload();
        var blob = new List<byte>();
        for (int i = 0; i < payload.Length; i += 1000) blob.AddRange(Raw(c.Compress(B(payload[i..Math.Min(i + 1000, payload.Length)]))));
        blob.AddRange(Raw(c.Flush()));
        var d = new ZlibDecompressor(wbits);
        Assert.Equal(payload, Raw(d.Decompress(B(blob.ToArray()))));
        Assert.True(d.Eof);
        int header = wbits > 15 ? 10 : wbits > 0 ? 2 : 0;
        var expected = CPythonBytes($"zlib.compress(data, {level}, {wbits})");
        Assert.Equal(expected[..header], blob.Take(header).ToArray());
    }

    [Fact]
    public void An_empty_stream_is_zlibs_bytes_for_its_level()
    {
        foreach (var level in new long[] { -1, 0, 1, 5, 9 })
            Assert.Equal(CPythonBytes($"zlib.compress(b'', {level})"), Raw(ZlibModule.Compress(B(Array.Empty<byte>()), level)));
    }
}
