using Batuta.Tensors.Operators;
using ILGPU;
using ILGPU.Runtime;

namespace Batuta.Tensors.Gpu;

/// <summary>
/// Host-tensor offload: copy in, run the kernel, copy out. Declines (returns false) what it cannot run,
/// including a kernel the device fails to compile or load (traced as a warning): the caller then
/// computes on the CPU, so a broken GPU toolchain never takes host math down with it.
/// </summary>
internal static unsafe class GpuElementWise
{
    public static bool TryBinary<T, TOp>(Tensor<T> x, Tensor<T> y, Tensor<T> dest) where T : unmanaged, INumber<T> where TOp : IBinaryOperator<T>
    {
        int op = GpuOpCodes.Binary<T, TOp>();
        var device = GpuDevice.Current;
        if (op < 0 || device is null || !x.ShapeArray.AsSpan().SequenceEqual(y.ShapeArray)) return false;
        return Guard("binary", () => RunBinary(device, x, y, dest, op));
    }

    private static void RunBinary<T>(GpuDevice device, Tensor<T> x, Tensor<T> y, Tensor<T> dest, int op) where T : unmanaged, INumber<T>
    {
        using var dx = DeviceTensor<T>.FromHost(x, device);
        using var dy = DeviceTensor<T>.FromHost(y, device);
        using var dd = new DeviceTensor<T>(device, dest.ShapeArray);
        GpuOperations.LaunchBinary(device, dx.View, dy.View, dd.View, op);
        CopyBack(dd, dest);
    }

    public static bool TryUnary<T, TOp>(Tensor<T> x, Tensor<T> dest) where T : unmanaged, INumber<T> where TOp : IUnaryOperator<T>
    {
        int op = GpuOpCodes.Unary<T, TOp>();
        var device = GpuDevice.Current;
        if (op < 0 || device is null) return false;
        return Guard("unary", () =>
        {
            using var dx = DeviceTensor<T>.FromHost(x, device);
            using var dd = new DeviceTensor<T>(device, dest.ShapeArray);
            GpuOperations.LaunchUnary(device, dx.View, dd.View, op);
            CopyBack(dd, dest);
        });
    }

    public static bool TryReduceAll<T>(Tensor<T> x, int op, out T result) where T : unmanaged, INumber<T>
    {
        result = default;
        var device = GpuDevice.Current;
        if (device is null || (typeof(T) != typeof(float) && typeof(T) != typeof(double)) || x.Length == 0) return false;
        T value = default;
        bool ok = Guard("reduction", () =>
        {
            using var dx = DeviceTensor<T>.FromHost(x, device);
            value = GpuOperations.ReduceView(device, dx.View, op);
        });
        result = value;
        return ok;
    }

    public static bool TryMatMul<T>(Tensor<T> a, Tensor<T> b, Tensor<T> c) where T : unmanaged, INumber<T>
    {
        var device = GpuDevice.Current;
        if (device is null || (typeof(T) != typeof(float) && typeof(T) != typeof(double)) || a.Rank != 2 || b.Rank != 2) return false;
        return Guard("matmul", () =>
        {
            using var da = DeviceTensor<T>.FromHost(a, device);
            using var db = DeviceTensor<T>.FromHost(b, device);
            using var dc = new DeviceTensor<T>(device, c.ShapeArray);
            GpuOperations.LaunchMatMul(device, da.View, db.View, dc.View, a.ShapeArray[0], b.ShapeArray[1], a.ShapeArray[1]);
            CopyBack(dc, c);
        });
    }

    /// <summary>Runs <paramref name="offload"/>; a device-side failure (kernel compile or load, launch, copy) is traced and declined.</summary>
    private static bool Guard(string what, Action offload)
    {
        try
        {
            offload();
            return true;
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ArgumentException))
        {
            // Seen on a real GPU: a kernel ILGPU cannot compile leaves its context unable to compile
            // later kernels; the CPU computes the same result.
            System.Diagnostics.Trace.TraceWarning($"Batuta.Tensor: GPU {what} failed, computed on the CPU ({ex.GetType().Name}: {ex.Message})");
            return false;
        }
    }

    private static void CopyBack<T>(DeviceTensor<T> source, Tensor<T> dest) where T : unmanaged, INumber<T>
    {
        if (dest.Length == 0) return;
        if (dest.IsContiguous)
        {
            source.View.CopyToCPU(ref dest.Reference, dest.Length);
            return;
        }
        using var host = source.ToHost();
        dest.CopyFrom(host);
    }
}
