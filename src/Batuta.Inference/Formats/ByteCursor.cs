using System.Buffers.Binary;
using System.Text;

namespace Batuta.Inference.Formats;

/// <summary>
/// A little-endian reader over a mapped range that checks every read against the end of the data,
/// so a truncated or lying header turns into a <see cref="ModelFormatException"/> naming the field
/// and offset, never an out-of-bounds read.
/// </summary>
internal unsafe struct ByteCursor
{
    private readonly byte* _base;
    private readonly string _format;

    public ByteCursor(byte* basePointer, long length, string format)
    {
        _base = basePointer;
        Length = length;
        _format = format;
        Position = 0;
    }

    public long Length { get; }

    public long Position { get; set; }

    public readonly long Remaining => Length - Position;

    public readonly ModelFormatException Error(string field, string problem, string? hint = null, long? at = null) =>
        new(_format, field, at ?? Position, problem, hint);

    public readonly void Require(long bytes, string field)
    {
        if (bytes < 0 || bytes > Remaining)
            throw Error(field, $"needs {bytes} bytes but only {Remaining} remain before the end of the file ({Length} bytes)",
                "the file is truncated or the header is corrupt; download or convert it again.");
    }

    public byte ReadU8(string field) { Require(1, field); return _base[Position++]; }

    public ushort ReadU16(string field)
    {
        Require(2, field);
        var v = BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(_base + Position, 2));
        Position += 2;
        return v;
    }

    public uint ReadU32(string field)
    {
        Require(4, field);
        var v = BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(_base + Position, 4));
        Position += 4;
        return v;
    }

    public ulong ReadU64(string field)
    {
        Require(8, field);
        var v = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(_base + Position, 8));
        Position += 8;
        return v;
    }

    /// <summary>A count or length stored as u64 that must fit the remaining bytes at <paramref name="minElementBytes"/> each.</summary>
    public long ReadCount(string field, long minElementBytes)
    {
        long at = Position;
        ulong raw = ReadU64(field);
        long max = minElementBytes <= 0 ? Remaining : Remaining / minElementBytes;
        if (raw > (ulong)max)
            throw Error(field, $"claims {raw} elements, but the {Remaining} remaining bytes can hold at most {max}",
                "the header is corrupt or the file is truncated.", at);
        return (long)raw;
    }

    public ReadOnlySpan<byte> ReadBytes(long count, string field)
    {
        Require(count, field);
        if (count > int.MaxValue) throw Error(field, $"a {count}-byte value is larger than 2 GiB");
        var span = new ReadOnlySpan<byte>(_base + Position, (int)count);
        Position += count;
        return span;
    }

    /// <summary>A u64-length-prefixed UTF-8 string. Invalid UTF-8 is replaced, not rejected: vocabularies carry raw bytes.</summary>
    public string ReadString(string field, long maxLength = int.MaxValue)
    {
        long at = Position;
        long len = ReadCount(field + ".length", 1);
        if (len > maxLength) throw Error(field, $"string of {len} bytes exceeds the limit of {maxLength}", at: at);
        return Encoding.UTF8.GetString(ReadBytes(len, field));
    }
}
