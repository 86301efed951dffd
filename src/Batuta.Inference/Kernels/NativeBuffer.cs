using System.Runtime.InteropServices;

namespace Batuta.Inference.Kernels;

/// <summary>A 64-byte aligned native array, so SIMD loads never split cache lines and the GC never moves it.</summary>
internal sealed unsafe class NativeBuffer<T> : IDisposable where T : unmanaged
{
    public NativeBuffer(long length)
    {
        Length = length;
        Pointer = (T*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, length * sizeof(T)), 64);
        NativeMemory.Clear(Pointer, (nuint)(length * sizeof(T)));
    }

    public T* Pointer { get; private set; }

    public long Length { get; }

    public Span<T> Span => new(Pointer, checked((int)Length));

    public void Dispose()
    {
        if (Pointer != null) NativeMemory.AlignedFree(Pointer);
        Pointer = null;
    }
}
