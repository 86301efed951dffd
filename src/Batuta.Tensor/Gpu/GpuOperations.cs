using Batuta.Tensors.Gpu.Kernels;
using Batuta.Tensors.Operators;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Util;

namespace Batuta.Tensors.Gpu;

/// <summary>
/// The GPU backend's operations: element-wise (same-shape operands), reductions over all elements and
/// 2-D matmul, on device tensors directly or on host tensors through a copy each way (which is what
/// the selector prices as the transfer).
/// </summary>
public static class GpuOperations
{
    public static DeviceTensor<T> Add<T>(DeviceTensor<T> x, DeviceTensor<T> y) where T : unmanaged, INumber<T> => Binary(x, y, GpuOpCodes.Add, "add");

    public static DeviceTensor<T> Subtract<T>(DeviceTensor<T> x, DeviceTensor<T> y) where T : unmanaged, INumber<T> => Binary(x, y, GpuOpCodes.Subtract, "subtract");

    public static DeviceTensor<T> Multiply<T>(DeviceTensor<T> x, DeviceTensor<T> y) where T : unmanaged, INumber<T> => Binary(x, y, GpuOpCodes.Multiply, "multiply");

    public static DeviceTensor<T> Divide<T>(DeviceTensor<T> x, DeviceTensor<T> y) where T : unmanaged, INumber<T> => Binary(x, y, GpuOpCodes.Divide, "divide");

    /// <summary>x + y into <paramref name="destination"/> (same shape; may be x or y): no device allocation.</summary>
    public static void Add<T>(DeviceTensor<T> x, DeviceTensor<T> y, DeviceTensor<T> destination) where T : unmanaged, INumber<T> => Binary(x, y, destination, GpuOpCodes.Add, "add");

    public static void Subtract<T>(DeviceTensor<T> x, DeviceTensor<T> y, DeviceTensor<T> destination) where T : unmanaged, INumber<T> => Binary(x, y, destination, GpuOpCodes.Subtract, "subtract");

    public static void Multiply<T>(DeviceTensor<T> x, DeviceTensor<T> y, DeviceTensor<T> destination) where T : unmanaged, INumber<T> => Binary(x, y, destination, GpuOpCodes.Multiply, "multiply");

    public static void Divide<T>(DeviceTensor<T> x, DeviceTensor<T> y, DeviceTensor<T> destination) where T : unmanaged, INumber<T> => Binary(x, y, destination, GpuOpCodes.Divide, "divide");

    public static DeviceTensor<T> Exp<T>(DeviceTensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, GpuOpCodes.Exp);

    public static DeviceTensor<T> Tanh<T>(DeviceTensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, GpuOpCodes.Tanh);

    public static DeviceTensor<T> Relu<T>(DeviceTensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, GpuOpCodes.Relu);

    public static DeviceTensor<T> Sigmoid<T>(DeviceTensor<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Unary(x, GpuOpCodes.Sigmoid);

    public static T Sum<T>(DeviceTensor<T> x) where T : unmanaged, INumber<T> => Reduce(x, GpuOpCodes.ReduceSum);

    public static T Max<T>(DeviceTensor<T> x) where T : unmanaged, INumber<T> => Reduce(x, GpuOpCodes.ReduceMax);

    public static T Min<T>(DeviceTensor<T> x) where T : unmanaged, INumber<T> => Reduce(x, GpuOpCodes.ReduceMin);

    /// <summary>2-D matmul with the tiled shared-memory kernel.</summary>
    public static DeviceTensor<T> MatMul<T>(DeviceTensor<T> a, DeviceTensor<T> b) where T : unmanaged, INumber<T>
    {
        CheckMatMul(a, b);
        var c = new DeviceTensor<T>(a.Device, [a.ShapeArray[0], b.ShapeArray[1]]);
        LaunchMatMul(a.Device, a.View, b.View, c.View, a.ShapeArray[0], b.ShapeArray[1], a.ShapeArray[1]);
        return c;
    }

    /// <summary>2-D matmul into <paramref name="destination"/> (shape (m, n), distinct from a and b): no device allocation.</summary>
    public static void MatMul<T>(DeviceTensor<T> a, DeviceTensor<T> b, DeviceTensor<T> destination) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckMatMul(a, b);
        int m = a.ShapeArray[0], k = a.ShapeArray[1], n = b.ShapeArray[1];
        if (destination.ShapeArray.Length != 2 || destination.ShapeArray[0] != m || destination.ShapeArray[1] != n)
            throw new TensorShapeException("matmul", destination.Shape, new TensorShape([m, n], true), "differ: the destination must have the result's shape.");
        if (ReferenceEquals(destination, a) || ReferenceEquals(destination, b))
            throw new ArgumentException("matmul: the destination must not be an operand.", nameof(destination));
        LaunchMatMul(a.Device, a.View, b.View, destination.View, m, n, k);
    }

    private static void CheckMatMul<T>(DeviceTensor<T> a, DeviceTensor<T> b) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ShapeArray.Length != 2 || b.ShapeArray.Length != 2 || a.ShapeArray[1] != b.ShapeArray[0])
            throw new TensorShapeException("matmul", a.Shape, b.Shape, "are not aligned for a 2-D matmul on the device (need (m, k) and (k, n)).");
    }

    private static DeviceTensor<T> Binary<T>(DeviceTensor<T> x, DeviceTensor<T> y, int op, string name) where T : unmanaged, INumber<T>
    {
        if (!x.ShapeArray.AsSpan().SequenceEqual(y.ShapeArray))
            throw new TensorShapeException(name, x.Shape, y.Shape, "differ: device operations take equal shapes (broadcast on the host first).");
        var d = new DeviceTensor<T>(x.Device, x.ShapeArray);
        LaunchBinary(x.Device, x.View, y.View, d.View, op);
        return d;
    }

    private static void Binary<T>(DeviceTensor<T> x, DeviceTensor<T> y, DeviceTensor<T> destination, int op, string name) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!x.ShapeArray.AsSpan().SequenceEqual(y.ShapeArray))
            throw new TensorShapeException(name, x.Shape, y.Shape, "differ: device operations take equal shapes (broadcast on the host first).");
        if (!destination.ShapeArray.AsSpan().SequenceEqual(x.ShapeArray))
            throw new TensorShapeException(name, destination.Shape, x.Shape, "differ: the destination must have the result's shape.");
        LaunchBinary(x.Device, x.View, y.View, destination.View, op);
    }

    private static DeviceTensor<T> Unary<T>(DeviceTensor<T> x, int op) where T : unmanaged, INumber<T>
    {
        var d = new DeviceTensor<T>(x.Device, x.ShapeArray);
        LaunchUnary(x.Device, x.View, d.View, op);
        return d;
    }

    private static T Reduce<T>(DeviceTensor<T> x, int op) where T : unmanaged, INumber<T>
    {
        if (x.Length == 0)
        {
            if (op == GpuOpCodes.ReduceSum) return T.Zero;
            throw new ArgumentException("zero-size array to reduction operation which has no identity.");
        }
        return ReduceView(x.Device, x.View, op);
    }

    // ---- launches shared by device tensors and host offload ----------------------------------

    /// <summary>
    /// Element-wise float kernels take four elements per thread (128-bit loads and stores) when the views
    /// start 16-byte aligned (device buffers do); the last n mod 4 elements run one per thread.
    /// </summary>
    internal static bool VectorizeElementWise { get; set; } = true;

    internal static void LaunchBinary<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> x, ArrayView1D<T, Stride1D.Dense> y, ArrayView1D<T, Stride1D.Dense> d, int op, bool synchronize = true)
        where T : unmanaged
    {
        var k = device.Kernels;
        lock (k.SyncRoot)
        {
            if (typeof(T) == typeof(float))
            {
                ArrayView<float> xf = x.AsContiguous().Cast<float>(), yf = y.AsContiguous().Cast<float>(), df = d.AsContiguous().Cast<float>();
                long done = 0;
                if (VectorizeElementWise && Aligned16(xf) && Aligned16(yf) && Aligned16(df))
                {
                    done = df.Length & ~3L;
                    if (done > 0) k.BinaryFloat4((int)(done / 4), xf.SubView(0, done).Cast<Float4>(), yf.SubView(0, done).Cast<Float4>(), df.SubView(0, done).Cast<Float4>(), op);
                }
                if (done < df.Length) k.BinaryFloat((int)(df.Length - done), xf.SubView(done), yf.SubView(done), df.SubView(done), op);
            }
            else k.BinaryDouble((int)d.Length, x.AsContiguous().Cast<double>(), y.AsContiguous().Cast<double>(), d.AsContiguous().Cast<double>(), op);
            if (synchronize) device.Accelerator.Synchronize();
        }
    }

    internal static void LaunchUnary<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> x, ArrayView1D<T, Stride1D.Dense> d, int op, bool synchronize = true) where T : unmanaged
    {
        var k = device.Kernels;
        lock (k.SyncRoot)
        {
            if (typeof(T) == typeof(float))
            {
                ArrayView<float> xf = x.AsContiguous().Cast<float>(), df = d.AsContiguous().Cast<float>();
                long done = 0;
                if (VectorizeElementWise && Aligned16(xf) && Aligned16(df))
                {
                    done = df.Length & ~3L;
                    if (done > 0) k.UnaryFloat4((int)(done / 4), xf.SubView(0, done).Cast<Float4>(), df.SubView(0, done).Cast<Float4>(), op);
                }
                if (done < df.Length) k.UnaryFloat((int)(df.Length - done), xf.SubView(done), df.SubView(done), op);
            }
            else k.UnaryDouble((int)d.Length, x.AsContiguous().Cast<double>(), d.AsContiguous().Cast<double>(), op);
            if (synchronize) device.Accelerator.Synchronize();
        }
    }

    private static bool Aligned16(ArrayView<float> view) => ((IContiguousArrayView)view).IndexInBytes % 16 == 0;

    private static long IndexInBytes<T>(ArrayView1D<T, Stride1D.Dense> view) where T : unmanaged => ((IContiguousArrayView)view.AsContiguous()).IndexInBytes;

    internal static T ReduceView<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> x, int op) where T : unmanaged, INumber<T>
    {
        int n = (int)x.Length;
        int groups = (int)Math.Clamp((n + ReductionKernels.GroupSize - 1) / ReductionKernels.GroupSize, 1, device.IsCpuAccelerator ? 4 : 1024);
        var k = device.Kernels;
        using var partials = device.Accelerator.Allocate1D<T>(groups);
        var host = new T[groups];
        lock (k.SyncRoot)
        {
            var config = new KernelConfig(groups, ReductionKernels.GroupSize);
            if (typeof(T) == typeof(float)) k.ReduceFloat(config, x.AsContiguous().Cast<float>(), partials.View.AsContiguous().Cast<float>(), n, op);
            else k.ReduceDouble(config, x.AsContiguous().Cast<double>(), partials.View.AsContiguous().Cast<double>(), n, op);
            device.Accelerator.Synchronize();
            partials.View.CopyToCPU(host);
        }
        T acc = host[0];
        for (int i = 1; i < host.Length; i++)
        {
            acc = op switch
            {
                GpuOpCodes.ReduceSum => acc + host[i],
                GpuOpCodes.ReduceMax => T.IsNaN(acc) || T.IsNaN(host[i]) ? T.CreateChecked(double.NaN) : T.Max(acc, host[i]),
                _ => T.IsNaN(acc) || T.IsNaN(host[i]) ? T.CreateChecked(double.NaN) : T.Min(acc, host[i]),
            };
        }
        return acc;
    }

    /// <summary>The float32 kernel the matmul launches use when the shapes allow a float4 one (chosen by measurement, docs/benchmarks/tensor.md).</summary>
    internal static MatMulKernel DefaultMatMulKernel { get; set; } = MatMulKernel.Float4Bk16DoubleBuffered;

    /// <summary>Whether <paramref name="kernel"/> can run this float32 product: float4 kernels need k and n multiples of 4, 16-byte aligned views and 32-bit float4 offsets.</summary>
    internal static bool CanUse<T>(MatMulKernel kernel, ArrayView1D<T, Stride1D.Dense> a, ArrayView1D<T, Stride1D.Dense> b, ArrayView1D<T, Stride1D.Dense> c, int m, int n, int k)
        where T : unmanaged
    {
        if (kernel == MatMulKernel.Scalar) return true;
        if (typeof(T) != typeof(float) || k % 4 != 0 || n % 4 != 0) return false;
        const long limit = int.MaxValue - 64;
        if ((long)m * k / 4 > limit || (long)k * n / 4 + 2L * n > limit || (long)m * n / 4 > limit) return false;
        return IndexInBytes(a) % 16 == 0 && IndexInBytes(b) % 16 == 0 && IndexInBytes(c) % 16 == 0;
    }

    internal static void LaunchMatMul<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> a, ArrayView1D<T, Stride1D.Dense> b, ArrayView1D<T, Stride1D.Dense> c, int m, int n, int k)
        where T : unmanaged => LaunchMatMul(device, a, b, c, m, n, k, DefaultMatMulKernel, synchronize: true);

    internal static void LaunchMatMul<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> a, ArrayView1D<T, Stride1D.Dense> b, ArrayView1D<T, Stride1D.Dense> c, int m, int n, int k,
        MatMulKernel kernel, bool synchronize)
        where T : unmanaged
    {
        var kernels = device.Kernels;
        if (!CanUse(kernel, a, b, c, m, n, k)) kernel = MatMulKernel.Scalar;
        lock (kernels.SyncRoot)
        {
            if (kernel != MatMulKernel.Scalar)
            {
                var config = new KernelConfig(
                    new Index2D((n + MatMulVectorKernels.Tile - 1) / MatMulVectorKernels.Tile, (m + MatMulVectorKernels.Tile - 1) / MatMulVectorKernels.Tile),
                    new Index2D(MatMulVectorKernels.ThreadsPerSide, MatMulVectorKernels.ThreadsPerSide));
                kernels.MatMulFloat4(kernel)(config, a.AsContiguous().Cast<Float4>(), b.AsContiguous().Cast<Float4>(), c.AsContiguous().Cast<Float4>(), m, n, k);
            }
            else
            {
                var config = new KernelConfig(
                    new Index2D((n + MatMulKernels.Tile - 1) / MatMulKernels.Tile, (m + MatMulKernels.Tile - 1) / MatMulKernels.Tile),
                    new Index2D(MatMulKernels.ThreadsPerSide, MatMulKernels.ThreadsPerSide));
                if (typeof(T) == typeof(float)) kernels.MatMulFloat(config, a.AsContiguous().Cast<float>(), b.AsContiguous().Cast<float>(), c.AsContiguous().Cast<float>(), m, n, k);
                else kernels.MatMulDouble(config, a.AsContiguous().Cast<double>(), b.AsContiguous().Cast<double>(), c.AsContiguous().Cast<double>(), m, n, k);
            }
            if (synchronize) device.Accelerator.Synchronize();
        }
    }
}
