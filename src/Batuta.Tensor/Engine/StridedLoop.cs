namespace Batuta.Tensors.Engine;

/// <summary>
/// What an N-d loop calls for each innermost row: the operands' byte addresses at the row start,
/// their byte strides along the row, and the row length.
/// </summary>
internal interface IRowKernel
{
    void Row(ReadOnlySpan<nint> pointers, ReadOnlySpan<nint> strides, int length);
}

/// <summary>
/// The one N-d iteration used by every element-wise operation. It drops size-1 axes, merges axes
/// that are contiguous for every operand (so a contiguous tensor is a single row and reaches the
/// SIMD loop), walks the remaining outer axes and hands each innermost row to a kernel.
/// Above <c>parallelThreshold</c> elements the rows (or one long row) are split across cores.
/// </summary>
internal static unsafe class StridedLoop
{
    public const int MaxOperands = 4;
    private const int MaxRank = 32;

    /// <param name="shape">Iteration shape (the output shape).</param>
    /// <param name="bases">Byte address of element 0 of each operand.</param>
    /// <param name="strides">Byte strides, operand-major: operand k's stride of axis i is at k * rank + i.</param>
    public static void Run<TKernel>(ref TKernel kernel, ReadOnlySpan<int> shape, ReadOnlySpan<nint> bases, ReadOnlySpan<nint> strides, long parallelThreshold = long.MaxValue)
        where TKernel : struct, IRowKernel
    {
        int operands = bases.Length;
        int rank = shape.Length;
        if (rank > MaxRank) throw new NotSupportedException($"tensors of rank {rank} are not supported (at most {MaxRank}).");
        foreach (int d in shape) if (d == 0) return;

        Span<int> dims = stackalloc int[Math.Max(rank, 1)];
        Span<nint> st = stackalloc nint[Math.Max(rank, 1) * MaxOperands];
        int r = Coalesce(shape, strides, operands, dims, st);

        int stride = Math.Max(rank, 1);
        Span<nint> inner = stackalloc nint[operands];
        Span<nint> ptr = stackalloc nint[operands];
        if (r == 0)
        {
            bases.CopyTo(ptr);
            inner.Clear();
            kernel.Row(ptr, inner, 1);
            return;
        }

        int n = dims[r - 1];
        for (int k = 0; k < operands; k++) inner[k] = st[k * stride + r - 1];
        long rows = 1;
        for (int i = 0; i < r - 1; i++) rows *= dims[i];

        long total = rows * n;
        int workers = total >= parallelThreshold ? Parallelism.Workers : 1;
        if (workers <= 1)
        {
            RunRows(ref kernel, dims[..(r - 1)], st, stride, bases, inner, n, 0, rows);
            return;
        }
        RunParallel(kernel, dims[..r], st, stride, bases, inner, n, rows, workers);
    }

    /// <summary>
    /// Coalesces the iteration space into <paramref name="dims"/> and <paramref name="st"/> (operand k's axis j at
    /// k * max(rank, 1) + j): size-1 axes are dropped, and an axis is merged into its outer neighbour when every
    /// operand is contiguous across them. Returns the coalesced rank.
    /// </summary>
    private static int Coalesce(ReadOnlySpan<int> shape, ReadOnlySpan<nint> strides, int operands, Span<int> dims, Span<nint> st)
    {
        int rank = shape.Length;
        int stride = Math.Max(rank, 1);
        int r = 0;
        for (int i = 0; i < rank; i++)
        {
            if (shape[i] == 1) continue;
            if (r > 0 && Mergeable(st, strides, operands, stride, rank, r - 1, i, shape[i]))
            {
                dims[r - 1] *= shape[i];
                for (int k = 0; k < operands; k++) st[k * stride + r - 1] = strides[k * rank + i];
                continue;
            }
            dims[r] = shape[i];
            for (int k = 0; k < operands; k++) st[k * stride + r] = strides[k * rank + i];
            r++;
        }
        return r;
    }

    /// <summary>Whether every operand's stride over coalesced axis <paramref name="previous"/> spans exactly all of original axis <paramref name="axis"/>.</summary>
    private static bool Mergeable(ReadOnlySpan<nint> st, ReadOnlySpan<nint> strides, int operands, int stride, int rank, int previous, int axis, int size)
    {
        for (int k = 0; k < operands; k++)
        {
            if (st[k * stride + previous] != strides[k * rank + axis] * size) return false;
        }
        return true;
    }

    /// <summary>
    /// Across cores: fewer rows than workers splits each (long) row into 64-element-aligned pieces; otherwise the
    /// rows are split. The spans are copied to arrays, since the workers' lambdas cannot capture them.
    /// </summary>
    private static void RunParallel<TKernel>(TKernel k0, ReadOnlySpan<int> dims, ReadOnlySpan<nint> st, int stride, ReadOnlySpan<nint> bases, ReadOnlySpan<nint> inner, int n, long rows, int workers)
        where TKernel : struct, IRowKernel
    {
        int[] dimsCopy = dims.ToArray();
        nint[] stCopy = st.ToArray();
        nint[] basesCopy = bases.ToArray();
        nint[] innerCopy = inner.ToArray();
        if (rows < workers) SplitWithinRows(k0, dimsCopy, stCopy, stride, basesCopy, innerCopy, n, rows, workers);
        else SplitRows(k0, dimsCopy, stCopy, stride, basesCopy, innerCopy, n, rows, workers);
    }

    /// <summary>Each worker takes the same aligned piece of every row.</summary>
    private static void SplitWithinRows<TKernel>(TKernel k0, int[] dimsCopy, nint[] stCopy, int stride, nint[] basesCopy, nint[] innerCopy, int n, long rows, int workers)
        where TKernel : struct, IRowKernel
    {
        long chunk = ((n + workers - 1) / workers + 63) & ~63L;
        Parallelism.For(workers, w =>
        {
            long start = w * chunk;
            long end = Math.Min(n, start + chunk);
            if (start >= end) return;
            var kernelCopy = k0;
            Span<nint> p = stackalloc nint[basesCopy.Length];
            Span<int> idx = stackalloc int[Math.Max(dimsCopy.Length - 1, 1)];
            for (long row = 0; row < rows; row++)
            {
                RowStart(dimsCopy.AsSpan(0, dimsCopy.Length - 1), stCopy, stride, basesCopy, row, p, idx);
                for (int k = 0; k < p.Length; k++) p[k] += (nint)start * innerCopy[k];
                kernelCopy.Row(p, innerCopy, (int)(end - start));
            }
        });
    }

    /// <summary>Each worker takes a contiguous range of whole rows.</summary>
    private static void SplitRows<TKernel>(TKernel k0, int[] dimsCopy, nint[] stCopy, int stride, nint[] basesCopy, nint[] innerCopy, int n, long rows, int workers)
        where TKernel : struct, IRowKernel
    {
        Parallelism.For(workers, w =>
        {
            long start = rows * w / workers;
            long end = rows * (w + 1) / workers;
            var kernelCopy = k0;
            RunRows(ref kernelCopy, dimsCopy.AsSpan(0, dimsCopy.Length - 1), stCopy, stride, basesCopy, innerCopy, n, start, end);
        });
    }

    private static void RowStart(ReadOnlySpan<int> outer, ReadOnlySpan<nint> st, int stride, ReadOnlySpan<nint> bases, long row, Span<nint> ptr, Span<int> idx)
    {
        bases.CopyTo(ptr);
        long rem = row;
        for (int i = outer.Length - 1; i >= 0; i--)
        {
            int d = outer[i];
            int ix = (int)(rem % d);
            rem /= d;
            idx[i] = ix;
            for (int k = 0; k < ptr.Length; k++) ptr[k] += ix * st[k * stride + i];
        }
    }

    private static void RunRows<TKernel>(ref TKernel kernel, ReadOnlySpan<int> outer, ReadOnlySpan<nint> st, int stride, ReadOnlySpan<nint> bases, ReadOnlySpan<nint> inner, int n, long first, long last)
        where TKernel : struct, IRowKernel
    {
        int operands = bases.Length;
        Span<nint> ptr = stackalloc nint[operands];
        Span<int> idx = stackalloc int[Math.Max(outer.Length, 1)];
        idx.Clear();
        RowStart(outer, st, stride, bases, first, ptr, idx);
        for (long row = first; row < last; row++)
        {
            kernel.Row(ptr, inner, n);
            // Advance the outer multi-index like an odometer, adjusting the pointers incrementally.
            for (int i = outer.Length - 1; i >= 0; i--)
            {
                if (++idx[i] < outer[i])
                {
                    for (int k = 0; k < operands; k++) ptr[k] += st[k * stride + i];
                    break;
                }
                idx[i] = 0;
                for (int k = 0; k < operands; k++) ptr[k] -= (outer[i] - 1) * st[k * stride + i];
            }
        }
    }
}
