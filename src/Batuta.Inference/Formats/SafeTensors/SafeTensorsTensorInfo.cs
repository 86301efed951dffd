namespace Batuta.Inference.Formats.SafeTensors;

/// <summary>A tensor entry of a safetensors header. <see cref="Shape"/> is row-major (PyTorch order).</summary>
public sealed class SafeTensorsTensorInfo
{
    internal SafeTensorsTensorInfo(string name, SafeTensorsDType dtype, long[] shape, long begin, long end, long absoluteOffset)
    {
        Name = name;
        DType = dtype;
        Shape = shape;
        Begin = begin;
        End = end;
        AbsoluteOffset = absoluteOffset;
    }

    public string Name { get; }
    public SafeTensorsDType DType { get; }
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Start offset in the byte buffer that follows the header.</summary>
    public long Begin { get; }

    public long End { get; }
    public long AbsoluteOffset { get; }
    public long ByteSize => End - Begin;
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public override string ToString() => $"{Name} {DType} [{string.Join(", ", Shape)}]";
}
