using System.Globalization;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Formats.Gguf;

/// <summary>
/// A GGUF (v2 or v3) model file: header, metadata, tensor infos and memory-mapped tensor data.
/// Every count, length and offset is checked against the file size before anything is allocated
/// or read, so a malformed file raises <see cref="ModelFormatException"/> with the field and offset.
/// </summary>
public sealed unsafe class GgufFile : IDisposable
{
    public const uint Magic = 0x46554747; // "GGUF" little-endian
    public const uint DefaultAlignment = 32;
    public const int MaxDimensions = 4;
    public const int MaxArrayNesting = 8;
    public const int MaxNameBytes = 1024;
    private const string Format = "GGUF";

    private readonly Dictionary<string, GgufTensorInfo> _byName;
    private readonly bool _ownsFile;

    private GgufFile(MappedFile file, bool ownsFile, uint version, Dictionary<string, GgufValue> metadata, List<string> keyOrder,
        List<GgufTensorInfo> tensors, uint alignment, long dataOffset)
    {
        File = file;
        _ownsFile = ownsFile;
        Version = version;
        Metadata = metadata;
        MetadataKeys = keyOrder;
        Tensors = tensors;
        Alignment = alignment;
        DataOffset = dataOffset;
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public MappedFile File { get; }
    public uint Version { get; }
    public IReadOnlyDictionary<string, GgufValue> Metadata { get; }

    /// <summary>Metadata keys in file order.</summary>
    public IReadOnlyList<string> MetadataKeys { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }
    public uint Alignment { get; }

    /// <summary>Absolute offset of the tensor data section.</summary>
    public long DataOffset { get; }

    public static GgufFile Open(string path)
    {
        var file = MappedFile.Open(path);
        try
        {
            return Parse(file, ownsFile: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Parses a GGUF image held in memory (tests, fuzzing).</summary>
    public static GgufFile Parse(byte[] bytes)
    {
        var file = MappedFile.FromBytes(bytes);
        try
        {
            return Parse(file, ownsFile: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static GgufFile Parse(MappedFile file, bool ownsFile)
    {
        var c = new ByteCursor(file.Pointer, file.Length, Format);

        if (file.Length < 4)
            throw c.Error("magic", $"the file has only {file.Length} bytes; a GGUF file starts with the 4-byte magic 'GGUF'", "this is not a GGUF file.");
        uint magic = c.ReadU32("magic");
        if (magic != Magic)
            throw c.Error("magic", $"expected 'GGUF' (47 47 55 46) but found {Hex(magic)}", "this is not a GGUF file; check the path and format.", 0);

        long versionAt = c.Position;
        uint version = c.ReadU32("version");
        if (version is not (2 or 3))
        {
            uint swapped = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(version);
            if (swapped is >= 1 and <= 3)
                throw c.Error("version", $"big-endian GGUF v{swapped} is not supported", "convert the model on a little-endian machine.", versionAt);
            if (version == 1)
                throw c.Error("version", "GGUF v1 (32-bit counts) is obsolete and not supported", "re-convert the model with a current llama.cpp convert script.", versionAt);
            throw c.Error("version", $"unknown GGUF version {version}; versions 2 and 3 are supported", at: versionAt);
        }

        // The smallest tensor info is 8 (name length) + 4 (n_dims) + 4 (type) + 8 (offset) bytes.
        long tensorCount = c.ReadCount("tensor_count", 24);
        // The smallest metadata entry is 8 (key length) + 4 (type) + 1 (value) bytes.
        long kvCount = c.ReadCount("metadata_kv_count", 13);

        var metadata = new Dictionary<string, GgufValue>(checked((int)kvCount), StringComparer.Ordinal);
        var keyOrder = new List<string>((int)kvCount);
        for (long i = 0; i < kvCount; i++)
        {
            long keyAt = c.Position;
            string key = c.ReadString(Field("metadata", i, "key"), MaxNameBytes);
            if (key.Length == 0) throw c.Error(Field("metadata", i, "key"), "empty metadata key", at: keyAt);
            if (metadata.ContainsKey(key)) throw c.Error(Field("metadata", i, "key"), $"duplicate metadata key '{key}'", at: keyAt);
            string field = "metadata['" + key + "']";
            uint rawType = c.ReadU32(field + ".type");
            if (!GgufValueTypes.IsDefined(rawType))
                throw c.Error(field + ".type", $"unknown value type {rawType}", at: c.Position - 4);
            metadata[key] = ReadValue(ref c, (GgufValueType)rawType, field, 0);
            keyOrder.Add(key);
        }

        uint alignment = DefaultAlignment;
        if (metadata.TryGetValue("general.alignment", out var alignValue))
        {
            if (alignValue.Type != GgufValueType.UInt32)
                throw c.Error("metadata['general.alignment']", $"must be UInt32, found {alignValue.Type}", at: -1);
            alignment = (uint)alignValue.Value;
            if (alignment == 0 || (alignment & (alignment - 1)) != 0)
                throw c.Error("metadata['general.alignment']", $"alignment {alignment} is not a power of two", at: -1);
        }

        var infos = new List<(string Name, long[] Dims, GgmlType Type, long Offset, long At, long Elements, long Bytes)>((int)tensorCount);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < tensorCount; i++)
        {
            long at = c.Position;
            string name = c.ReadString(Field("tensor_infos", i, "name"), MaxNameBytes);
            if (!names.Add(name)) throw c.Error(Field("tensor_infos", i, "name"), $"duplicate tensor name '{name}'", at: at);
            string f = "tensor_infos['" + name + "']";
            uint nDims = c.ReadU32(f + ".n_dims");
            if (nDims > MaxDimensions)
                throw c.Error(f + ".n_dims", $"{nDims} dimensions; ggml tensors have at most {MaxDimensions}", at: c.Position - 4);
            var dims = new long[nDims];
            long elements = 1;
            for (int d = 0; d < nDims; d++)
            {
                long dimAt = c.Position;
                ulong raw = c.ReadU64(f + ".dims[" + d.ToString(CultureInfo.InvariantCulture) + "]");
                if (raw > long.MaxValue)
                    throw c.Error(f + ".dims[" + d.ToString(CultureInfo.InvariantCulture) + "]", $"dimension {raw} is out of range", at: dimAt);
                dims[d] = (long)raw;
                if (dims[d] != 0 && elements > long.MaxValue / dims[d])
                    throw c.Error(f + ".dims", "the element count overflows 64 bits", at: dimAt);
                elements *= dims[d];
            }
            long typeAt = c.Position;
            uint rawType = c.ReadU32(f + ".type");
            var type = (GgmlType)rawType;
            if (!GgmlTypes.TryGetLayout(type, out int blockElements, out int blockBytes))
                throw c.Error(f + ".type", $"unknown ggml type id {rawType}", "the file needs a newer reader, or it is corrupt.", typeAt);
            if (nDims > 0 && dims[0] % blockElements != 0)
                throw c.Error(f + ".dims[0]", $"{dims[0]} is not a multiple of the {type} block size {blockElements}", at: typeAt);
            long blocks = elements / blockElements;
            if (blocks > long.MaxValue / blockBytes)
                throw c.Error(f + ".dims", "the byte size overflows 64 bits", at: typeAt);
            long bytes = blocks * blockBytes;
            long offsetAt = c.Position;
            ulong offset = c.ReadU64(f + ".offset");
            if (offset > long.MaxValue || offset % alignment != 0)
                throw c.Error(f + ".offset", $"offset {offset} is not a multiple of the alignment {alignment}", at: offsetAt);
            infos.Add((name, dims, type, (long)offset, offsetAt, elements, bytes));
        }

        long dataOffset = AlignUp(c.Position, alignment);
        if (dataOffset > file.Length && tensorCount > 0)
            throw c.Error("tensor_data", $"the data section would start at {dataOffset}, past the end of the {file.Length}-byte file", "the file is truncated.", c.Position);
        long dataLength = Math.Max(0, file.Length - dataOffset);

        var tensors = new List<GgufTensorInfo>(infos.Count);
        foreach (var t in infos)
        {
            if (t.Offset > dataLength || t.Bytes > dataLength - t.Offset)
                throw c.Error("tensor_infos['" + t.Name + "'].offset",
                    $"the tensor's {t.Bytes} bytes at data offset {t.Offset} end past the {dataLength}-byte data section",
                    "the file is truncated or the tensor info is corrupt.", t.At);
            tensors.Add(new GgufTensorInfo(t.Name, t.Dims, t.Type, t.Offset, dataOffset + t.Offset, t.Elements, t.Bytes));
        }

        // Overlapping tensors would let one weight silently alias another.
        var sorted = tensors.Where(t => t.ByteSize > 0).OrderBy(t => t.RelativeOffset).ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            var prev = sorted[i - 1];
            if (sorted[i].RelativeOffset < prev.RelativeOffset + prev.ByteSize)
                throw c.Error("tensor_infos['" + sorted[i].Name + "'].offset",
                    $"the tensor overlaps '{prev.Name}' (which ends at data offset {prev.RelativeOffset + prev.ByteSize})", at: -1);
        }

        return new GgufFile(file, ownsFile, version, metadata, keyOrder, tensors, alignment, dataOffset);
    }

    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out GgufTensorInfo info) => _byName.TryGetValue(name, out info);

    public GgufTensorInfo GetTensor(string name) => _byName.TryGetValue(name, out var t) ? t
        : throw new ModelFormatException(Format, "tensor '" + name + "'", -1, "the tensor is missing", "the file is not a complete model of the expected architecture.");

    /// <summary>Pointer to a tensor's bytes, valid while this file is open.</summary>
    public byte* TensorPointer(GgufTensorInfo info) => File.Pointer + info.AbsoluteOffset;

    public ReadOnlySpan<byte> TensorBytes(GgufTensorInfo info) => File.Span(info.AbsoluteOffset, info.ByteSize);

    public string? GetString(string key) => Metadata.TryGetValue(key, out var v) && v.Type == GgufValueType.String ? v.AsString() : null;

    /// <summary>A numeric metadata value widened to long, or null when absent; a non-integer is a format error.</summary>
    public long? GetInteger(string key)
    {
        if (!Metadata.TryGetValue(key, out var v)) return null;
        if (!v.IsInteger) throw new ModelFormatException(Format, "metadata['" + key + "']", -1, $"expected an integer, found {v.Type}");
        return v.AsInt64();
    }

    public double? GetNumber(string key)
    {
        if (!Metadata.TryGetValue(key, out var v)) return null;
        if (!v.IsNumber) throw new ModelFormatException(Format, "metadata['" + key + "']", -1, $"expected a number, found {v.Type}");
        return v.AsDouble();
    }

    public bool? GetBool(string key) =>
        Metadata.TryGetValue(key, out var v) ? v.Type == GgufValueType.Bool ? v.AsBool()
            : throw new ModelFormatException(Format, "metadata['" + key + "']", -1, $"expected a bool, found {v.Type}") : null;

    public void Dispose()
    {
        if (_ownsFile) File.Dispose();
    }

    internal static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static GgufValue ReadValue(ref ByteCursor c, GgufValueType type, string field, int depth)
    {
        switch (type)
        {
            case GgufValueType.UInt8: return GgufValue.Scalar(type, c.ReadU8(field));
            case GgufValueType.Int8: return GgufValue.Scalar(type, (sbyte)c.ReadU8(field));
            case GgufValueType.UInt16: return GgufValue.Scalar(type, c.ReadU16(field));
            case GgufValueType.Int16: return GgufValue.Scalar(type, (short)c.ReadU16(field));
            case GgufValueType.UInt32: return GgufValue.Scalar(type, c.ReadU32(field));
            case GgufValueType.Int32: return GgufValue.Scalar(type, (int)c.ReadU32(field));
            case GgufValueType.Float32: return GgufValue.Scalar(type, BitConverter.UInt32BitsToSingle(c.ReadU32(field)));
            case GgufValueType.UInt64: return GgufValue.Scalar(type, c.ReadU64(field));
            case GgufValueType.Int64: return GgufValue.Scalar(type, (long)c.ReadU64(field));
            case GgufValueType.Float64: return GgufValue.Scalar(type, BitConverter.UInt64BitsToDouble(c.ReadU64(field)));
            case GgufValueType.Bool: return GgufValue.Scalar(type, ReadBool(ref c, field));
            case GgufValueType.String: return GgufValue.Scalar(type, c.ReadString(field));
            case GgufValueType.Array: return ReadArray(ref c, field, depth);
            default: throw c.Error(field + ".type", $"unknown value type {(uint)type}");
        }
    }

    private static bool ReadBool(ref ByteCursor c, string field)
    {
        byte b = c.ReadU8(field);
        if (b > 1) throw c.Error(field, $"a bool must be 0 or 1, found {b}", at: c.Position - 1);
        return b == 1;
    }

    private static GgufValue ReadArray(ref ByteCursor c, string field, int depth)
    {
        if (depth >= MaxArrayNesting)
            throw c.Error(field, $"arrays nested deeper than {MaxArrayNesting} levels", "the file is corrupt or hostile.");
        long typeAt = c.Position;
        uint rawType = c.ReadU32(field + ".element_type");
        if (!GgufValueTypes.IsDefined(rawType)) throw c.Error(field + ".element_type", $"unknown array element type {rawType}", at: typeAt);
        var et = (GgufValueType)rawType;
        long n = c.ReadCount(field + ".count", GgufValueTypes.MinBytes(et));
        int count = checked((int)Math.Min(n, int.MaxValue));
        if (n > int.MaxValue) throw c.Error(field + ".count", $"{n} elements exceed the 2^31 array limit", at: typeAt + 4);

        switch (et)
        {
            case GgufValueType.UInt8: return GgufValue.Array(et, c.ReadBytes(count, field).ToArray());
            case GgufValueType.Int8: return GgufValue.Array(et, Cast<sbyte>(c.ReadBytes(count, field)));
            case GgufValueType.UInt16: return GgufValue.Array(et, Cast<ushort>(c.ReadBytes(2L * count, field)));
            case GgufValueType.Int16: return GgufValue.Array(et, Cast<short>(c.ReadBytes(2L * count, field)));
            case GgufValueType.UInt32: return GgufValue.Array(et, Cast<uint>(c.ReadBytes(4L * count, field)));
            case GgufValueType.Int32: return GgufValue.Array(et, Cast<int>(c.ReadBytes(4L * count, field)));
            case GgufValueType.Float32: return GgufValue.Array(et, Cast<float>(c.ReadBytes(4L * count, field)));
            case GgufValueType.UInt64: return GgufValue.Array(et, Cast<ulong>(c.ReadBytes(8L * count, field)));
            case GgufValueType.Int64: return GgufValue.Array(et, Cast<long>(c.ReadBytes(8L * count, field)));
            case GgufValueType.Float64: return GgufValue.Array(et, Cast<double>(c.ReadBytes(8L * count, field)));
            case GgufValueType.Bool:
            {
                var bools = new bool[count];
                for (int i = 0; i < count; i++) bools[i] = ReadBool(ref c, field);
                return GgufValue.Array(et, bools);
            }
            case GgufValueType.String:
            {
                var strings = new string[count];
                for (int i = 0; i < count; i++) strings[i] = c.ReadString(field);
                return GgufValue.Array(et, strings);
            }
            default:
            {
                var nested = new GgufValue[count];
                for (int i = 0; i < count; i++) nested[i] = ReadArray(ref c, field, depth + 1);
                return GgufValue.Array(et, nested);
            }
        }
    }

    private static T[] Cast<T>(ReadOnlySpan<byte> bytes) where T : unmanaged
    {
        // GGUF is little-endian, and so is every platform .NET runs this on.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("GGUF reading needs a little-endian CPU");
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    private static string Field(string table, long index, string member) =>
        string.Create(CultureInfo.InvariantCulture, $"{table}[{index}].{member}");

    private static string Hex(uint v) => string.Join(' ', BitConverter.GetBytes(v).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
