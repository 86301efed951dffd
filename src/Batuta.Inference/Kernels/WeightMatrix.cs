using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// A weight matrix of <see cref="Rows"/> output features by <see cref="Columns"/> inputs, each row a run
/// of ggml blocks, kept in its stored (usually quantized) form: kernels read it in place from the mapped file.
/// </summary>
public sealed unsafe class WeightMatrix
{
    public WeightMatrix(string name, GgmlType type, int rows, int columns, byte* data)
    {
        if (!GgmlTypes.IsComputable(type))
            throw new NotSupportedException($"tensor '{name}' has type {type}, which Batuta.Inference cannot compute with yet; supported: {GgmlTypes.ComputableList}.");
        Name = name;
        Type = type;
        Rows = rows;
        Columns = columns;
        Data = data;
        RowBytes = GgmlTypes.RowBytes(type, columns);
    }

    public string Name { get; }
    public GgmlType Type { get; }
    public int Rows { get; }
    public int Columns { get; }
    public byte* Data { get; }
    public long RowBytes { get; }
    public long ByteSize => RowBytes * Rows;

    public byte* Row(int r) => Data + r * RowBytes;

    /// <summary>Dequantizes one row (embedding lookups, tests).</summary>
    public void ReadRow(int r, Span<float> destination)
    {
        if ((uint)r >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(r), $"row {r} of '{Name}' (rows: {Rows})");
        if (destination.Length != Columns) throw new ArgumentException($"destination holds {destination.Length}, the row has {Columns}");
        Dequantizer.Dequantize(Type, new ReadOnlySpan<byte>(Row(r), (int)RowBytes), destination);
    }

    public override string ToString() => $"{Name} {Type} [{Rows} x {Columns}]";
}
