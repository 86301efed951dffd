using Batuta.Inference.Kernels;
using Batuta.Inference.Quantization;

namespace Batuta.Inference.Model;

/// <summary>Element type of the KV cache.</summary>
public enum KvCacheType
{
    /// <summary>Exact: keys and values as computed.</summary>
    F32,

    /// <summary>Half the memory and half the attention reads (llama.cpp's default); keys and values rounded to half precision.</summary>
    F16,
}

/// <summary>
/// Keys and values of every layer for positions [0, <see cref="Length"/>), laid out
/// [layer][position][kv head][head dim] so one position's row is contiguous; float32 or half.
/// </summary>
public sealed unsafe class KvCache : IDisposable
{
    private readonly NativeBuffer<byte> _keys;
    private readonly NativeBuffer<byte> _values;

    public KvCache(int layers, int contextLength, int kvWidth, KvCacheType type = KvCacheType.F32)
    {
        Layers = layers;
        ContextLength = contextLength;
        KvWidth = kvWidth;
        Type = type;
        ElementBytes = type == KvCacheType.F32 ? 4 : 2;
        _keys = new NativeBuffer<byte>((long)layers * contextLength * kvWidth * ElementBytes);
        _values = new NativeBuffer<byte>((long)layers * contextLength * kvWidth * ElementBytes);
    }

    public int Layers { get; }
    public int ContextLength { get; }
    public int KvWidth { get; }
    public KvCacheType Type { get; }
    internal int ElementBytes { get; }

    /// <summary>Positions filled so far.</summary>
    public int Length { get; internal set; }

    public long ByteSize => 2L * Layers * ContextLength * KvWidth * ElementBytes;

    internal byte* Keys(int layer, int position) => _keys.Pointer + ((long)layer * ContextLength + position) * KvWidth * ElementBytes;
    internal byte* Values(int layer, int position) => _values.Pointer + ((long)layer * ContextLength + position) * KvWidth * ElementBytes;

    /// <summary>Stores one position's keys and values (KvWidth floats each), converting to the cache type.</summary>
    internal void Write(int layer, int position, float* keys, float* values)
    {
        Store(keys, Keys(layer, position));
        Store(values, Values(layer, position));
    }

    private void Store(float* src, byte* dst)
    {
        if (Type == KvCacheType.F32)
        {
            Buffer.MemoryCopy(src, dst, KvWidth * sizeof(float), KvWidth * sizeof(float));
            return;
        }
        var h = (ushort*)dst;
        for (int i = 0; i < KvWidth; i++) h[i] = Float16.SingleToHalf(src[i]);
    }

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
