using System.Text;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Formats.Gguf;

/// <summary>
/// Writes GGUF v3 (or v2) files: metadata in insertion order, tensor infos, then aligned tensor data.
/// Tensor bytes are produced at write time by a callback, so a multi-GiB model can be streamed to disk.
/// Used to build test models and the benchmark model; the output loads in llama.cpp.
/// </summary>
public sealed class GgufWriter
{
    private readonly List<KeyValuePair<string, GgufValue>> _metadata = [];
    private readonly List<PendingTensor> _tensors = [];

    public uint Version { get; init; } = 3;

    public uint Alignment { get; init; } = GgufFile.DefaultAlignment;

    public IReadOnlyList<KeyValuePair<string, GgufValue>> Metadata => _metadata;

    public GgufWriter Add(string key, GgufValue value)
    {
        int existing = _metadata.FindIndex(kv => kv.Key == key);
        if (existing >= 0) _metadata[existing] = new(key, value);
        else _metadata.Add(new(key, value));
        return this;
    }

    public GgufWriter Add(string key, string value) => Add(key, GgufValue.From(value));
    public GgufWriter Add(string key, uint value) => Add(key, GgufValue.From(value));
    public GgufWriter Add(string key, int value) => Add(key, GgufValue.From(value));
    public GgufWriter Add(string key, float value) => Add(key, GgufValue.From(value));
    public GgufWriter Add(string key, bool value) => Add(key, GgufValue.From(value));

    /// <summary>Adds a tensor whose bytes are already in memory. <paramref name="dims"/> is in ggml order (innermost first).</summary>
    public GgufWriter AddTensor(string name, GgmlType type, long[] dims, byte[] data) =>
        AddTensor(name, type, dims, s => s.Write(data));

    /// <summary>Adds a tensor whose bytes are written by <paramref name="writeData"/> when the file is written.</summary>
    public GgufWriter AddTensor(string name, GgmlType type, long[] dims, Action<Stream> writeData)
    {
        long elements = dims.Aggregate(1L, (a, d) => checked(a * d));
        long bytes = GgmlTypes.RowBytes(type, dims.Length == 0 ? 1 : dims[0]) * (dims.Length == 0 ? 1 : elements / Math.Max(1, dims[0]));
        _tensors.Add(new PendingTensor(name, type, dims, bytes, writeData));
        return this;
    }

    public void WriteTo(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        string temp = path + ".partial";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            WriteTo(stream);
        File.Move(temp, path, overwrite: true);
    }

    public byte[] ToArray()
    {
        using var ms = new MemoryStream();
        WriteTo(ms);
        return ms.ToArray();
    }

    public void WriteTo(Stream stream)
    {
        var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(GgufFile.Magic);
        w.Write(Version);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count + (Alignment != GgufFile.DefaultAlignment && !_metadata.Any(m => m.Key == "general.alignment") ? 1UL : 0UL));
        foreach (var (key, value) in _metadata) WriteKeyValue(w, key, value);
        if (Alignment != GgufFile.DefaultAlignment && !_metadata.Any(m => m.Key == "general.alignment"))
            WriteKeyValue(w, "general.alignment", GgufValue.From(Alignment));

        long offset = 0;
        foreach (var t in _tensors)
        {
            WriteString(w, t.Name);
            w.Write((uint)t.Dims.Length);
            foreach (var d in t.Dims) w.Write((ulong)d);
            w.Write((uint)t.Type);
            w.Write((ulong)offset);
            offset = GgufFile.AlignUp(offset + t.Bytes, Alignment);
        }
        w.Flush();
        Pad(stream, Alignment);

        foreach (var t in _tensors)
        {
            long start = stream.Position;
            t.WriteData(stream);
            long written = stream.Position - start;
            if (written != t.Bytes)
                throw new InvalidOperationException($"tensor '{t.Name}' wrote {written} bytes but its {t.Type} shape [{string.Join(", ", t.Dims)}] needs {t.Bytes}");
            Pad(stream, Alignment);
        }
        stream.Flush();
    }

    private static void Pad(Stream stream, uint alignment)
    {
        long pad = GgufFile.AlignUp(stream.Position, alignment) - stream.Position;
        for (long i = 0; i < pad; i++) stream.WriteByte(0);
    }

    private static void WriteKeyValue(BinaryWriter w, string key, GgufValue value)
    {
        WriteString(w, key);
        w.Write((uint)value.Type);
        WriteValue(w, value);
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteValue(BinaryWriter w, GgufValue v)
    {
        if (v.Type == GgufValueType.Array)
        {
            var array = (Array)v.Value;
            w.Write((uint)v.ElementType);
            w.Write((ulong)array.Length);
            foreach (var item in array)
            {
                if (item is GgufValue nested) WriteValue(w, nested);
                else WriteScalar(w, v.ElementType, item);
            }
            return;
        }
        WriteScalar(w, v.Type, v.Value);
    }

    private static void WriteScalar(BinaryWriter w, GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.UInt8: w.Write((byte)value); break;
            case GgufValueType.Int8: w.Write((sbyte)value); break;
            case GgufValueType.UInt16: w.Write((ushort)value); break;
            case GgufValueType.Int16: w.Write((short)value); break;
            case GgufValueType.UInt32: w.Write((uint)value); break;
            case GgufValueType.Int32: w.Write((int)value); break;
            case GgufValueType.Float32: w.Write((float)value); break;
            case GgufValueType.Bool: w.Write((bool)value ? (byte)1 : (byte)0); break;
            case GgufValueType.String: WriteString(w, (string)value); break;
            case GgufValueType.UInt64: w.Write((ulong)value); break;
            case GgufValueType.Int64: w.Write((long)value); break;
            case GgufValueType.Float64: w.Write((double)value); break;
            default: throw new ArgumentException($"cannot write a scalar of type {type}");
        }
    }

    private sealed record PendingTensor(string Name, GgmlType Type, long[] Dims, long Bytes, Action<Stream> WriteData);
}
