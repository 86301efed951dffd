using System.Globalization;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Kernels;
using Batuta.Inference.Quantization;
using Batuta.Inference.Threading;

namespace Batuta.Inference.Model;

/// <summary>Runtime choices for a loaded model.</summary>
public sealed record ModelOptions
{
    /// <summary>Worker threads; default: the machine's physical cores.</summary>
    public int? Threads { get; init; }

    /// <summary>KV cache length; default: min(model context, 4096).</summary>
    public int? ContextLength { get; init; }

    /// <summary>Most tokens a prefill step processes at once (larger batches reuse weights more, at more scratch memory).</summary>
    public int BatchSize { get; init; } = 128;

    public ActivationPrecision Precision { get; init; } = ActivationPrecision.Int8;

    /// <summary>KV cache element type: F32 (exact, default) or F16 (half the memory and attention reads).</summary>
    public KvCacheType KvCacheType { get; init; } = KvCacheType.F32;

    /// <summary>Parallel threshold override in weight bytes (tests); default: measured on this machine.</summary>
    public long? ParallelThresholdBytes { get; init; }

    /// <summary>
    /// Copy Q4_K matrices into the eight-row interleaved kernel layout at load (same size as the file;
    /// the mapped pages are then released). Off: kernels read the mapped file directly.
    /// </summary>
    public bool RepackWeights { get; init; } = true;

    /// <summary>
    /// An ILGPU device (CUDA, OpenCL, or ILGPU's CPU accelerator) to run the weight matmuls on; null (default):
    /// the CPU. Weights are uploaded once, on first use (Q4_K and Q6_K as stored, other types as float32);
    /// activations stay float32 on that path. The model does not own the device.
    /// </summary>
    public Batuta.Tensors.Gpu.GpuDevice? Gpu { get; init; }
}

/// <summary>
/// The LLaMA forward pass: token embedding, then per layer RMSNorm, Q/K/V projections, RoPE,
/// grouped-query attention over the KV cache, output projection and residual, RMSNorm, SwiGLU MLP and
/// residual; then a final RMSNorm and the output head. Weights stay in the file's quantized form.
/// One instance serves one sequence at a time (its scratch buffers are shared).
/// </summary>
public sealed unsafe class LlamaModel : IDisposable
{
    private readonly GgufFile _file;
    private readonly bool _ownsFile;
    private readonly LayerWeights[] _layers;
    private readonly WeightMatrix _embedding;
    private readonly WeightMatrix _output;
    private readonly NativeBuffer<float> _outputNorm;
    private readonly ComputePool _pool;
    private readonly MatMul _matmul;
    private readonly Attention _attention;
    private readonly Rope _rope;
    private readonly int _batch;

    // Scratch for one batch of up to _batch tokens.
    private readonly NativeBuffer<float> _x, _q, _k, _v, _o, _up, _cos, _sin;
    private readonly ActivationBatch _normed, _attended, _hidden, _final;

    private sealed class LayerWeights
    {
        public required NativeBuffer<float> AttnNorm, FfnNorm;
        public required WeightMatrix Q, K, V, O, Gate, Up, Down;
    }

    private LlamaModel(GgufFile file, bool ownsFile, ModelOptions options)
    {
        _file = file;
        _ownsFile = ownsFile;
        Config = LlamaConfig.FromGguf(file);
        var c = Config;
        Options = options;
        ContextLength = Math.Max(1, options.ContextLength ?? Math.Min(c.ContextLength, 4096));
        _batch = Math.Max(1, options.BatchSize);

        _embedding = Matrix("token_embd.weight", c.EmbeddingLength, c.VocabSize);
        _output = file.TryGetTensor("output.weight", out _) ? Matrix("output.weight", c.EmbeddingLength, c.VocabSize) : _embedding;
        _outputNorm = Vector("output_norm.weight", c.EmbeddingLength);
        _layers = new LayerWeights[c.BlockCount];
        for (int l = 0; l < c.BlockCount; l++)
        {
            string p = "blk." + l.ToString(CultureInfo.InvariantCulture) + ".";
            _layers[l] = new LayerWeights
            {
                AttnNorm = Vector(p + "attn_norm.weight", c.EmbeddingLength),
                FfnNorm = Vector(p + "ffn_norm.weight", c.EmbeddingLength),
                Q = Matrix(p + "attn_q.weight", c.EmbeddingLength, c.QueryWidth),
                K = Matrix(p + "attn_k.weight", c.EmbeddingLength, c.KvWidth),
                V = Matrix(p + "attn_v.weight", c.EmbeddingLength, c.KvWidth),
                O = Matrix(p + "attn_output.weight", c.QueryWidth, c.EmbeddingLength),
                Gate = Matrix(p + "ffn_gate.weight", c.EmbeddingLength, c.FeedForwardLength),
                Up = Matrix(p + "ffn_up.weight", c.EmbeddingLength, c.FeedForwardLength),
                Down = Matrix(p + "ffn_down.weight", c.FeedForwardLength, c.EmbeddingLength),
            };
        }

        float[]? freqFactors = null;
        if (file.TryGetTensor("rope_freqs.weight", out var rf))
        {
            if (rf.Type != GgmlType.F32 || rf.ElementCount != c.RopeDimensions / 2)
                throw new ModelFormatException("model", "rope_freqs.weight", rf.AbsoluteOffset, $"expected F32 [{c.RopeDimensions / 2}], found {rf.Type} [{string.Join(", ", rf.Dimensions)}]");
            freqFactors = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(file.TensorBytes(rf)).ToArray();
        }
        _rope = new Rope(c.RopeDimensions, c.RopeFreqBase, c.RopeScaling, c.RopeScaleFactor, c.RopeOriginalContext, freqFactors);

        if (options.RepackWeights && options.Precision == ActivationPrecision.Int8 && options.Gpu is null) Repack();

        Threads = Math.Max(1, options.Threads ?? CpuTopology.PhysicalCores);
        _pool = new ComputePool(Threads);
        var threshold = options.ParallelThresholdBytes is long t ? ParallelThreshold.Fixed(t) : ParallelThreshold.For(_pool);
        Threshold = threshold;
        _matmul = CreateMatMul(_pool, threshold, options);
        _attention = new Attention(_pool, threshold, c.HeadCount, c.HeadCountKv, c.HeadDim, ContextLength);

        _x = new NativeBuffer<float>((long)_batch * c.EmbeddingLength);
        _q = new NativeBuffer<float>((long)_batch * c.QueryWidth);
        _k = new NativeBuffer<float>((long)_batch * c.KvWidth);
        _v = new NativeBuffer<float>((long)_batch * c.KvWidth);
        _o = new NativeBuffer<float>((long)_batch * c.EmbeddingLength);
        _up = new NativeBuffer<float>((long)_batch * c.FeedForwardLength);
        _cos = new NativeBuffer<float>((long)_batch * c.RopeDimensions / 2);
        _sin = new NativeBuffer<float>((long)_batch * c.RopeDimensions / 2);
        _normed = new ActivationBatch(_batch, c.EmbeddingLength);
        _attended = new ActivationBatch(_batch, c.QueryWidth);
        _hidden = new ActivationBatch(_batch, c.FeedForwardLength);
        _final = new ActivationBatch(_batch, c.EmbeddingLength);
    }

    public LlamaConfig Config { get; }
    public ModelOptions Options { get; }

    /// <summary>Device memory held by weights uploaded to <see cref="ModelOptions.Gpu"/> (0 on the CPU path).</summary>
    public long GpuWeightBytes => _matmul.Gpu?.WeightBytes ?? 0;
    public GgufFile File => _file;
    public int Threads { get; }
    public int ContextLength { get; }
    internal ParallelThreshold Threshold { get; }
    public int VocabSize => Config.VocabSize;

    /// <summary>Bytes of weights read per generated token (every matrix once; the embedding row is negligible).</summary>
    public long WeightBytesPerToken =>
        _layers.Sum(l => l.Q.ByteSize + l.K.ByteSize + l.V.ByteSize + l.O.ByteSize + l.Gate.ByteSize + l.Up.ByteSize + l.Down.ByteSize) + _output.ByteSize;

    public static LlamaModel Load(string path, ModelOptions? options = null)
    {
        var file = GgufFile.Open(path);
        try
        {
            return new LlamaModel(file, ownsFile: true, options ?? new ModelOptions());
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Builds the model over an open GGUF file; the file must outlive the model unless <paramref name="ownsFile"/>.</summary>
    public static LlamaModel Load(GgufFile file, ModelOptions? options = null, bool ownsFile = false) => new(file, ownsFile, options ?? new ModelOptions());

    public KvCache CreateCache() => new(Config.BlockCount, ContextLength, Config.KvWidth, Options.KvCacheType);

    /// <summary>
    /// Runs <paramref name="tokens"/> at positions cache.Length.. and appends their keys and values to the cache.
    /// <paramref name="logits"/> receives the last token's logits (VocabSize floats), or every token's
    /// (tokens x VocabSize) when <paramref name="allLogits"/> is set.
    /// </summary>
    public void Forward(ReadOnlySpan<int> tokens, KvCache cache, Span<float> logits, bool allLogits = false)
    {
        if (tokens.Length == 0) throw new ArgumentException("no tokens to run", nameof(tokens));
        if (cache.KvWidth != Config.KvWidth || cache.Layers != Config.BlockCount) throw new ArgumentException("the cache belongs to a different model", nameof(cache));
        if (cache.Length + tokens.Length > cache.ContextLength)
            throw new InvalidOperationException($"the context is full: {cache.Length} + {tokens.Length} tokens exceed the {cache.ContextLength}-token cache; start a new sequence or raise ContextLength.");
        long need = allLogits ? (long)tokens.Length * VocabSize : VocabSize;
        if (logits.Length < need) throw new ArgumentException($"logits needs {need} floats", nameof(logits));
        foreach (var t in tokens)
            if ((uint)t >= (uint)VocabSize) throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {t} is outside the vocabulary of {VocabSize}");

        fixed (int* tok = tokens)
        fixed (float* lg = logits)
        {
            for (int start = 0; start < tokens.Length; start += _batch)
            {
                int n = Math.Min(_batch, tokens.Length - start);
                bool last = start + n == tokens.Length;
                float* outLogits = allLogits ? lg + (long)start * VocabSize : (last ? lg : null);
                Step(tok + start, n, cache, outLogits, allLogits);
            }
        }
    }

    private void Step(int* tokens, int n, KvCache cache, float* logits, bool allLogits)
    {
        var c = Config;
        int dim = c.EmbeddingLength, ffn = c.FeedForwardLength, qw = c.QueryWidth, kvw = c.KvWidth;
        int start = cache.Length;
        int half = c.RopeDimensions / 2;
        float* x = _x.Pointer;

        PerToken(n, (t0, t1) =>
        {
            for (int t = t0; t < t1; t++)
            {
                _embedding.ReadRow(tokens[t], new Span<float>(x + (long)t * dim, dim));
                _rope.Angles(start + t, _cos.Pointer + t * half, _sin.Pointer + t * half);
            }
        });

        for (int l = 0; l < _layers.Length; l++)
        {
            var L = _layers[l];
            PerToken(n, (t0, t1) =>
            {
                for (int t = t0; t < t1; t++) RmsNorm.Apply(x + (long)t * dim, L.AttnNorm.Pointer, _normed.Row(t), dim, c.RmsEpsilon);
            });
            _normed.SetTokens(n);
            _matmul.Run(_normed, n, [new MatMulTarget(L.Q, _q.Pointer, qw), new MatMulTarget(L.K, _k.Pointer, kvw), new MatMulTarget(L.V, _v.Pointer, kvw)]);

            int layer = l;
            PerToken(n, (t0, t1) =>
            {
                for (int t = t0; t < t1; t++)
                {
                    _rope.Apply(_q.Pointer + (long)t * qw, c.HeadCount, c.HeadDim, _cos.Pointer + t * half, _sin.Pointer + t * half);
                    _rope.Apply(_k.Pointer + (long)t * kvw, c.HeadCountKv, c.HeadDim, _cos.Pointer + t * half, _sin.Pointer + t * half);
                    cache.Write(layer, start + t, _k.Pointer + (long)t * kvw, _v.Pointer + (long)t * kvw);
                }
            });
            _attention.Run(_q.Pointer, _attended.Values, cache, l, start, n);
            _attended.SetTokens(n);
            _matmul.Run(_attended, n, new MatMulTarget(L.O, _o.Pointer, dim));
            Activations.Add(x, _o.Pointer, n * dim);

            var (ffnFirst, ffnRows) = FeedForwardRows(l, n, logits != null, allLogits);
            if (ffnRows > 0) FeedForward(L, x + (long)ffnFirst * dim, ffnRows);
        }
        cache.Length = start + n;

        if (logits == null) return;
        int first = allLogits ? 0 : n - 1;
        int rows = n - first;
        for (int t = 0; t < rows; t++) RmsNorm.Apply(x + (long)(first + t) * dim, _outputNorm.Pointer, _final.Row(t), dim, c.RmsEpsilon);
        _final.SetTokens(rows);
        _matmul.Run(_final, rows, new MatMulTarget(_output, logits, VocabSize));
    }

    /// <summary>
    /// The rows of a batch that go through layer <paramref name="l"/>'s feed-forward: all of them, except in the
    /// last layer, where only the rows whose logits are wanted matter (llama.cpp selects them there too, so
    /// its rounding for them is its one-row kernel's).
    /// </summary>
    private (int First, int Rows) FeedForwardRows(int l, int n, bool wantLogits, bool allLogits) =>
        l < _layers.Length - 1 || allLogits ? (0, n) : (n - 1, wantLogits ? 1 : 0);

    /// <summary>The CPU kernels, or the GPU path when <see cref="ModelOptions.Gpu"/> is set (float activations there).</summary>
    private static MatMul CreateMatMul(ComputePool pool, ParallelThreshold threshold, ModelOptions options) =>
        options.Gpu is null
            ? new MatMul(pool, threshold, options.Precision)
            : new MatMul(pool, threshold, ActivationPrecision.Float32) { Gpu = new Gpu.GpuMatMul(options.Gpu) };

    /// <summary>x += down(silu(gate(norm(x))) * up(norm(x))) for <paramref name="n"/> rows of the residual stream.</summary>
    private void FeedForward(LayerWeights L, float* x, int n)
    {
        var c = Config;
        int dim = c.EmbeddingLength, ffn = c.FeedForwardLength;
        PerToken(n, (t0, t1) =>
        {
            for (int t = t0; t < t1; t++) RmsNorm.Apply(x + (long)t * dim, L.FfnNorm.Pointer, _normed.Row(t), dim, c.RmsEpsilon);
        });
        _normed.SetTokens(n);
        // The gate projection lands directly in the down projection's input rows.
        _matmul.Run(_normed, n, [new MatMulTarget(L.Gate, _hidden.Values, ffn), new MatMulTarget(L.Up, _up.Pointer, ffn)]);
        PerToken(n, (t0, t1) =>
        {
            for (int t = t0; t < t1; t++) Activations.SwiGlu(_hidden.Row(t), _up.Pointer + (long)t * ffn, ffn);
        });
        _hidden.SetTokens(n);
        _matmul.Run(_hidden, n, new MatMulTarget(L.Down, _o.Pointer, dim));
        Activations.Add(x, _o.Pointer, n * dim);
    }

    /// <summary>Per-token element-wise work: spread over the pool for a prefill batch, inline for one token.</summary>
    private void PerToken(int n, Action<int, int> body)
    {
        if (n > 1) _pool.For(n, body);
        else body(0, n);
    }

    private IEnumerable<WeightMatrix> Matrices() =>
        _layers.SelectMany(l => new[] { l.Q, l.K, l.V, l.O, l.Gate, l.Up, l.Down }).Append(_output).Distinct();

    private void Repack()
    {
        foreach (var m in Matrices())
        {
            if (m == _embedding) continue; // rows are looked up one by one from the file
            if (m.Pack()) _file.File.Release(m.Data - _file.File.Pointer, m.ByteSize);
        }
    }

    private WeightMatrix Matrix(string name, int columns, int rows)
    {
        var info = _file.GetTensor(name);
        if (info.Dimensions.Count != 2 || info.Dimensions[0] != columns || info.Dimensions[1] != rows)
            throw new ModelFormatException("model", name, info.AbsoluteOffset,
                $"expected shape [{columns}, {rows}] (ggml order), found [{string.Join(", ", info.Dimensions)}]", "the tensor does not match the model's hyper-parameters.");
        if (!GgmlTypes.IsComputable(info.Type))
            throw new ModelFormatException("model", name, info.AbsoluteOffset,
                $"type {info.Type} is not supported yet; supported: {GgmlTypes.ComputableList}", "re-quantize the model to a supported type (e.g. Q4_K_M).");
        return new WeightMatrix(name, info.Type, rows, columns, _file.TensorPointer(info));
    }

    private NativeBuffer<float> Vector(string name, int length)
    {
        var info = _file.GetTensor(name);
        if (info.ElementCount != length || info.Dimensions.Count != 1)
            throw new ModelFormatException("model", name, info.AbsoluteOffset, $"expected a vector of {length}, found [{string.Join(", ", info.Dimensions)}]");
        if (info.Type is not (GgmlType.F32 or GgmlType.F16 or GgmlType.BF16))
            throw new ModelFormatException("model", name, info.AbsoluteOffset, $"norm weights must be F32, F16 or BF16, found {info.Type}");
        var buffer = new NativeBuffer<float>(length);
        Dequantizer.Dequantize(info.Type, _file.TensorBytes(info), buffer.Span);
        return buffer;
    }

    public void Dispose()
    {
        foreach (var m in Matrices()) m.ReleasePacked();
        _matmul.Gpu?.Dispose();
        _pool.Dispose();
        _attention.Dispose();
        foreach (var b in new[] { _x, _q, _k, _v, _o, _up, _cos, _sin, _outputNorm }) b.Dispose();
        foreach (var a in new[] { _normed, _attended, _hidden, _final }) a.Dispose();
        foreach (var l in _layers)
        {
            l.AttnNorm.Dispose();
            l.FfnNorm.Dispose();
        }
        if (_ownsFile) _file.Dispose();
    }
}
