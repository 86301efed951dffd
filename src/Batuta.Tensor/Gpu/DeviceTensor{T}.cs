using Batuta.Tensors.Engine;
using ILGPU;
using ILGPU.Runtime;

namespace Batuta.Tensors.Gpu;

/// <summary>
/// A dense, row-major tensor in device memory. Operations on device tensors run on the GPU with no
/// transfer; <see cref="ToHost"/> copies back. Dispose it: device memory is not collected by the GC
/// in any useful time frame.
/// </summary>
public sealed unsafe class DeviceTensor<T> : IDisposable where T : unmanaged, INumber<T>
{
    private readonly int[] _shape;
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    internal DeviceTensor(GpuDevice device, int[] shape)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"device tensors hold float or double; {typeof(T).Name} operations run on the CPU.");
        Device = device;
        _shape = shape;
        Length = TensorShape.ElementCount(shape);
        _buffer = device.Accelerator.Allocate1D<T>(Math.Max(Length, 1));
    }

    public GpuDevice Device { get; }

    public TensorShape Shape => new(_shape, true);

    public int Length { get; }

    internal int[] ShapeArray => _shape;

    /// <summary>The ILGPU view, for launching your own (or generated) kernels on this data.</summary>
    public ArrayView1D<T, Stride1D.Dense> View => (_buffer ?? throw new ObjectDisposedException(nameof(DeviceTensor<T>))).View.SubView(0, Length);

    /// <summary>An uninitialised device tensor of <paramref name="shape"/> on <paramref name="device"/> (e.g. a destination for <see cref="GpuOperations"/>' overloads that take one).</summary>
    public static DeviceTensor<T> Allocate(GpuDevice device, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(shape);
        foreach (int d in shape) ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
        return new DeviceTensor<T>(device, (int[])shape.Clone());
    }

    /// <summary>Copies a host tensor to <paramref name="device"/> (default: <see cref="GpuDevice.Current"/>).</summary>
    public static DeviceTensor<T> FromHost(Tensor<T> source, GpuDevice? device = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        device ??= GpuDevice.Current ?? throw new InvalidOperationException("no GPU device: set GpuDevice.Current (GpuDevice.TryCreateDefault() or GpuDevice.CreateCpu() for tests).");
        var result = new DeviceTensor<T>(device, source.ShapeArray);
        using var c = source.Contiguous();
        if (result.Length > 0) result.View.CopyFromCPU(ref c.Reference, result.Length);
        return result;
    }

    /// <summary>Copies the data back into a new host tensor.</summary>
    public Tensor<T> ToHost()
    {
        var result = Tensor<T>.Allocate(_shape, clear: false);
        if (Length > 0) View.CopyToCPU(ref result.Reference, Length);
        return result;
    }

    public void Dispose()
    {
        _buffer?.Dispose();
        _buffer = null;
    }
}
