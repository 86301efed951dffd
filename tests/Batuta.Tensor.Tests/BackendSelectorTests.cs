using Batuta.Tensors.Backends;
using Batuta.Tensors.Gpu;
using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>The cost model and its overrides; a fake fast GPU in the machine model exercises the GPU branch.</summary>
[Collection(nameof(GpuCollection))]
public class BackendSelectorTests
{
    [Fact]
    public void Small_and_memory_bound_work_stays_on_the_cpu()
    {
        var d = BackendSelector.Explain(OperationCost.ElementWise("add", 1000, 2, 4));
        Assert.Equal(ComputeBackend.Simd, d.Backend);
        var big = BackendSelector.Explain(OperationCost.ElementWise("add", 16_000_000, 2, 4));
        Assert.Equal(ComputeBackend.Simd, big.Backend);
        Assert.True(big.ComputeToTransferRatio < BackendSelector.TransferRatio);
        Assert.Contains("transfer", big.Explain());
    }

    [Fact]
    public void Non_vectorizable_work_runs_scalar()
    {
        var c = OperationCost.ElementWise("gelu", 1000, 1, 8, 60, vectorizable: false, hasGpuKernel: false);
        Assert.Equal(ComputeBackend.Scalar, BackendSelector.Choose(c));
        Assert.Equal(ComputeBackend.Scalar, BackendSelector.Choose(c, ComputeBackend.Simd));
    }

    [Fact]
    public void The_gpu_is_chosen_only_when_compute_exceeds_five_times_transfer()
    {
        var saved = BackendSelector.Machine;
        var savedDevice = GpuDevice.Current;
        try
        {
            // Pretend the installed (emulated) device is a fast GPU: 50 Tflop/s, 3 TB/s, PCIe at 25 GB/s.
            GpuDevice.Current = SharedGpu.Device;
            BackendSelector.TreatEmulatedGpuAsReal = true;
            BackendSelector.Machine = saved with
            {
                GpuOpsPerSecond = 50e12,
                GpuBytesPerSecond = 3e12,
                TransferBytesPerSecond = 25e9,
                GpuLatencySeconds = 20e-6,
                GpuName = SharedGpu.Device.Name,
            };

            var mm = BackendSelector.Explain(OperationCost.MatMul(4096, 4096, 4096, 4));
            Assert.Equal(ComputeBackend.Gpu, mm.Backend);
            Assert.True(mm.CpuSeconds > BackendSelector.TransferRatio * mm.TransferSeconds);
            Assert.True(mm.GpuTotalSeconds < mm.CpuSeconds);
            Assert.Equal(ComputeBackend.Gpu, BackendSelector.Choose(OperationCost.MatMul(4096, 4096, 4096, 4)));

            // Element-wise add moves 12 bytes per 1 flop: never worth the PCIe trip.
            var add = BackendSelector.Explain(OperationCost.ElementWise("add", 16_000_000, 2, 4));
            Assert.Equal(ComputeBackend.Simd, add.Backend);
            Assert.True(add.ComputeToTransferRatio < BackendSelector.TransferRatio);
            Assert.Contains("transfer", add.Reason);

            // The same add on data already on the device has no transfer to pay.
            var resident = BackendSelector.Explain(OperationCost.ElementWise("add", 16_000_000, 2, 4) with { DataOnDevice = true });
            Assert.Equal(0, resident.TransferSeconds);
            Assert.Equal(ComputeBackend.Gpu, resident.Backend);

            // Small matmul: the compute does not cover 5 transfers.
            var small = BackendSelector.Explain(OperationCost.MatMul(64, 64, 64, 4));
            Assert.Equal(ComputeBackend.Simd, small.Backend);

            // Every number in the decision is in the text.
            string text = mm.Explain();
            Assert.Contains("compute/transfer", text);
            Assert.Contains("GPU compute", text);
        }
        finally
        {
            BackendSelector.TreatEmulatedGpuAsReal = false;
            BackendSelector.Machine = saved;
            GpuDevice.Current = savedDevice;
        }
    }

    [Fact]
    public void Scopes_override_per_call_and_nest()
    {
        var cost = OperationCost.ElementWise("add", 10, 2, 4);
        Assert.Equal(ComputeBackend.Simd, BackendSelector.Choose(cost));
        using (BackendSelector.Use(ComputeBackend.Scalar))
        {
            Assert.Equal(ComputeBackend.Scalar, BackendSelector.Choose(cost));
            Assert.Equal(0, SimdWidth.ActiveBits);
            using (BackendSelector.Use(ComputeBackend.Simd, 128))
            {
                Assert.Equal(ComputeBackend.Simd, BackendSelector.Choose(cost));
                Assert.Equal(Math.Min(128, SimdWidth.HardwareBits), SimdWidth.ActiveBits);
            }
            Assert.Equal(ComputeBackend.Scalar, BackendSelector.Choose(cost));
            Assert.Equal(ComputeBackend.Simd, BackendSelector.Choose(cost, ComputeBackend.Simd));
        }
        Assert.Equal(SimdWidth.HardwareBits, SimdWidth.ActiveBits);
    }

    [Fact]
    public void Disabling_the_gpu_vetoes_even_an_explicit_request()
    {
        var savedDevice = GpuDevice.Current;
        try
        {
            GpuDevice.Current = SharedGpu.Device;
            BackendSelector.DisableGpu = true;
            var d = BackendSelector.Explain(OperationCost.MatMul(64, 64, 64, 4), ComputeBackend.Gpu);
            Assert.Equal(ComputeBackend.Simd, d.Backend);
            Assert.Contains("BATUTA_DISABLE_GPU", d.Reason);
        }
        finally
        {
            BackendSelector.DisableGpu = false;
            GpuDevice.Current = savedDevice;
        }
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" YES ", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void BATUTA_DISABLE_GPU_values_are_read_leniently(string? value, bool disables)
    {
        Assert.Equal(disables, BackendSelector.IsTruthy(value));
    }

    [Fact]
    public void Operations_honour_a_forced_gpu_and_report_it()
    {
        using (Backend.Gpu.Activate())
        {
            var d = BackendSelector.Explain(OperationCost.ElementWise("add", 100, 2, 4));
            Assert.Equal(ComputeBackend.Gpu, d.Backend);
            Assert.Contains("GPU requested", d.Reason);
            Assert.Contains(SharedGpu.Device.Name, d.Explain());
        }
        var auto = BackendSelector.Explain(OperationCost.MatMul(2048, 2048, 2048, 4));
        Assert.NotEqual(ComputeBackend.Gpu, auto.Backend);
    }
}
