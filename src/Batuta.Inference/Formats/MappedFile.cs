using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Batuta.Inference.Formats;

/// <summary>
/// A read-only view of a whole file (memory-mapped) or of a byte array (pinned), addressed by pointer.
/// Tensor data is used in place: nothing is copied, so a model's weights stay quantized and paged in
/// lazily by the OS. Readers check every range against <see cref="Length"/> before touching it.
/// </summary>
public sealed unsafe class MappedFile : IDisposable
{
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private GCHandle _pin;
    private byte* _pointer;
    private bool _disposed;

    private MappedFile(string? path, long length)
    {
        Path = path;
        Length = length;
    }

    /// <summary>The file path, or null for an in-memory buffer.</summary>
    public string? Path { get; }

    public long Length { get; }

    /// <summary>Start of the mapping (null for an empty file).</summary>
    public byte* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _pointer;
        }
    }

    public static MappedFile Open(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"model file not found: {path}", path);
        var file = new MappedFile(path, info.Length);
        if (info.Length == 0) return file;

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        try
        {
            file._map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        file._view = file._map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        file._view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        file._pointer = p + file._view.PointerOffset;
        return file;
    }

    /// <summary>Wraps bytes already in memory (tests, fuzzing, downloads kept in RAM). The array is pinned until disposal.</summary>
    public static MappedFile FromBytes(byte[] bytes)
    {
        var file = new MappedFile(null, bytes.Length);
        file._pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        file._pointer = (byte*)file._pin.AddrOfPinnedObject();
        return file;
    }

    /// <summary>A checked slice; callers validate ranges first, so a failure here is a bug, not bad input.</summary>
    public ReadOnlySpan<byte> Span(long offset, long length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (offset < 0 || length < 0 || offset > Length - length || length > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(offset), $"range [{offset}, +{length}) is outside the {Length}-byte file or over 2 GiB");
        return new ReadOnlySpan<byte>(_pointer + offset, (int)length);
    }

    /// <summary>
    /// Tells the OS this process no longer needs the pages of a range (Linux madvise DONTNEED), e.g. after
    /// the weights were copied into a kernel layout; they are re-read from the file if touched again.
    /// </summary>
    public void Release(long offset, long length)
    {
        if (_map is null || !OperatingSystem.IsLinux() || length <= 0) return;
        long page = Environment.SystemPageSize;
        long start = ((long)_pointer + offset + page - 1) / page * page;
        long end = ((long)_pointer + offset + length) / page * page;
        if (end > start) _ = Madvise((nint)start, (nuint)(end - start), 4 /* MADV_DONTNEED */);
    }

    [DllImport("libc", EntryPoint = "madvise", SetLastError = false)]
    private static extern int Madvise(nint address, nuint length, int advice);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
        if (_pin.IsAllocated) _pin.Free();
        _pointer = null;
    }
}
