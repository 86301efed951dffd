using Batuta.Tensors.Storage;

namespace Batuta.Tensors;

/// <summary>
/// Counters of the tensor memory pool: a test can assert that every tensor it created was disposed
/// (<see cref="LiveBuffers"/> back to where it started).
/// </summary>
public static class TensorMemory
{
    /// <summary>Buffers rented and not yet returned (a buffer is shared by a tensor and its views).</summary>
    public static long LiveBuffers => TensorMemoryPool.LiveBuffers;

    public static long LiveBytes => TensorMemoryPool.LiveBytes;

    /// <summary>Bytes held in the pool for reuse.</summary>
    public static long PooledBytes => TensorMemoryPool.RetainedBytes;

    public static long Rents => TensorMemoryPool.Rents;

    public static long PoolHits => TensorMemoryPool.PoolHits;

    /// <summary>Upper bound on pooled bytes (default 1 GiB).</summary>
    public static long MaxPooledBytes
    {
        get => TensorMemoryPool.MaxRetainedBytes;
        set => TensorMemoryPool.MaxRetainedBytes = value;
    }

    /// <summary>Gives every pooled block back to the GC.</summary>
    public static void Trim() => TensorMemoryPool.Trim();
}
