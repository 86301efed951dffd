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

    /// <summary>A kernel-friendly copy of the weights (eight rows interleaved), or null when the kernels read <see cref="Data"/>.</summary>
    internal byte* Packed { get; private set; }

    /// <summary>Builds the interleaved copy where a kernel for it exists; returns whether it did.</summary>
    internal bool Pack()
    {
        if (Packed != null) return true;
        if (Q4KInterleaved.CanUse(this)) Packed = Q4KInterleaved.Repack(Data, Rows, Columns);
        else if (Q6KInterleaved.CanUse(this)) Packed = Q6KInterleaved.Repack(Data, Rows, Columns);
        return Packed != null;
    }

    internal void ReleasePacked()
    {
        if (Packed != null) System.Runtime.InteropServices.NativeMemory.AlignedFree(Packed);
        Packed = null;
    }

    /// <summary>Dequantizes one row (embedding lookups, tests).</summary>
    public void ReadRow(int r, Span<float> destination)
    {
        if ((uint)r >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(r), $"row {r} of '{Name}' (rows: {Rows})");
        if (destination.Length != Columns) throw new ArgumentException($"destination holds {destination.Length}, the row has {Columns}");
        Dequantizer.Dequantize(Type, new ReadOnlySpan<byte>(Row(r), (int)RowBytes), destination);
    }

    public override string ToString() => $"{Name} {Type} [{Rows} x {Columns}]";
}
