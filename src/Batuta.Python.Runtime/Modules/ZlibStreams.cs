using System.IO.Compression;

namespace Batuta.Python.Runtime.Modules;

/// <summary>The container wbits selects: zlib (9..15), raw deflate (-9..-15), gzip (25..31), either of zlib and gzip (40..47).</summary>
internal enum ZlibContainer { Zlib, Raw, Gzip, Auto }

internal static class ZlibFormat
{
    public static ZlibContainer Of(long wbits, bool decompressing) => wbits switch
    {
        >= 9 and <= 15 => ZlibContainer.Zlib,
        >= -15 and <= -9 => ZlibContainer.Raw,
        >= 25 and <= 31 => ZlibContainer.Gzip,
        _ when decompressing => DecompressingOnly(wbits),
        _ => throw new ValueError("Invalid initialization option"),
    };

    /// <summary>The window size from the zlib header (0, 8) and the automatic header detection (40..47).</summary>
    private static ZlibContainer DecompressingOnly(long wbits) => wbits switch
    {
        0 or 8 => ZlibContainer.Zlib,
        >= 40 and <= 47 => ZlibContainer.Auto,
        _ => throw new ValueError("Invalid initialization option"),
    };

    /// <summary>zlib's two header bytes: the window size, the level class (0..3) and the check bits.</summary>
    public static byte[] ZlibHeader(long wbits, long level)
    {
        int cmf = (int)((wbits - 8) << 4) | 8;
        int flevel = level switch { 0 or 1 => 0, >= 2 and <= 5 => 1, -1 or 6 => 2, _ => 3 };
        int flg = flevel << 6;
        flg += 31 - (cmf * 256 + flg) % 31;
        return [(byte)cmf, (byte)flg];
    }

    /// <summary>The gzip header zlib writes: no name, no time; XFL 2 for level 9, 4 for the fastest levels; OS unix.</summary>
    public static byte[] GzipHeader(long level) => [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, (byte)(level == 9 ? 2 : level is 0 or 1 ? 4 : 0), 3];

    public static byte[] BigEndian(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    /// <summary>An int argument of a method called through a dynamic value, by position or keyword.</summary>
    public static long IntArg(object?[] args, int i, PyDict<string, object?> kwargs, string key, long @default)
    {
        var v = i < args.Length ? args[i] : kwargs.TryGetValue(key, out var kv) ? kv : null;
        return v switch
        {
            null => @default,
            long l => l,
            int n => n,
            bool b => b ? 1 : 0,
            PyInt p => p.AsIndex,
            _ => throw new TypeError($"'{Dyn.TypeName(v)}' object cannot be interpreted as an integer"),
        };
    }

    public static byte[] LittleEndian(uint v) => [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)];
}

/// <summary>
/// zlib.compressobj(): a deflate stream fed piece by piece. compress() returns what the encoder has written so far (the
/// header on the first call, as zlib does); flush() ends the stream (or, with Z_SYNC_FLUSH/Z_FULL_FLUSH, empties the
/// encoder and keeps it open). The deflate bytes are .NET's zlib-ng: they can differ from CPython's zlib (see ZlibModule).
/// </summary>
public sealed class ZlibCompressor : IPyObject, IPyTyped, IPyKeywordMethods
{
    private readonly ZlibContainer _format;
    private readonly long _level, _wbits;
    private readonly MemoryStream _sink = new();
    private DeflateStream? _deflate;
    private bool _started, _finished;
    private long _bodyLength, _size;
    private uint _adler = 1, _crc;

    public ZlibCompressor(long level = -1, long method = 8, long wbits = 15)
    {
        if (level is < -1 or > 9 || method != 8) throw new ValueError("Invalid initialization option");
        _format = ZlibFormat.Of(wbits, false);
        (_level, _wbits) = (level, wbits);
    }

    public PyBytes Compress(object? data)
    {
        if (_finished) throw new ZlibError("Error -2 while compressing data: inconsistent stream state");
        var input = BinAscii.Input(data);
        _deflate ??= new DeflateStream(_sink, ZlibModule.DotNetLevel(_level), leaveOpen: true);
        _deflate.Write(input);
        _adler = (uint)ZlibModule.Adler32(input, _adler);
        _crc = (uint)BinAscii.Crc32(new PyBytes(input), _crc);
        _size += input.Length;
        return new PyBytes(Header().Concat(Drain()).ToArray());
    }

    /// <summary>flush(mode): Z_FINISH (4, the default) ends the stream with its trailer; Z_NO_FLUSH (0) gives nothing more.</summary>
    public PyBytes Flush(long mode = 4)
    {
        if (mode == 0 || _finished) return new PyBytes(Array.Empty<byte>());
        if (mode != 4)
        {
            _deflate?.Flush();
            return new PyBytes(Header().Concat(Drain()).ToArray());
        }
        _finished = true;
        _deflate?.Dispose();
        var body = Drain();
        // .NET writes nothing for no data: zlib's empty final block
        if (_bodyLength == 0) body = _level == 0 ? [1, 0, 0, 0xff, 0xff] : [3, 0];
        return new PyBytes(Header().Concat(body).Concat(Trailer()).ToArray());
    }

    private byte[] Header()
    {
        if (_started) return [];
        _started = true;
        return _format switch
        {
            ZlibContainer.Zlib => ZlibFormat.ZlibHeader(_wbits, _level),
            ZlibContainer.Gzip => ZlibFormat.GzipHeader(_level),
            _ => [],
        };
    }

    private byte[] Trailer() => _format switch
    {
        ZlibContainer.Zlib => ZlibFormat.BigEndian(_adler),
        ZlibContainer.Gzip => [.. ZlibFormat.LittleEndian(_crc), .. ZlibFormat.LittleEndian((uint)_size)],
        _ => [],
    };

    private byte[] Drain()
    {
        var bytes = _sink.ToArray();
        _sink.SetLength(0);
        _sink.Position = 0;
        _bodyLength += bytes.Length;
        return bytes;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "compress" => Compress(args.Length > 0 ? args[0] : kwargs.Get("data")),
        "flush" => Flush(ZlibFormat.IntArg(args, 0, kwargs, "mode", 4)),
        _ => throw new AttributeError($"'zlib.Compress' object has no attribute '{name}'"),
    };

    public string PyTypeName => "zlib.Compress";
    public string PyRepr() => $"<zlib.Compress object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
    public string PyStr() => PyRepr();
}

/// <summary>
/// zlib.decompressobj(): decompress() returns all the data the input given so far holds; once the stream (and its
/// check value) has ended, eof is True and what followed it is unused_data. The input is decoded again from its start
/// on each call, which keeps the decoder simple at the cost of time on many small pieces.
/// </summary>
public sealed class ZlibDecompressor : IPyObject, IPyTyped, IPyKeywordMethods, IPyAttributes
{
    private readonly ZlibContainer _format;
    private readonly List<byte> _input = new();
    private int _emitted;

    public ZlibDecompressor(long wbits = 15) => _format = ZlibFormat.Of(wbits, true);

    public bool Eof { get; private set; }

    public PyBytes UnusedData { get; private set; } = new(Array.Empty<byte>());

    public PyBytes Decompress(object? data, long maxLength = 0)
    {
        if (maxLength != 0) throw new NotImplementedError("zlib: decompress() with max_length is not supported by Batuta");
        var input = BinAscii.Input(data);
        if (Eof)
        {
            UnusedData = new PyBytes(UnusedData.Data.ToArray().Concat(input).ToArray());
            return new PyBytes(Array.Empty<byte>());
        }
        _input.AddRange(input);
        var all = _input.ToArray();
        var (output, end) = Decode(all);
        var fresh = output[_emitted..];
        _emitted = output.Length;
        if (end >= 0)
        {
            Eof = true;
            UnusedData = new PyBytes(all[end..]);
        }
        return new PyBytes(fresh);
    }

    /// <summary>flush(): decompress() already returned all the data.</summary>
    public PyBytes Flush(long length = 16384) => length <= 0 ? throw new ValueError("length must be greater than zero") : new PyBytes(Array.Empty<byte>());

    /// <summary>The data decoded from the input, and where the stream ended in it (-1: not yet).</summary>
    private (byte[] Output, int End) Decode(byte[] input)
    {
        var format = _format != ZlibContainer.Auto || input.Length == 0 ? _format : input[0] == 0x1f ? ZlibContainer.Gzip : ZlibContainer.Zlib;
        int start = HeaderLength(format, input);
        if (start < 0) return ([], -1);
        var result = ZlibInflate.Run(input, start);
        if (!result.Finished) return (result.Output, -1);
        int at = start + result.Consumed;
        return (result.Output, format switch
        {
            ZlibContainer.Zlib => CheckedEnd(input, at, 4, () => ZlibFormat.BigEndian((uint)ZlibModule.Adler32(result.Output, 1))),
            ZlibContainer.Gzip => CheckedEnd(input, at, 8, () => [.. ZlibFormat.LittleEndian((uint)BinAscii.Crc32(new PyBytes(result.Output), 0)), .. ZlibFormat.LittleEndian((uint)result.Output.Length)]),
            _ => at,
        });
    }

    /// <summary>Where the deflate data starts (-1: the header is not all there yet).</summary>
    private static int HeaderLength(ZlibContainer format, byte[] input) => format switch
    {
        ZlibContainer.Zlib => ZlibHeaderLength(input),
        ZlibContainer.Gzip => GzipHeaderLength(input),
        ZlibContainer.Raw => 0,
        _ => -1,
    };

    /// <summary>The end of the stream after its trailer, once the trailer is there and matches.</summary>
    private static int CheckedEnd(byte[] input, int at, int length, Func<byte[]> expected)
    {
        if (input.Length < at + length) return -1;
        if (!input.AsSpan(at, length).SequenceEqual(expected())) throw new ZlibError("Error -3 while decompressing data: incorrect data check");
        return at + length;
    }

    private static int ZlibHeaderLength(byte[] input)
    {
        if (input.Length < 2) return -1;
        if (((input[0] << 8) | input[1]) % 31 != 0) throw new ZlibError("Error -3 while decompressing data: incorrect header check");
        if ((input[0] & 0x0f) != 8) throw new ZlibError("Error -3 while decompressing data: unknown compression method");
        return (input[1] & 0x20) != 0 ? throw new ZlibError("Error 2 while decompressing data") : 2;
    }

    /// <summary>The gzip header's length, its optional extra field, name, comment and header check included.</summary>
    private static int GzipHeaderLength(byte[] input)
    {
        if (input.Length < 10) return -1;
        CheckGzipMagic(input);
        int flags = input[3], at = 10;
        if ((flags & 4) != 0) at = input.Length < at + 2 ? int.MaxValue : at + 2 + (input[at] | (input[at + 1] << 8));
        if ((flags & 8) != 0) at = SkipZeroTerminated(input, at);
        if ((flags & 16) != 0) at = SkipZeroTerminated(input, at);
        if ((flags & 2) != 0) at += 2;
        return at <= input.Length ? at : -1;
    }

    private static void CheckGzipMagic(byte[] input)
    {
        if (input[0] != 0x1f || input[1] != 0x8b) throw new ZlibError("Error -3 while decompressing data: incorrect header check");
        if (input[2] != 8) throw new ZlibError("Error -3 while decompressing data: unknown compression method");
    }

    private static int SkipZeroTerminated(byte[] input, int at)
    {
        if (at >= input.Length) return int.MaxValue - 2;
        int zero = Array.IndexOf(input, (byte)0, at);
        return zero < 0 ? int.MaxValue - 2 : zero + 1;
    }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "eof" => Eof,
            "unused_data" => UnusedData,
            "unconsumed_tail" => new PyBytes(Array.Empty<byte>()),
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "decompress" => Decompress(args.Length > 0 ? args[0] : kwargs.Get("data"), ZlibFormat.IntArg(args, 1, kwargs, "max_length", 0)),
        "flush" => Flush(ZlibFormat.IntArg(args, 0, kwargs, "length", 16384)),
        _ => throw new AttributeError($"'zlib.Decompress' object has no attribute '{name}'"),
    };

    public string PyTypeName => "zlib.Decompress";
    public string PyRepr() => $"<zlib.Decompress object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";
    public string PyStr() => PyRepr();
}
