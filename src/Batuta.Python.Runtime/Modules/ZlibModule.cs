using System.IO.Compression;

namespace Batuta.Python.Runtime.Modules;

/// <summary>zlib.error.</summary>
public sealed class ZlibError(string message) : PyException(message)
{
    protected override string? PyTypeNameOverride => "error";

    public override string PyModule => "zlib";
}

/// <summary>
/// Python's <c>zlib</c>: checksums (crc32 as binascii's, adler32) and whole-buffer compress/decompress in the zlib
/// format. The compressed bytes come from .NET's zlib-ng, so they (and their length) can differ from CPython's zlib;
/// decompressing either gives the same data.
/// </summary>
public static class ZlibModule
{
    public static long Crc32(object? data, long value = 0) => BinAscii.Crc32(data, value);

    public static long Adler32(object? data, long value = 1) => Adler32(BinAscii.Input(data), value);

    internal static long Adler32(byte[] data, long value)
    {
        uint a = (uint)value & 0xffff, b = ((uint)value >> 16) & 0xffff;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    /// <summary>compress(data, level, wbits): one compressobj's whole output.</summary>
    public static PyBytes Compress(object? data, long level = -1, long wbits = 15)
    {
        if (level is < -1 or > 9) throw new ZlibError("Bad compression level");
        var c = new ZlibCompressor(level, 8, wbits);
        var head = c.Compress(data);
        return new PyBytes([.. head.Data, .. c.Flush().Data]);
    }

    public static ZlibCompressor CompressObj(long level = -1, long method = 8, long wbits = 15) => new(level, method, wbits);

    public static ZlibDecompressor DecompressObj(long wbits = 15) => new(wbits);

    internal static CompressionLevel DotNetLevel(long level) => level switch
    {
        0 => CompressionLevel.NoCompression,
        >= 1 and <= 3 => CompressionLevel.Fastest,
        9 => CompressionLevel.SmallestSize,
        _ => CompressionLevel.Optimal,
    };

    /// <summary>decompress(data, wbits) of a raw or gzip stream: a decompressobj's output, the stream complete.</summary>
    public static PyBytes Decompress(object? data, long wbits, long bufsize = 16384)
    {
        if (wbits == 15) return Decompress(data);
        var d = new ZlibDecompressor(wbits);
        var result = d.Decompress(data);
        return d.Eof ? result : throw Truncated();
    }

    public static PyBytes Decompress(object? data)
    {
        var input = BinAscii.Input(data);
        if (input.Length < 2) throw Truncated();
        if ((input[0] & 0x0f) != 8 || ((input[0] << 8) | input[1]) % 31 != 0) throw new ZlibError("Error -3 while decompressing data: incorrect header check");
        byte[] result;
        try
        {
            using var z = new ZLibStream(new MemoryStream(input), CompressionMode.Decompress);
            var output = new MemoryStream();
            z.CopyTo(output);
            result = output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new ZlibError("Error -3 while decompressing data: invalid stored block lengths");
        }
        // .NET stops quietly at the end of a truncated stream; zlib's trailer is the data's adler32, big-endian.
        if (input.Length < 6 || Adler32(result, 1) != (((long)input[^4] << 24) | ((long)input[^3] << 16) | ((long)input[^2] << 8) | input[^1])) throw Truncated();
        return new PyBytes(result);
    }

    private static ZlibError Truncated() => new("Error -5 while decompressing data: incomplete or truncated stream");
}
