namespace Batuta.Tensors.Engine;

/// <summary>Strided copies and type conversions through the shared N-d loop (contiguous rows become memcpy).</summary>
internal static unsafe class Copier
{
    public static void Copy<T>(T* src, ReadOnlySpan<int> shape, ReadOnlySpan<int> srcStrides, T* dst, ReadOnlySpan<int> dstStrides) where T : unmanaged
    {
        int rank = shape.Length;
        Span<nint> bases = [(nint)dst, (nint)src];
        Span<nint> strides = stackalloc nint[2 * rank];
        for (int i = 0; i < rank; i++)
        {
            strides[i] = (nint)dstStrides[i] * sizeof(T);
            strides[rank + i] = (nint)srcStrides[i] * sizeof(T);
        }
        var kernel = new CopyRow<T>();
        StridedLoop.Run(ref kernel, shape, bases, strides, Parallelism.CheapElementWiseThreshold);
    }

    public static void Convert<TIn, TOut>(TIn* src, ReadOnlySpan<int> shape, ReadOnlySpan<int> srcStrides, TOut* dst, ReadOnlySpan<int> dstStrides)
        where TIn : unmanaged, INumber<TIn> where TOut : unmanaged, INumber<TOut>
    {
        int rank = shape.Length;
        Span<nint> bases = [(nint)dst, (nint)src];
        Span<nint> strides = stackalloc nint[2 * rank];
        for (int i = 0; i < rank; i++)
        {
            strides[i] = (nint)dstStrides[i] * sizeof(TOut);
            strides[rank + i] = (nint)srcStrides[i] * sizeof(TIn);
        }
        var kernel = new ConvertRow<TIn, TOut>();
        StridedLoop.Run(ref kernel, shape, bases, strides, Parallelism.CheapElementWiseThreshold);
    }

    private struct CopyRow<T> : IRowKernel where T : unmanaged
    {
        public readonly void Row(ReadOnlySpan<nint> p, ReadOnlySpan<nint> s, int n)
        {
            if (s[0] == sizeof(T) && s[1] == sizeof(T))
            {
                new ReadOnlySpan<T>((void*)p[1], n).CopyTo(new Span<T>((void*)p[0], n));
                return;
            }
            if (s[1] == 0)
            {
                T v = *(T*)p[1];
                if (s[0] == sizeof(T)) { new Span<T>((void*)p[0], n).Fill(v); return; }
                byte* d0 = (byte*)p[0];
                for (int i = 0; i < n; i++) *(T*)(d0 + i * s[0]) = v;
                return;
            }
            byte* d = (byte*)p[0];
            byte* x = (byte*)p[1];
            nint sd = s[0], sx = s[1];
            for (int i = 0; i < n; i++) *(T*)(d + i * sd) = *(T*)(x + i * sx);
        }
    }

    private struct ConvertRow<TIn, TOut> : IRowKernel where TIn : unmanaged, INumber<TIn> where TOut : unmanaged, INumber<TOut>
    {
        public readonly void Row(ReadOnlySpan<nint> p, ReadOnlySpan<nint> s, int n)
        {
            byte* d = (byte*)p[0];
            byte* x = (byte*)p[1];
            nint sd = s[0], sx = s[1];
            for (int i = 0; i < n; i++) *(TOut*)(d + i * sd) = ConvertValue<TIn, TOut>(*(TIn*)(x + i * sx));
        }
    }

    /// <summary>numpy's astype for these types: floats to integers truncate toward zero, NaN and out-of-range saturate (numpy leaves them undefined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TOut ConvertValue<TIn, TOut>(TIn v) where TIn : INumber<TIn> where TOut : INumber<TOut>
    {
        if (typeof(TOut) == typeof(int) || typeof(TOut) == typeof(long)) return TOut.CreateSaturating(v);
        return TOut.CreateTruncating(v);
    }
}
