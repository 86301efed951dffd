using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;
using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

[CollectionDefinition(nameof(GpuCollection))]
public sealed class GpuCollection;

/// <summary>
/// The ILGPU backend on ILGPU's CPU accelerator (CI has no GPU), or on the real device named by
/// BATUTA_TEST_GPU (tests/Batuta.Gpu.Checks runs these on a GPU machine). Sizes stay small: the CPU
/// accelerator emulates every GPU thread.
/// </summary>
[Collection(nameof(GpuCollection))]
public class GpuBackendTests
{
    private static readonly int[][] Shapes = [[1], [7], [300], [3, 67]];

    [Fact]
    public void Element_wise_kernels_match_the_reference()
    {
        var be = Backend.Gpu;
        using var _ = be.Activate();
        var rng = new SimRng(60);
        foreach (var shape in Shapes)
        {
            using var x = rng.Uniform<float>(shape, -3, 3);
            using var y = rng.Uniform<float>(shape, 0.5, 3);
            var xd = Ref.ToDouble(x);
            var yd = Ref.ToDouble(y);
            var exact = BackendTolerance.For<float>(ToleranceClass.Exact, gpu: true);
            var trans = BackendTolerance.For<float>(ToleranceClass.Transcendental, gpu: true);
            using (var r = x + y) Check.Close(xd.Zip(yd, (a, b) => (double)(float)(a + b)).ToArray(), r, exact, "gpu add");
            using (var r = x * y) Check.Close(xd.Zip(yd, (a, b) => (double)(float)(a * b)).ToArray(), r, exact, "gpu multiply");
            using (var r = x / y) Check.Close(xd.Zip(yd, (a, b) => (double)(float)(a / b)).ToArray(), r, exact, "gpu divide");
            using (var r = x.Maximum(y)) Check.Close(xd.Zip(yd, Math.Max).ToArray(), r, exact, "gpu maximum");
            using (var r = x.Exp()) Check.Close(xd.Select(Math.Exp).ToArray(), r, trans, "gpu exp");
            using (var r = x.Tanh()) Check.Close(xd.Select(Math.Tanh).ToArray(), r, trans, "gpu tanh");
            using (var r = x.Sigmoid()) Check.Close(xd.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), r, trans, "gpu sigmoid");
            using (var r = x.Relu()) Check.Close(xd.Select(v => Math.Max(v, 0)).ToArray(), r, exact, "gpu relu");
        }
        using var dx = rng.Uniform<double>([50], -1, 1);
        using var dr = dx.Exp();
        Check.Close(Ref.ToDouble(dx).Select(Math.Exp).ToArray(), dr, BackendTolerance.For<double>(ToleranceClass.Transcendental, gpu: true), "gpu exp double");
    }

    [Fact]
    public void Reductions_run_on_the_device_and_match()
    {
        using var _ = Backend.Gpu.Activate();
        var rng = new SimRng(61);
        foreach (int n in new[] { 1, 255, 256, 1000, 5000 })
        {
            using var x = rng.Uniform<float>([n], -1, 1);
            var d = Ref.ToDouble(x);
            var tol = BackendTolerance.For<float>(ToleranceClass.Reduction, n).Scaled(Math.Sqrt(n));
            Assert.True(tol.IsClose(d.Sum(), x.Sum()), $"gpu sum n={n}");
            Assert.Equal(d.Max(), x.Max());
            Assert.Equal(d.Min(), x.Min());
        }
    }

    [Fact]
    public void Tiled_matmul_kernel_matches_the_reference()
    {
        using var _ = Backend.Gpu.Activate();
        var rng = new SimRng(62);
        foreach (var (m, n, k) in new[] { (1, 1, 1), (5, 7, 3), (33, 20, 17), (130, 9, 12) })
        {
            using var a = rng.Uniform<float>([m, k], -1, 1);
            using var b = rng.Uniform<float>([k, n], -1, 1);
            using var c = a.MatMul(b);
            var expected = Ref.MatMul(Ref.ToDouble(a), Ref.ToDouble(b), m, n, k);
            Check.Close(expected, c, BackendTolerance.For<float>(ToleranceClass.MatMul, k, gpu: true).Scaled(Math.Sqrt(k)), $"gpu matmul {m}x{n}x{k}");
        }
    }

    [Fact]
    public void Every_matmul_kernel_matches_the_reference()
    {
        // Shapes the float4 kernels take (k, n multiples of 4) with partial tiles on every side, a k
        // that is not a multiple of the 8- or 16-deep slices, and several k slices (double buffering).
        var device = SharedGpu.Device;
        var rng = new SimRng(64);
        foreach (var (m, n, k) in new[] { (5, 8, 12), (130, 8, 20), (9, 132, 36) })
        {
            using var a = rng.Uniform<float>([m, k], -1, 1);
            using var b = rng.Uniform<float>([k, n], -1, 1);
            var expected = Ref.MatMul(Ref.ToDouble(a), Ref.ToDouble(b), m, n, k);
            using var da = DeviceTensor<float>.FromHost(a, device);
            using var db = DeviceTensor<float>.FromHost(b, device);
            foreach (var kernel in Enum.GetValues<MatMulKernel>())
            {
                using var dc = DeviceTensor<float>.Allocate(device, m, n);
                Assert.True(GpuOperations.CanUse(kernel, da.View, db.View, dc.View, m, n, k));
                GpuOperations.LaunchMatMul(device, da.View, db.View, dc.View, m, n, k, kernel, synchronize: true);
                using var c = dc.ToHost();
                Check.Close(expected, c, BackendTolerance.For<float>(ToleranceClass.MatMul, k, gpu: true).Scaled(Math.Sqrt(k)), $"{kernel} {m}x{n}x{k}");
            }
        }
        using var odd = DeviceTensor<float>.Allocate(device, 3, 5);
        Assert.False(GpuOperations.CanUse(MatMulKernel.Float4Bk8, odd.View, odd.View, odd.View, 3, 5, 5));
    }

    [Fact]
    public void Destination_overloads_write_in_place()
    {
        var device = SharedGpu.Device;
        var rng = new SimRng(65);
        using var x = rng.Uniform<float>([301], -1, 1);
        using var y = rng.Uniform<float>([301], -1, 1);
        using var dx = DeviceTensor<float>.FromHost(x, device);
        using var dy = DeviceTensor<float>.FromHost(y, device);
        using var dd = DeviceTensor<float>.Allocate(device, 301);
        GpuOperations.Add(dx, dy, dd);
        using (var sum = x + y)
        using (var host = dd.ToHost()) Check.Exact(sum.ToArray(), host, "device add into a destination");
        GpuOperations.Multiply(dx, dy, dx);
        device.Synchronize();
        using (var product = x * y)
        using (var host = dx.ToHost()) Check.Exact(product.ToArray(), host, "device multiply in place");
        using var wrong = DeviceTensor<float>.Allocate(device, 300);
        Assert.Throws<TensorShapeException>(() => GpuOperations.Add(dx, dy, wrong));

        using var a = rng.Uniform<float>([6, 8], -1, 1);
        using var b = rng.Uniform<float>([8, 4], -1, 1);
        using var da = DeviceTensor<float>.FromHost(a, device);
        using var db = DeviceTensor<float>.FromHost(b, device);
        using var dc = DeviceTensor<float>.Allocate(device, 6, 4);
        GpuOperations.MatMul(da, db, dc);
        using var expected = a.MatMul(b);
        using var got = dc.ToHost();
        Check.Close(Ref.ToDouble(expected), got, BackendTolerance.For<float>(ToleranceClass.MatMul, 8, gpu: true).Scaled(3), "device matmul into a destination");
        Assert.Throws<TensorShapeException>(() => GpuOperations.MatMul(da, db, wrong));
        using var squareHost = rng.Uniform<float>([4, 4], -1, 1);
        using var square = DeviceTensor<float>.FromHost(squareHost, device);
        Assert.Throws<ArgumentException>(() => GpuOperations.MatMul(square, square, square));
    }

    [Fact]
    public void Device_tensors_chain_operations_without_host_copies()
    {
        var device = SharedGpu.Device;
        var rng = new SimRng(63);
        using var a = rng.Uniform<float>([8, 6], -1, 1);
        using var b = rng.Uniform<float>([6, 5], -1, 1);
        using var da = DeviceTensor<float>.FromHost(a, device);
        using var db = DeviceTensor<float>.FromHost(b, device);
        using var dc = GpuOperations.MatMul(da, db);
        using var de = GpuOperations.Exp(dc);
        using var host = de.ToHost();
        using var expectedC = a.MatMul(b);
        using var expected = expectedC.Exp();
        Check.Close(Ref.ToDouble(expected), host, BackendTolerance.For<float>(ToleranceClass.Transcendental, gpu: true).Scaled(10), "device chain");
        Assert.Equal((double)expected.Sum(), (double)GpuOperations.Sum(de), 4);
        Assert.Throws<TensorShapeException>(() => GpuOperations.Add(da, db));
    }

    [Fact]
    public void Integer_and_unsupported_ops_fall_back_to_the_cpu_under_a_gpu_scope()
    {
        using var _ = Backend.Gpu.Activate();
        using var x = Tensor.Create(new[] { 1, 2, 3 });
        using var y = x * x;
        Assert.Equal(new[] { 1, 4, 9 }, y.ToArray());
        using var f = Tensor.Create(new[] { 1f, -2f });
        using var g = f.Gelu();
        Assert.Equal(0.841344746, g[0], 5);
    }
}
