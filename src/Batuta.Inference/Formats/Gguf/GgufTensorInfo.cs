using Batuta.Inference.Quantization;

namespace Batuta.Inference.Formats.Gguf;

/// <summary>
/// A tensor's entry in the GGUF header. <see cref="Dimensions"/> is in ggml order: the first entry is
/// the innermost (contiguous) one, so a PyTorch weight of shape [out, in] is stored as [in, out].
/// </summary>
public sealed class GgufTensorInfo
{
    internal GgufTensorInfo(string name, long[] dimensions, GgmlType type, long relativeOffset, long absoluteOffset, long elementCount, long byteSize)
    {
        Name = name;
        Dimensions = dimensions;
        Type = type;
        RelativeOffset = relativeOffset;
        AbsoluteOffset = absoluteOffset;
        ElementCount = elementCount;
        ByteSize = byteSize;
    }

    public string Name { get; }
    public IReadOnlyList<long> Dimensions { get; }
    public GgmlType Type { get; }

    /// <summary>Offset from the start of the tensor data section, as stored.</summary>
    public long RelativeOffset { get; }

    /// <summary>Offset from the start of the file.</summary>
    public long AbsoluteOffset { get; }

    public long ElementCount { get; }
    public long ByteSize { get; }

    /// <summary>Rows when seen as a matrix: the product of every dimension but the first.</summary>
    public long Rows => Dimensions.Count == 0 ? 1 : ElementCount / Math.Max(1, Dimensions[0]);

    public long Columns => Dimensions.Count == 0 ? 1 : Dimensions[0];

    public override string ToString() => $"{Name} {Type} [{string.Join(", ", Dimensions)}]";
}
