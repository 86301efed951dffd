using Batuta.Inference.Kernels;
using Batuta.Inference.Quantization;
using Batuta.Tensors.Gpu;
using ILGPU;
using ILGPU.Runtime;

namespace Batuta.Inference.Gpu;

/// <summary>
/// The weight matmuls of the forward pass on an ILGPU device (CUDA, OpenCL, or ILGPU's CPU accelerator in
/// tests): each matrix is uploaded once, on first use, in its file layout for Q4_K and Q6_K (kernels
/// dequantize in registers) and as float32 for the other types. Per call the batch's float activations go up
/// and the outputs come back; norms, RoPE, attention and sampling stay on the CPU.
/// </summary>
/// <remarks>
/// Activations stay float32 on this path (as <see cref="ActivationPrecision.Float32"/> on the CPU), so its
/// logits match the CPU's float path within float rounding, not llama.cpp's 8-bit-activation ones.
/// </remarks>
internal sealed unsafe class GpuMatMul : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly Dictionary<WeightMatrix, MemoryBuffer> _weights = new(ReferenceEqualityComparer.Instance);
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<float>, ArrayView<float>, int, int, int> _q4k;
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<float>, ArrayView<float>, int, int, int> _q6k;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> _f32;
    private MemoryBuffer1D<float, Stride1D.Dense>? _x, _y;
    private float[] _host = [];

    public GpuMatMul(GpuDevice device)
    {
        Device = device;
        _accelerator = device.Accelerator;
        _q4k = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<float>, ArrayView<float>, int, int, int>(QuantizedMatVecKernels.Q4K);
        _q6k = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<float>, ArrayView<float>, int, int, int>(QuantizedMatVecKernels.Q6K);
        _f32 = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(QuantizedMatVecKernels.F32);
    }

    public GpuDevice Device { get; }

    /// <summary>Device memory held by uploaded weights, in bytes.</summary>
    public long WeightBytes { get; private set; }

    /// <summary>Y = X Wᵀ for each target, for the first <paramref name="tokens"/> rows of <paramref name="x"/>.</summary>
    public void Run(ActivationBatch x, int tokens, ReadOnlySpan<MatMulTarget> targets)
    {
        int width = x.Width;
        var xs = Scratch(ref _x, (long)tokens * width);
        xs.CopyFromCPU(ref *x.Values, (long)tokens * width);
        foreach (var target in targets)
        {
            var w = target.Weights;
            if (w.Columns != width) throw new ArgumentException($"'{w.Name}' expects {w.Columns} inputs but the activation has {width}");
            var ys = Scratch(ref _y, (long)tokens * w.Rows);
            Launch(w, Upload(w), tokens, xs, ys);
            _accelerator.Synchronize();
            CopyOut(ys, tokens, w.Rows, target);
        }
    }

    /// <summary>One warp per (row, token); launched in slices of tokens so the thread count fits an int.</summary>
    private void Launch(WeightMatrix w, MemoryBuffer buffer, int tokens, ArrayView<float> x, ArrayView<float> y)
    {
        long perToken = (long)w.Rows * _accelerator.WarpSize;
        int slice = (int)Math.Clamp(int.MaxValue / perToken, 1, tokens);
        for (int t0 = 0; t0 < tokens; t0 += slice)
        {
            int extent = (int)(Math.Min(slice, tokens - t0) * perToken);
            switch (w.Type)
            {
                case GgmlType.Q4_K: _q4k(extent, ((MemoryBuffer1D<byte, Stride1D.Dense>)buffer).View, x, y, w.Columns, w.Rows, t0); break;
                case GgmlType.Q6_K: _q6k(extent, ((MemoryBuffer1D<byte, Stride1D.Dense>)buffer).View, x, y, w.Columns, w.Rows, t0); break;
                default: _f32(extent, ((MemoryBuffer1D<float, Stride1D.Dense>)buffer).View, x, y, w.Columns, w.Rows, t0); break;
            }
        }
    }

    private MemoryBuffer Upload(WeightMatrix w)
    {
        if (_weights.TryGetValue(w, out var existing)) return existing;
        MemoryBuffer buffer;
        if (w.Type is GgmlType.Q4_K or GgmlType.Q6_K)
        {
            var bytes = _accelerator.Allocate1D<byte>(w.ByteSize);
            bytes.View.CopyFromCPU(ref *w.Data, w.ByteSize);
            buffer = bytes;
        }
        else
        {
            // Types without a kernel of their own go up dequantized, one row at a time.
            var floats = _accelerator.Allocate1D<float>((long)w.Rows * w.Columns);
            var row = new float[w.Columns];
            for (int r = 0; r < w.Rows; r++)
            {
                w.ReadRow(r, row);
                floats.View.SubView((long)r * w.Columns, w.Columns).CopyFromCPU(row);
            }
            buffer = floats;
        }
        WeightBytes += buffer.LengthInBytes;
        _weights.Add(w, buffer);
        return buffer;
    }

    private ArrayView1D<float, Stride1D.Dense> Scratch(ref MemoryBuffer1D<float, Stride1D.Dense>? buffer, long length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = _accelerator.Allocate1D<float>(Math.Max(length, 1));
        }
        return buffer.View.SubView(0, Math.Max(length, 1));
    }

    private void CopyOut(ArrayView1D<float, Stride1D.Dense> y, int tokens, int rows, MatMulTarget target)
    {
        long n = (long)tokens * rows;
        if (_host.Length < n) _host = new float[n];
        y.SubView(0, n).CopyToCPU(ref _host[0], n);
        for (int t = 0; t < tokens; t++)
            _host.AsSpan(t * rows, rows).CopyTo(new Span<float>(target.Output + (long)t * target.Stride, rows));
    }

    public void Dispose()
    {
        foreach (var b in _weights.Values) b.Dispose();
        _weights.Clear();
        _x?.Dispose();
        _y?.Dispose();
    }
}
