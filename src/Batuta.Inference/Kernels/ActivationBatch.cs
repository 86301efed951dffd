using Batuta.Inference.Quantization;

namespace Batuta.Inference.Kernels;

/// <summary>
/// The input of a matrix multiply: <see cref="Tokens"/> rows of <see cref="Width"/> floats, plus the
/// 8-bit forms that integer kernels consume, built lazily once per content and shared by every
/// weight matrix that reads the same input (Q, K and V; gate and up).
/// Q8_K: per 256 values a float scale, 256 int8 and 16 sums of 16 (ggml <c>block_q8_K</c>).
/// Q8_0: per 32 values a scale rounded to half precision, 32 int8 and their sum (ggml <c>block_q8_0</c>).
/// </summary>
internal sealed unsafe class ActivationBatch : IDisposable
{
    private readonly NativeBuffer<float> _values;
    private readonly NativeBuffer<sbyte>? _q8k;
    private readonly NativeBuffer<float>? _q8kScale;
    private readonly NativeBuffer<short>? _q8kSums;
    private readonly NativeBuffer<sbyte>? _q80;
    private readonly NativeBuffer<float>? _q80Scale;
    private readonly NativeBuffer<short>? _q80Sums;
    private int _q8kTokens = -1, _q80Tokens = -1;

    public ActivationBatch(int capacity, int width)
    {
        Capacity = capacity;
        Width = width;
        _values = new NativeBuffer<float>((long)capacity * width);
        if (width % GgmlTypes.QK_K == 0)
        {
            _q8k = new NativeBuffer<sbyte>((long)capacity * width);
            _q8kScale = new NativeBuffer<float>((long)capacity * width / 256);
            _q8kSums = new NativeBuffer<short>((long)capacity * width / 16);
        }
        if (width % 32 == 0)
        {
            _q80 = new NativeBuffer<sbyte>((long)capacity * width);
            _q80Scale = new NativeBuffer<float>((long)capacity * width / 32);
            _q80Sums = new NativeBuffer<short>((long)capacity * width / 32);
        }
    }

    public int Capacity { get; }
    public int Width { get; }

    /// <summary>Rows currently held.</summary>
    public int Tokens { get; private set; }

    public float* Values => _values.Pointer;
    public float* Row(int t) => _values.Pointer + (long)t * Width;

    /// <summary>Declares that rows [0, tokens) were (re)written, dropping the stale 8-bit forms.</summary>
    public void SetTokens(int tokens)
    {
        if (tokens < 0 || tokens > Capacity) throw new ArgumentOutOfRangeException(nameof(tokens));
        Tokens = tokens;
        _q8kTokens = -1;
        _q80Tokens = -1;
    }

    public sbyte* Q8K => _q8k.OrThrow().Pointer;
    public float* Q8KScale => _q8kScale.OrThrow().Pointer;
    public short* Q8KSums => _q8kSums.OrThrow().Pointer;
    public sbyte* Q80 => _q80.OrThrow().Pointer;
    public float* Q80Scale => _q80Scale.OrThrow().Pointer;
    public short* Q80Sums => _q80Sums.OrThrow().Pointer;

    /// <summary>Builds the Q8_K form if stale; with a pool, tokens are quantized in parallel.</summary>
    public void EnsureQ8K(Threading.ComputePool? pool = null)
    {
        if (_q8kTokens == Tokens) return;
        if (_q8k is null) throw new InvalidOperationException($"width {Width} is not a multiple of 256; K-quant weights need it");
        if (pool is not null && Tokens > 1) pool.For(Tokens, _quantizeQ8K ??= QuantizeQ8KRange);
        else QuantizeQ8KRange(0, Tokens);
        _q8kTokens = Tokens;
    }

    public void EnsureQ80(Threading.ComputePool? pool = null)
    {
        if (_q80Tokens == Tokens) return;
        if (_q80 is null) throw new InvalidOperationException($"width {Width} is not a multiple of 32; Q8_0/Q4_0 weights need it");
        if (pool is not null && Tokens > 1) pool.For(Tokens, _quantizeQ80 ??= QuantizeQ80Range);
        else QuantizeQ80Range(0, Tokens);
        _q80Tokens = Tokens;
    }

    private Action<int, int>? _quantizeQ8K, _quantizeQ80;

    private void QuantizeQ8KRange(int t0, int t1)
    {
        int blocks = Width / 256;
        for (int t = t0; t < t1; t++)
            ActivationQuantizer.QuantizeQ8K(Row(t), Width, _q8k.OrThrow().Pointer + (long)t * Width, _q8kScale.OrThrow().Pointer + (long)t * blocks, _q8kSums.OrThrow().Pointer + (long)t * Width / 16);
    }

    private void QuantizeQ80Range(int t0, int t1)
    {
        int blocks = Width / 32;
        for (int t = t0; t < t1; t++)
            ActivationQuantizer.QuantizeQ80(Row(t), Width, _q80.OrThrow().Pointer + (long)t * Width, _q80Scale.OrThrow().Pointer + (long)t * blocks, _q80Sums.OrThrow().Pointer + (long)t * blocks);
    }

    public void Dispose()
    {
        _values.Dispose();
        _q8k?.Dispose();
        _q8kScale?.Dispose();
        _q8kSums?.Dispose();
        _q80?.Dispose();
        _q80Scale?.Dispose();
        _q80Sums?.Dispose();
    }
}
