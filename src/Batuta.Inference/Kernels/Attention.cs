using Batuta.Inference.Model;
using System.Runtime.Intrinsics;
using Batuta.Inference.Threading;

namespace Batuta.Inference.Kernels;

/// <summary>
/// Causal grouped-query attention over the KV cache: query head h reads KV head h / (heads / kvHeads).
/// Parallel over (head, block of queries); each unit does scores = q.K^T * scale, softmax, out = p.V.
/// </summary>
internal sealed unsafe class Attention : IParallelJob, IDisposable
{
    private const int QueriesPerChunk = 8;
    private readonly ComputePool _pool;
    private readonly ParallelThreshold _threshold;
    private readonly int _heads, _kvHeads, _headDim;
    private readonly float _scale;
    private readonly NativeBuffer<float>[] _scores;
    private readonly NativeBuffer<float>[] _lanes;
    private readonly int _contextLength;
    private float* _q;
    private float* _out;
    private KvCache? _cache;
    private int _layer, _start, _tokens, _queryBlocks;

    public Attention(ComputePool pool, ParallelThreshold threshold, int heads, int kvHeads, int headDim, int contextLength)
    {
        _pool = pool;
        _threshold = threshold;
        _heads = heads;
        _kvHeads = kvHeads;
        _headDim = headDim;
        _contextLength = contextLength;
        _scale = 1f / MathF.Sqrt(headDim);
        // One score row per pool thread.
        _scores = new NativeBuffer<float>[pool.Threads];
        for (int i = 0; i < _scores.Length; i++) _scores[i] = new NativeBuffer<float>(contextLength);
        _lanes = new NativeBuffer<float>[pool.Threads];
        for (int i = 0; i < _lanes.Length; i++) _lanes[i] = new NativeBuffer<float>((long)GgmlWeightedSum.ScratchRows * headDim);
    }

    /// <summary>q: [tokens][heads*headDim] for positions start..start+tokens-1, whose K/V are already cached.</summary>
    public void Run(float* q, float* output, KvCache cache, int layer, int start, int tokens)
    {
        _q = q;
        _out = output;
        _cache = cache;
        _layer = layer;
        _start = start;
        _tokens = tokens;
        _queryBlocks = (tokens + QueriesPerChunk - 1) / QueriesPerChunk;
        int chunks = _heads * _queryBlocks;
        long work = (long)_heads * tokens * (start + tokens) * _headDim * 8;
        if (work < _threshold.Bytes || _pool.Threads == 1)
        {
            for (int c = 0; c < chunks; c++) Compute(c, 0);
        }
        else
        {
            _pool.Run(this, chunks);
        }
        _cache = null;
    }

    public void Execute(int chunk, int worker) => Compute(chunk, worker);

    private void Compute(int chunk, int worker)
    {
        float* scores = _scores[worker].Pointer;
        int h = chunk / _queryBlocks;
        int t0 = chunk % _queryBlocks * QueriesPerChunk;
        int t1 = Math.Min(_tokens, t0 + QueriesPerChunk);
        int g = h / (_heads / _kvHeads);
        int qWidth = _heads * _headDim;
        for (int t = t0; t < t1; t++)
        {
            int pos = _start + t;
            float* q = _q + (long)t * qWidth + h * _headDim;
            var cache = _cache.OrThrow();
            bool half = cache.Type == KvCacheType.F16;
            long offset = (long)g * _headDim * cache.ElementBytes;
            float* o = _out + (long)t * qWidth + h * _headDim;
            if (!half && GgmlFloat.Enabled)
            {
                LikeGgml(q, pos, cache, offset, scores, _lanes[worker].Pointer, o);
                continue;
            }
            for (int j = 0; j <= pos; j++)
            {
                byte* k = cache.Keys(_layer, j) + offset;
                scores[j] = (half ? FloatDot.F16((ushort*)k, q, _headDim) : FloatDot.F32((float*)k, q, _headDim)) * _scale;
            }
            Activations.Softmax(scores, pos + 1);
            new Span<float>(o, _headDim).Clear();
            for (int j = 0; j <= pos; j++)
            {
                byte* v = cache.Values(_layer, j) + offset;
                if (half) AxpyHalf(scores[j], (ushort*)v, o, _headDim);
                else Axpy(scores[j], (float*)v, o, _headDim);
            }
        }
    }

    /// <summary>
    /// One query row in llama.cpp's float order (float32 cache, no flash attention): scores by
    /// ggml_vec_dot_f32, then scaled; ggml's softmax over the padded KV window; the weighted sum as
    /// llama.cpp's matmul computes it (tinyBLAS for batches of two or more tokens, else ggml's dot).
    /// </summary>
    private void LikeGgml(float* q, int pos, KvCache cache, long offset, float* scores, float* lanes, float* o)
    {
        for (int j = 0; j <= pos; j++)
            scores[j] = GgmlFloat.Dot((float*)(cache.Keys(_layer, j) + offset), q, _headDim) * _scale;
        int window = GgmlFloat.KvWindow(_start + _tokens);
        GgmlFloat.Softmax(scores, pos + 1, window);
        if (_tokens >= 2 && window % 16 == 0 && _headDim % 4 == 0)
            GgmlWeightedSum.TinyBlas(scores, pos + 1, cache, _layer, offset, _headDim, lanes, o);
        else
            GgmlWeightedSum.VecDot(scores, pos + 1, window, cache, _layer, offset, _headDim, lanes, o);
    }

    private static void AxpyHalf(float a, ushort* x, float* y, int n)
    {
        int i = 0;
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            var va = Vector512.Create(a);
            for (; i + 16 <= n; i += 16)
                Vector512.FusedMultiplyAdd(va, HalfVectors.ToSingle(System.Runtime.Intrinsics.X86.Avx.LoadVector256(x + i)), Vector512.Load(y + i)).Store(y + i);
        }
        for (; i < n; i++) y[i] += a * Quantization.Float16.HalfToSingle(x[i]);
    }

    private static void Axpy(float a, float* x, float* y, int n)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var va = Vector512.Create(a);
            for (; i + 16 <= n; i += 16)
                Vector512.FusedMultiplyAdd(va, Vector512.Load(x + i), Vector512.Load(y + i)).Store(y + i);
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    public void Dispose()
    {
        foreach (var s in _scores) s.Dispose();
        foreach (var l in _lanes) l.Dispose();
    }
}
