namespace Batuta.Tensors.Storage;

/// <summary>
/// Size-bucketed pool of pinned, 64-byte aligned arrays for tensor data. Buckets are powers of two
/// from 64 bytes; each keeps a few arrays, and the pool keeps at most <see cref="MaxRetainedBytes"/>.
/// </summary>
internal static unsafe class TensorMemoryPool
{
    private const int Alignment = 64;
    private const int MinBucketShift = 6;
    private const int BucketCount = 19;
    private const long LargeThreshold = 1L << (BucketCount - 1 + MinBucketShift);
    private const int LargeBucket = -1;

    private static readonly Bucket[] Buckets = CreateBuckets();
    private static readonly LargeBlocks Large = new(8);
    private static long _retainedBytes;
    private static long _liveBuffers;
    private static long _liveBytes;
    private static long _rents;
    private static long _poolHits;

    /// <summary>Upper bound on bytes kept for reuse (the rest goes back to the GC).</summary>
    public static long MaxRetainedBytes { get; set; } = 1L << 30;

    public static long LiveBuffers => Interlocked.Read(ref _liveBuffers);

    public static long LiveBytes => Interlocked.Read(ref _liveBytes);

    public static long RetainedBytes => Interlocked.Read(ref _retainedBytes);

    public static long Rents => Interlocked.Read(ref _rents);

    public static long PoolHits => Interlocked.Read(ref _poolHits);

    public static TensorBuffer Rent(long byteLength, bool clear)
    {
        if (byteLength < 0) throw new ArgumentOutOfRangeException(nameof(byteLength));
        Interlocked.Increment(ref _rents);
        int bucket;
        long capacity;
        byte[]? array;
        if (byteLength <= LargeThreshold)
        {
            bucket = BucketFor(byteLength);
            capacity = 1L << (bucket + MinBucketShift);
            array = Buckets[bucket].TryPop();
        }
        else
        {
            // Big blocks are sized exactly (a power of two would waste up to half), and reused when
            // a pooled one is at most 25% larger than asked.
            bucket = LargeBucket;
            capacity = byteLength;
            array = Large.TryTake(byteLength + Alignment, (byteLength + Alignment) * 5 / 4);
        }
        if (array is not null)
        {
            Interlocked.Add(ref _retainedBytes, -array.LongLength);
            Interlocked.Increment(ref _poolHits);
        }
        else
        {
            if (capacity + Alignment > Array.MaxLength)
                throw new OutOfMemoryException($"a tensor of {byteLength} bytes exceeds the largest pinned array .NET can allocate.");
            array = GC.AllocateUninitializedArray<byte>((int)(capacity + Alignment), pinned: true);
        }

        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        nint aligned = (start + (Alignment - 1)) & ~(nint)(Alignment - 1);
        if (clear) new Span<byte>((void*)aligned, checked((int)Math.Min(byteLength, int.MaxValue))).Clear();
        if (clear && byteLength > int.MaxValue) new Span<byte>((void*)(aligned + int.MaxValue), (int)(byteLength - int.MaxValue)).Clear();

        Interlocked.Increment(ref _liveBuffers);
        Interlocked.Add(ref _liveBytes, byteLength);
        return new TensorBuffer(array, aligned, byteLength, bucket);
    }

    internal static void Return(TensorBuffer buffer, byte[] array)
    {
        Interlocked.Decrement(ref _liveBuffers);
        Interlocked.Add(ref _liveBytes, -buffer.ByteLength);
        if (Interlocked.Read(ref _retainedBytes) + array.LongLength > MaxRetainedBytes) return;
        bool kept = buffer.Bucket == LargeBucket ? Large.TryAdd(array) : Buckets[buffer.Bucket].TryPush(array);
        if (kept) Interlocked.Add(ref _retainedBytes, array.LongLength);
    }

    /// <summary>Drops every pooled array, so the GC can take the memory back.</summary>
    public static void Trim()
    {
        foreach (var b in Buckets)
        {
            while (b.TryPop() is { } a) Interlocked.Add(ref _retainedBytes, -a.LongLength);
        }
        while (Large.TryTake(0, long.MaxValue) is { } big) Interlocked.Add(ref _retainedBytes, -big.LongLength);
    }

    private static int BucketFor(long byteLength)
    {
        long size = Math.Max(byteLength, 1L << MinBucketShift);
        int shift = 64 - BitOperations.LeadingZeroCount((ulong)(size - 1));
        return shift - MinBucketShift;
    }

    private static Bucket[] CreateBuckets()
    {
        var buckets = new Bucket[BucketCount];
        for (int i = 0; i < BucketCount; i++)
        {
            // Keep more small blocks than big ones: small tensors churn, big ones are few.
            int slots = i < 12 ? 32 : i < 16 ? 8 : 4;
            buckets[i] = new Bucket(slots);
        }
        return buckets;
    }

    private sealed class Bucket(int slots)
    {
        private readonly byte[]?[] _items = new byte[]?[slots];
        private int _count;
        private SpinLock _lock = new(enableThreadOwnerTracking: false);

        public byte[]? TryPop()
        {
            bool taken = false;
            try
            {
                _lock.Enter(ref taken);
                if (_count == 0) return null;
                var a = _items[--_count];
                _items[_count] = null;
                return a;
            }
            finally
            {
                if (taken) _lock.Exit(useMemoryBarrier: false);
            }
        }

        public bool TryPush(byte[] array)
        {
            bool taken = false;
            try
            {
                _lock.Enter(ref taken);
                if (_count == _items.Length) return false;
                _items[_count++] = array;
                return true;
            }
            finally
            {
                if (taken) _lock.Exit(useMemoryBarrier: false);
            }
        }
    }

    private sealed class LargeBlocks(int slots)
    {
        private readonly List<byte[]> _items = new(slots);

        public byte[]? TryTake(long min, long max)
        {
            lock (_items)
            {
                int best = -1;
                for (int i = 0; i < _items.Count; i++)
                {
                    long len = _items[i].LongLength;
                    if (len >= min && len <= max && (best < 0 || len < _items[best].LongLength)) best = i;
                }
                if (best < 0) return null;
                var a = _items[best];
                _items.RemoveAt(best);
                return a;
            }
        }

        public bool TryAdd(byte[] array)
        {
            lock (_items)
            {
                if (_items.Count == slots) return false;
                _items.Add(array);
                return true;
            }
        }
    }
}
