using Batuta.Inference.Kernels;

namespace Batuta.Inference.Model;

/// <summary>
/// Keys and values of every layer for positions [0, <see cref="Length"/>), float32,
/// laid out [layer][position][kv head][head dim] so one position's row is contiguous.
/// </summary>
public sealed unsafe class KvCache : IDisposable
{
    private readonly NativeBuffer<float> _keys;
    private readonly NativeBuffer<float> _values;

    public KvCache(int layers, int contextLength, int kvWidth)
    {
        Layers = layers;
        ContextLength = contextLength;
        KvWidth = kvWidth;
        _keys = new NativeBuffer<float>((long)layers * contextLength * kvWidth);
        _values = new NativeBuffer<float>((long)layers * contextLength * kvWidth);
    }

    public int Layers { get; }
    public int ContextLength { get; }
    public int KvWidth { get; }

    /// <summary>Positions filled so far.</summary>
    public int Length { get; internal set; }

    public long ByteSize => 2L * Layers * ContextLength * KvWidth * sizeof(float);

    internal float* Keys(int layer, int position) => _keys.Pointer + ((long)layer * ContextLength + position) * KvWidth;
    internal float* Values(int layer, int position) => _values.Pointer + ((long)layer * ContextLength + position) * KvWidth;

    /// <summary>Forgets positions at and after <paramref name="length"/> (e.g. to reuse a shared prompt prefix).</summary>
    public void Truncate(int length)
    {
        if (length < 0 || length > Length) throw new ArgumentOutOfRangeException(nameof(length));
        Length = length;
    }

    public void Clear() => Length = 0;

    public void Dispose()
    {
        _keys.Dispose();
        _values.Dispose();
    }
}
