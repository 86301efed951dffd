using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Batuta.Inference.Formats.SafeTensors;

/// <summary>
/// A safetensors file: an 8-byte little-endian header length, a JSON header, then the tensor bytes,
/// memory-mapped. The header is validated the way the reference implementation does: known dtypes,
/// offsets inside the buffer, sizes that match the shapes, and a buffer covered without gaps or overlaps.
/// </summary>
public sealed unsafe class SafeTensorsFile : IDisposable
{
    /// <summary>The reference implementation's header cap; a larger header is refused before it is read.</summary>
    public const long MaxHeaderBytes = 100_000_000;
    private const string Format = "safetensors";

    private readonly Dictionary<string, SafeTensorsTensorInfo> _byName;
    private readonly bool _ownsFile;

    private SafeTensorsFile(MappedFile file, bool ownsFile, List<SafeTensorsTensorInfo> tensors, Dictionary<string, string> metadata, long dataOffset)
    {
        File = file;
        _ownsFile = ownsFile;
        Tensors = tensors;
        Metadata = metadata;
        DataOffset = dataOffset;
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public MappedFile File { get; }

    /// <summary>Tensors in order of their data offsets.</summary>
    public IReadOnlyList<SafeTensorsTensorInfo> Tensors { get; }

    /// <summary>The optional <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public long DataOffset { get; }

    public static SafeTensorsFile Open(string path)
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

    public static SafeTensorsFile Parse(byte[] bytes)
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

    public static SafeTensorsFile Parse(MappedFile file, bool ownsFile)
    {
        if (file.Length < 8)
            throw new ModelFormatException(Format, "header_size", 0, $"the file has only {file.Length} bytes; it must start with an 8-byte header length",
                "this is not a safetensors file, or it is truncated.");
        ulong headerSize = BinaryPrimitives.ReadUInt64LittleEndian(file.Span(0, 8));
        if (headerSize > MaxHeaderBytes)
            throw new ModelFormatException(Format, "header_size", 0, $"header length {headerSize} exceeds the {MaxHeaderBytes}-byte limit",
                "this is not a safetensors file, or its header is corrupt.");
        if (headerSize > (ulong)(file.Length - 8))
            throw new ModelFormatException(Format, "header_size", 0, $"header length {headerSize} runs past the end of the {file.Length}-byte file",
                "the file is truncated.");
        if (headerSize < 2)
            throw new ModelFormatException(Format, "header", 8, "the JSON header is empty");

        var json = file.Span(8, (long)headerSize);
        if (json[0] != (byte)'{')
            throw new ModelFormatException(Format, "header", 8, $"the JSON header must start with '{{', found 0x{json[0]:X2}", "this is not a safetensors file.");

        long dataOffset = 8 + (long)headerSize;
        long dataLength = file.Length - dataOffset;
        var (tensors, metadata) = ParseHeader(json, dataOffset, dataLength);
        return new SafeTensorsFile(file, ownsFile, tensors, metadata, dataOffset);
    }

    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SafeTensorsTensorInfo info) => _byName.TryGetValue(name, out info);

    public SafeTensorsTensorInfo GetTensor(string name) => _byName.TryGetValue(name, out var t) ? t
        : throw new ModelFormatException(Format, "tensors['" + name + "']", -1, "the tensor is missing");

    public byte* TensorPointer(SafeTensorsTensorInfo info) => File.Pointer + info.AbsoluteOffset;

    public ReadOnlySpan<byte> TensorBytes(SafeTensorsTensorInfo info) => File.Span(info.AbsoluteOffset, info.ByteSize);

    public void Dispose()
    {
        if (_ownsFile) File.Dispose();
    }

    private static (List<SafeTensorsTensorInfo>, Dictionary<string, string>) ParseHeader(ReadOnlySpan<byte> json, long dataOffset, long dataLength)
    {
        var tensors = new List<SafeTensorsTensorInfo>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, "header");
            while (true)
            {
                Read(ref reader, "header");
                if (reader.TokenType == JsonTokenType.EndObject) break;
                long nameAt = At(ref reader);
                string name = reader.GetString().OrThrow();
                if (!names.Add(name)) throw Error("tensors['" + name + "']", nameAt, "duplicate entry");
                if (name == "__metadata__")
                {
                    Expect(ref reader, JsonTokenType.StartObject, "__metadata__");
                    while (true)
                    {
                        Read(ref reader, "__metadata__");
                        if (reader.TokenType == JsonTokenType.EndObject) break;
                        string key = reader.GetString().OrThrow();
                        Read(ref reader, "__metadata__['" + key + "']");
                        if (reader.TokenType != JsonTokenType.String)
                            throw Error("__metadata__['" + key + "']", At(ref reader), $"metadata values must be strings, found {reader.TokenType}");
                        metadata[key] = reader.GetString().OrThrow();
                    }
                    continue;
                }
                tensors.Add(ParseTensor(ref reader, name, dataOffset));
            }
            if (reader.Read())
                throw Error("header", At(ref reader), "unexpected data after the JSON object");
        }
        catch (JsonException e)
        {
            throw new ModelFormatException(Format, "header", 8 + (e.BytePositionInLine ?? 0), "invalid JSON: " + e.Message, "the header is corrupt.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new ModelFormatException(Format, "header", 8 + reader.TokenStartIndex, "invalid JSON: " + e.Message, "the header is corrupt.", e);
        }

        // The byte buffer must be covered exactly, in order, without holes or overlaps.
        tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        foreach (var t in tensors)
        {
            if (t.Begin != expected)
                throw new ModelFormatException(Format, "tensors['" + t.Name + "'].data_offsets", -1,
                    t.Begin < expected ? $"starts at {t.Begin}, overlapping the previous tensor that ends at {expected}"
                                       : $"starts at {t.Begin}, leaving a hole after the previous tensor that ends at {expected}");
            expected = t.End;
        }
        if (expected != dataLength)
            throw new ModelFormatException(Format, "data", dataOffset + Math.Min(expected, dataLength),
                expected > dataLength ? $"tensors need {expected} data bytes but the file holds {dataLength}" : $"{dataLength - expected} trailing bytes are not covered by any tensor",
                expected > dataLength ? "the file is truncated." : "the file is corrupt.");
        return (tensors, metadata);
    }

    private static SafeTensorsTensorInfo ParseTensor(ref Utf8JsonReader reader, string name, long dataOffset)
    {
        string f = "tensors['" + name + "']";
        Expect(ref reader, JsonTokenType.StartObject, f);
        long objectAt = At(ref reader);
        SafeTensorsDType? dtype = null;
        long[]? shape = null;
        long[]? offsets = null;
        long offsetsAt = objectAt;
        while (true)
        {
            Read(ref reader, f);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            string prop = reader.GetString().OrThrow();
            switch (prop)
            {
                case "dtype":
                    Expect(ref reader, JsonTokenType.String, f + ".dtype");
                    string d = reader.GetString().OrThrow();
                    if (!SafeTensorsDTypes.TryParse(d, out var parsed))
                        throw Error(f + ".dtype", At(ref reader), $"unknown dtype '{d}'", "supported: " + string.Join(", ", Enum.GetNames<SafeTensorsDType>()) + ".");
                    dtype = parsed;
                    break;
                case "shape":
                    shape = ReadIntegers(ref reader, f + ".shape", maxCount: 8);
                    break;
                case "data_offsets":
                    offsetsAt = At(ref reader);
                    offsets = ReadIntegers(ref reader, f + ".data_offsets", maxCount: 2);
                    if (offsets.Length != 2) throw Error(f + ".data_offsets", offsetsAt, $"expected [begin, end], found {offsets.Length} numbers");
                    break;
                default:
                    throw Error(f + "." + prop, At(ref reader), "unknown tensor property");
            }
        }
        if (dtype is null) throw Error(f + ".dtype", objectAt, "missing");
        if (shape is null) throw Error(f + ".shape", objectAt, "missing");
        if (offsets is null) throw Error(f + ".data_offsets", objectAt, "missing");
        if (offsets[1] < offsets[0]) throw Error(f + ".data_offsets", offsetsAt, $"end {offsets[1]} is before begin {offsets[0]}");

        long elements = 1;
        foreach (var s in shape)
        {
            if (s != 0 && elements > long.MaxValue / s) throw Error(f + ".shape", offsetsAt, "the element count overflows 64 bits");
            elements *= s;
        }
        int size = SafeTensorsDTypes.Size(dtype.Value);
        if (elements > long.MaxValue / size) throw Error(f + ".shape", offsetsAt, "the byte size overflows 64 bits");
        if (offsets[1] - offsets[0] != elements * size)
            throw Error(f + ".data_offsets", offsetsAt,
                $"spans {offsets[1] - offsets[0]} bytes but {dtype} [{string.Join(", ", shape)}] needs {elements * size}");
        return new SafeTensorsTensorInfo(name, dtype.Value, shape, offsets[0], offsets[1], dataOffset + offsets[0]);
    }

    private static long[] ReadIntegers(ref Utf8JsonReader reader, string field, int maxCount)
    {
        Expect(ref reader, JsonTokenType.StartArray, field);
        var values = new List<long>();
        while (true)
        {
            Read(ref reader, field);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long v) || v < 0)
                throw Error(field, At(ref reader), "expected a non-negative integer");
            if (values.Count == maxCount) throw Error(field, At(ref reader), $"more than {maxCount} values");
            values.Add(v);
        }
        return values.ToArray();
    }

    private static void Read(ref Utf8JsonReader reader, string field)
    {
        if (!reader.Read()) throw Error(field, At(ref reader), "the JSON header ends early", "the header is truncated.");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string field)
    {
        Read(ref reader, field);
        if (reader.TokenType != type) throw Error(field, At(ref reader), $"expected {type}, found {reader.TokenType}");
    }

    private static long At(ref Utf8JsonReader reader) => 8 + reader.TokenStartIndex;

    private static ModelFormatException Error(string field, long offset, string problem, string? hint = null) =>
        new(Format, field, offset, problem, hint);

    /// <summary>Writes a safetensors file (used by tests and converters). Tensors are laid out in the given order.</summary>
    public static void Write(Stream stream, IEnumerable<(string Name, SafeTensorsDType DType, long[] Shape, byte[] Data)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.ToList();
        var sb = new StringBuilder("{");
        bool first = true;
        if (metadata is { Count: > 0 })
        {
            sb.Append("\"__metadata__\":{");
            sb.Append(string.Join(",", metadata.Select(kv => JsonSerializer.Serialize(kv.Key) + ":" + JsonSerializer.Serialize(kv.Value))));
            sb.Append('}');
            first = false;
        }
        long offset = 0;
        foreach (var (name, dtype, shape, data) in list)
        {
            long expected = shape.Aggregate(1L, (a, b) => a * b) * SafeTensorsDTypes.Size(dtype);
            if (data.Length != expected) throw new ArgumentException($"tensor '{name}' has {data.Length} bytes but {dtype} [{string.Join(", ", shape)}] needs {expected}");
            if (!first) sb.Append(',');
            first = false;
            sb.Append(JsonSerializer.Serialize(name)).Append(":{\"dtype\":\"").Append(dtype).Append("\",\"shape\":[")
              .Append(string.Join(",", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))))
              .Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append((offset + data.Length).ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset += data.Length;
        }
        sb.Append('}');
        // Pad the header with spaces to 8 bytes so the data starts aligned, as the reference writer does.
        while ((Encoding.UTF8.GetByteCount(sb.ToString()) % 8) != 0) sb.Append(' ');
        var header = Encoding.UTF8.GetBytes(sb.ToString());
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Length);
        stream.Write(len);
        stream.Write(header);
        foreach (var t in list) stream.Write(t.Data);
    }
}
