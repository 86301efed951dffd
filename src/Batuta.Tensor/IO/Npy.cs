using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Batuta.Tensors.IO;

/// <summary>
/// numpy's <c>.npy</c> format (versions 1.0–3.0): <see cref="Save{T}(string, Tensor{T})"/> writes
/// what <c>np.load</c> reads, <see cref="Load{T}(string)"/> reads what <c>np.save</c> writes, converting
/// the stored dtype (bool, int8…int64, uint8…uint64, float32/64, either byte order, C or Fortran order)
/// to the requested element type. Malformed files raise <see cref="InvalidDataException"/> naming the problem.
/// </summary>
public static partial class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static void Save<T>(string path, Tensor<T> tensor) where T : unmanaged, INumber<T>
    {
        using var stream = File.Create(path);
        Write(stream, tensor);
    }

    public static Tensor<T> Load<T>(string path) where T : unmanaged, INumber<T>
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Read<T>(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    public static void Write<T>(Stream stream, Tensor<T> tensor) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(tensor);
        string descr = TensorElement<T>.DType switch
        {
            DType.Float32 => "<f4",
            DType.Float64 => "<f8",
            DType.Int32 => "<i4",
            _ => "<i8",
        };
        var dims = tensor.ShapeArray;
        string shape = dims.Length == 1
            ? $"({dims[0].ToString(CultureInfo.InvariantCulture)},)"
            : "(" + string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        int total = Magic.Length + 2 + 2 + header.Length + 1;
        int pad = (64 - total % 64) % 64;
        header = header + new string(' ', pad) + "\n";
        stream.Write(Magic);
        stream.WriteByte(1);
        stream.WriteByte(0);
        Span<byte> len = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, checked((ushort)header.Length));
        stream.Write(len);
        stream.Write(Encoding.ASCII.GetBytes(header));
        var data = tensor.ToArray();
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("npy writing assumes a little-endian machine.");
        stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
    }

    public static Tensor<T> Read<T>(Stream stream) where T : unmanaged, INumber<T>
    {
        Span<byte> magic = stackalloc byte[8];
        ReadExactly(stream, magic, "the 8-byte magic and version");
        if (!magic[..6].SequenceEqual(Magic)) throw new InvalidDataException("not a .npy file (the magic string \\x93NUMPY is missing).");
        int major = magic[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> l = stackalloc byte[2];
            ReadExactly(stream, l, "the header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(l);
        }
        else if (major is 2 or 3)
        {
            Span<byte> l = stackalloc byte[4];
            ReadExactly(stream, l, "the header length");
            uint hl = BinaryPrimitives.ReadUInt32LittleEndian(l);
            if (hl > 1 << 20) throw new InvalidDataException($"header length {hl} is implausible (over 1 MiB).");
            headerLength = (int)hl;
        }
        else throw new InvalidDataException($"unsupported .npy version {major}.{magic[7]} (supported: 1.0, 2.0, 3.0).");

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, "the header");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shapeMatch.Success)
            throw new InvalidDataException($"the header is not a numpy header dict with 'descr', 'fortran_order' and 'shape': {header.Trim()}");
        string d = descr.Groups[1].Value;
        bool fortranOrder = fortran.Groups[1].Value == "True";
        var dims = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : throw new InvalidDataException($"shape entry '{s}' is not a non-negative integer."))
            .ToArray();
        long count = 1;
        foreach (int dim in dims)
        {
            count *= dim;
            if (count > int.MaxValue) throw new InvalidDataException($"shape {TensorShape.Format(dims)} has too many elements.");
        }

        var (size, convert) = Converter<T>(d);
        var raw = new byte[count * size];
        ReadExactly(stream, raw, $"{count} elements of {d} (the file is truncated)");
        var storeShape = fortranOrder ? dims.Reverse().ToArray() : dims;
        var t = Tensor<T>.Allocate(storeShape, clear: false);
        var dst = t.AsSpan();
        for (int i = 0; i < dst.Length; i++) dst[i] = convert(raw.AsSpan(i * size, size));
        if (!fortranOrder) return t;
        using (t)
        {
            using var view = t.Transpose();
            return view.Clone();
        }
    }

    private static (int Size, Func<ReadOnlySpan<byte>, T> Convert) Converter<T>(string descr) where T : unmanaged, INumber<T>
    {
        if (descr.Length < 3) throw new InvalidDataException($"dtype '{descr}' is not understood.");
        char order = descr[0];
        bool big = order == '>';
        if (order is not ('<' or '>' or '|' or '=')) throw new InvalidDataException($"dtype '{descr}' has an unknown byte order '{order}'.");
        string kind = descr[1..];
        return kind switch
        {
            "f4" => (4, b => T.CreateTruncating(big ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b))),
            "f8" => (8, b => T.CreateTruncating(big ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b))),
            "i1" => (1, b => T.CreateTruncating((sbyte)b[0])),
            "u1" or "b1" => (1, b => T.CreateTruncating(b[0])),
            "i2" => (2, b => T.CreateTruncating(big ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b))),
            "u2" => (2, b => T.CreateTruncating(big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b))),
            "i4" => (4, b => T.CreateTruncating(big ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b))),
            "u4" => (4, b => T.CreateTruncating(big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b))),
            "i8" => (8, b => T.CreateTruncating(big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b))),
            "u8" => (8, b => T.CreateTruncating(big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b))),
            _ => throw new InvalidDataException($"dtype '{descr}' is not supported (float32/64, int8–64, uint8–64 and bool are)."),
        };
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer[read..]);
            if (n == 0) throw new InvalidDataException($"unexpected end of file while reading {what}.");
            read += n;
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
