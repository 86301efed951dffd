namespace Batuta.Tensors.Storage;

/// <summary>
/// A 64-byte aligned block of pinned memory shared by a tensor and its views, reference counted.
/// The last <see cref="Release"/> returns the block to <see cref="TensorMemoryPool"/>.
/// </summary>
/// <remarks>
/// The bytes live in a pinned managed array on the pinned object heap, so an undisposed tensor is
/// reclaimed by the GC like any other object: no finalizer, no native leak. Dispose only returns
/// the block to the pool sooner.
/// </remarks>
internal sealed unsafe class TensorBuffer
{
    private byte[]? _array;
    private int _references = 1;

    internal TensorBuffer(byte[] array, nint address, long byteLength, int bucket)
    {
        _array = array;
        Address = address;
        ByteLength = byteLength;
        Bucket = bucket;
    }

    /// <summary>Aligned start of the usable bytes. Stable: the array is pinned.</summary>
    public nint Address { get; }

    public long ByteLength { get; }

    internal int Bucket { get; }

    internal byte[]? Array => _array;

    public bool IsReleased => Volatile.Read(ref _references) <= 0;

    public void Retain()
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _references);
            if (seen <= 0) throw new ObjectDisposedException("Tensor", "the tensor's memory was already returned to the pool (all views were disposed).");
        }
        while (Interlocked.CompareExchange(ref _references, seen + 1, seen) != seen);
    }

    public void Release()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left == 0)
        {
            var array = Interlocked.Exchange(ref _array, null);
            if (array is not null) TensorMemoryPool.Return(this, array);
        }
        else if (left < 0)
        {
            throw new InvalidOperationException("TensorBuffer released more often than it was retained.");
        }
    }
}
