using Batuta.Inference.Quantization;
using Batuta.Inference.Threading;

namespace Batuta.Inference.Kernels;

/// <summary>How activations meet quantized weights.</summary>
public enum ActivationPrecision
{
    /// <summary>Activations are quantized to 8 bits per block (Q8_K / Q8_0) and multiplied as integers, as llama.cpp does. Fastest.</summary>
    Int8,

    /// <summary>Activations stay float and each weight block is dequantized on the fly. Slower; closest to a float reference.</summary>
    Float32,
}

/// <summary>One weight matrix and where its outputs go: y[t * Stride + r].</summary>
internal readonly unsafe struct MatMulTarget(WeightMatrix weights, float* output, int stride)
{
    public WeightMatrix Weights { get; } = weights;
    public float* Output { get; } = output;
    public int Stride { get; } = stride;
}

/// <summary>
/// Y = X W^T for one or several weight matrices that read the same input, split into row chunks
/// across the pool. Below the measured work threshold everything stays on the calling thread.
/// </summary>
internal sealed unsafe class MatMul : IParallelJob
{
    private readonly ComputePool _pool;
    private readonly ParallelThreshold _threshold;
    private MatMulTarget[] _targets = [];
    private int _targetCount;
    private int[] _chunkStart = new int[8];
    private int _rowsPerChunk;
    private ActivationBatch? _x;
    private int _tokens;

    public MatMul(ComputePool pool, ParallelThreshold threshold, ActivationPrecision precision)
    {
        _pool = pool;
        _threshold = threshold;
        Precision = precision;
    }

    public ActivationPrecision Precision { get; }

    /// <summary>When set, every matmul runs on this ILGPU device instead of the CPU kernels.</summary>
    public Gpu.GpuMatMul? Gpu { get; init; }

    public void Run(ActivationBatch x, int tokens, MatMulTarget a) => Run(x, tokens, [a]);

    public void Run(ActivationBatch x, int tokens, ReadOnlySpan<MatMulTarget> targets)
    {
        if (Gpu is not null)
        {
            Gpu.Run(x, tokens, targets);
            return;
        }
        if (targets.Length > _targets.Length) _targets = new MatMulTarget[targets.Length];
        if (targets.Length + 1 > _chunkStart.Length) _chunkStart = new int[targets.Length + 1];
        long work = 0;
        int rows = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            var w = targets[i].Weights;
            if (w.Columns != x.Width) throw new ArgumentException($"'{w.Name}' expects {w.Columns} inputs but the activation has {x.Width}");
            _targets[i] = targets[i];
            work += w.ByteSize;
            rows += w.Rows;
            Prepare(x, w.Type);
        }
        _targetCount = targets.Length;
        _x = x;
        _tokens = tokens;
        work *= Math.Max(1, tokens / 4);

        int threads = _pool.Threads;
        if (threads == 1 || work < _threshold.Bytes)
        {
            for (int i = 0; i < targets.Length; i++) Rows(targets[i], 0, targets[i].Weights.Rows);
            _x = null;
            return;
        }

        // About eight chunks per thread balances load when another process takes a core for a while,
        // while each chunk stays a long contiguous run of rows for the hardware prefetcher.
        _rowsPerChunk = Math.Max(16, (rows / (threads * 8) + 15) & ~15);
        int chunks = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            _chunkStart[i] = chunks;
            chunks += (targets[i].Weights.Rows + _rowsPerChunk - 1) / _rowsPerChunk;
        }
        _chunkStart[targets.Length] = chunks;
        _pool.Run(this, chunks);
        _x = null;
    }

    public void Execute(int chunk, int worker)
    {
        int i = 0;
        while (chunk >= _chunkStart[i + 1]) i++;
        var target = _targets[i];
        int r0 = (chunk - _chunkStart[i]) * _rowsPerChunk;
        Rows(target, r0, Math.Min(target.Weights.Rows, r0 + _rowsPerChunk));
    }

    private void Prepare(ActivationBatch x, GgmlType type)
    {
        if (Precision == ActivationPrecision.Float32) return;
        switch (type)
        {
            case GgmlType.Q4_K or GgmlType.Q5_K or GgmlType.Q6_K: x.EnsureQ8K(_pool); break;
            case GgmlType.Q8_0 or GgmlType.Q4_0: x.EnsureQ80(_pool); break;
        }
    }

    private void Rows(MatMulTarget target, int r0, int r1) => RowKernels.Rows(target.Weights, r0, r1, _x.OrThrow(), _tokens, target.Output, target.Stride, Precision);
}

/// <summary>The per-type row loops: every output row against every token of the batch.</summary>
internal static unsafe class RowKernels
{
    /// <summary>
    /// Tokens per tile: a tile's 8-bit activations (a few hundred KB at most) stay in L2 while every row of
    /// the chunk passes over them, instead of streaming all tokens' activations once per row.
    /// </summary>
    private const int TileTokens = 32;

    public static void Rows(WeightMatrix w, int r0, int r1, ActivationBatch x, int tokens, float* y, int ldy, ActivationPrecision precision)
    {
        if (w.Packed != null && precision == ActivationPrecision.Int8)
        {
            if (w.Type == GgmlType.Q4_K) Q4KInterleaved.Multiply(w.Packed, w.Columns / 256, r0 / Q4KInterleaved.GroupRows, r1 / Q4KInterleaved.GroupRows, x, tokens, y, ldy);
            else Q6KInterleaved.Multiply(w.Packed, w.Columns / 256, r0 / Q6KInterleaved.GroupRows, r1 / Q6KInterleaved.GroupRows, x, tokens, y, ldy);
            return;
        }
        for (int t0 = 0; t0 < tokens; t0 += TileTokens)
            Tile(w, r0, r1, x, t0, Math.Min(tokens, t0 + TileTokens), y, ldy, precision);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Tile(WeightMatrix w, int r0, int r1, ActivationBatch x, int t0, int tokens, float* y, int ldy, ActivationPrecision precision)
    {
        int k = w.Columns;
        long stride = x.Width;
        var type = w.Type;
        if (precision == ActivationPrecision.Float32 || type is GgmlType.F32 or GgmlType.F16 or GgmlType.BF16)
        {
            for (int r = r0; r < r1; r++)
            {
                byte* row = w.Row(r);
                for (int t = t0; t < tokens; t++)
                {
                    float* xt = x.Row(t);
                    y[(long)t * ldy + r] = type switch
                    {
                        GgmlType.F32 => FloatDot.F32((float*)row, xt, k),
                        GgmlType.F16 => FloatDot.F16((ushort*)row, xt, k),
                        GgmlType.BF16 => FloatDot.BF16((ushort*)row, xt, k),
                        _ => FloatDot.Quantized(type, row, xt, k),
                    };
                }
            }
            return;
        }

        switch (type)
        {
            case GgmlType.Q4_K:
            {
                int blocks = k / 256;
                float* four = stackalloc float[4];
                for (int r = r0; r < r1; r++)
                {
                    byte* row = w.Row(r);
                    int t = t0;
                    for (; t + 4 <= tokens; t += 4)
                    {
                        Q4KDot.Dot4(row, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16), stride, four);
                        for (int j = 0; j < 4; j++) y[(long)(t + j) * ldy + r] = four[j];
                    }
                    for (; t < tokens; t++)
                        y[(long)t * ldy + r] = Q4KDot.Dot(row, blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16));
                }
                break;
            }
            case GgmlType.Q5_K:
            {
                int blocks = k / 256;
                for (int r = r0; r < r1; r++)
                for (int t = t0; t < tokens; t++)
                    y[(long)t * ldy + r] = Q5KDot.Dot(w.Row(r), blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16));
                break;
            }
            case GgmlType.Q6_K:
            {
                int blocks = k / 256;
                for (int r = r0; r < r1; r++)
                for (int t = t0; t < tokens; t++)
                    y[(long)t * ldy + r] = Q6KDot.Dot(w.Row(r), blocks, x.Q8K + t * stride, x.Q8KScale + t * (stride / 256), x.Q8KSums + t * (stride / 16));
                break;
            }
            case GgmlType.Q8_0:
            {
                int blocks = k / 32;
                for (int r = r0; r < r1; r++)
                for (int t = t0; t < tokens; t++)
                    y[(long)t * ldy + r] = Q8_0Dot.Dot(w.Row(r), blocks, x.Q80 + t * stride, x.Q80Scale + t * (stride / 32));
                break;
            }
            case GgmlType.Q4_0:
            {
                int blocks = k / 32;
                for (int r = r0; r < r1; r++)
                for (int t = t0; t < tokens; t++)
                    y[(long)t * ldy + r] = Q4_0Dot.Dot(w.Row(r), blocks, x.Q80 + t * stride, x.Q80Scale + t * (stride / 32), x.Q80Sums + t * (stride / 32));
                break;
            }
            default:
                throw new NotSupportedException($"no kernel for {type}");
        }
    }
}
