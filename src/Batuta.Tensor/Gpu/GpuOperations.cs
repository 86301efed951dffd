using Batuta.Tensors.Gpu.Kernels;
using Batuta.Tensors.Operators;
using ILGPU;
using ILGPU.Runtime;

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
        if (a.ShapeArray.Length != 2 || b.ShapeArray.Length != 2 || a.ShapeArray[1] != b.ShapeArray[0])
            throw new TensorShapeException("matmul", a.Shape, b.Shape, "are not aligned for a 2-D matmul on the device (need (m, k) and (k, n)).");
        int m = a.ShapeArray[0], k = a.ShapeArray[1], n = b.ShapeArray[1];
        var c = new DeviceTensor<T>(a.Device, [m, n]);
        LaunchMatMul(a.Device, a.View, b.View, c.View, m, n, k);
        return c;
    }

    private static DeviceTensor<T> Binary<T>(DeviceTensor<T> x, DeviceTensor<T> y, int op, string name) where T : unmanaged, INumber<T>
    {
        if (!x.ShapeArray.AsSpan().SequenceEqual(y.ShapeArray))
            throw new TensorShapeException(name, x.Shape, y.Shape, "differ: device operations take equal shapes (broadcast on the host first).");
        var d = new DeviceTensor<T>(x.Device, x.ShapeArray);
        LaunchBinary(x.Device, x.View, y.View, d.View, op);
        return d;
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

    internal static void LaunchBinary<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> x, ArrayView1D<T, Stride1D.Dense> y, ArrayView1D<T, Stride1D.Dense> d, int op)
        where T : unmanaged
    {
        var k = device.Kernels;
        lock (k.SyncRoot)
        {
            if (typeof(T) == typeof(float)) k.BinaryFloat((int)d.Length, x.AsContiguous().Cast<float>(), y.AsContiguous().Cast<float>(), d.AsContiguous().Cast<float>(), op);
            else k.BinaryDouble((int)d.Length, x.AsContiguous().Cast<double>(), y.AsContiguous().Cast<double>(), d.AsContiguous().Cast<double>(), op);
            device.Accelerator.Synchronize();
        }
    }

    internal static void LaunchUnary<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> x, ArrayView1D<T, Stride1D.Dense> d, int op) where T : unmanaged
    {
        var k = device.Kernels;
        lock (k.SyncRoot)
        {
            if (typeof(T) == typeof(float)) k.UnaryFloat((int)d.Length, x.AsContiguous().Cast<float>(), d.AsContiguous().Cast<float>(), op);
            else k.UnaryDouble((int)d.Length, x.AsContiguous().Cast<double>(), d.AsContiguous().Cast<double>(), op);
            device.Accelerator.Synchronize();
        }
    }

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

    internal static void LaunchMatMul<T>(GpuDevice device, ArrayView1D<T, Stride1D.Dense> a, ArrayView1D<T, Stride1D.Dense> b, ArrayView1D<T, Stride1D.Dense> c, int m, int n, int k)
        where T : unmanaged
    {
        var kernels = device.Kernels;
        var config = new KernelConfig(
            new Index2D((n + MatMulKernels.Tile - 1) / MatMulKernels.Tile, (m + MatMulKernels.Tile - 1) / MatMulKernels.Tile),
            new Index2D(MatMulKernels.ThreadsPerSide, MatMulKernels.ThreadsPerSide));
        lock (kernels.SyncRoot)
        {
            if (typeof(T) == typeof(float)) kernels.MatMulFloat(config, a.AsContiguous().Cast<float>(), b.AsContiguous().Cast<float>(), c.AsContiguous().Cast<float>(), m, n, k);
            else kernels.MatMulDouble(config, a.AsContiguous().Cast<double>(), b.AsContiguous().Cast<double>(), c.AsContiguous().Cast<double>(), m, n, k);
            device.Accelerator.Synchronize();
        }
    }
}
