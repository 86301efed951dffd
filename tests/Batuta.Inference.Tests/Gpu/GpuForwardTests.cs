using Batuta.Inference.Tests.Support;
using Batuta.Inference.Kernels;
using Batuta.Inference.Model;
using Batuta.Inference.Quantization;
using Batuta.Inference.Testing;
using Batuta.Tensors.Gpu;

namespace Batuta.Inference.Tests.Gpu;

/// <summary>
/// The ILGPU path of the forward pass, run on ILGPU's CPU accelerator (the kernels ILGPU compiles for CUDA and
/// OpenCL are the same code): its logits against the CPU's float-activation path on the same weights, for the
/// types with their own kernel (Q4_K, Q6_K) and one that goes up dequantized (Q8_0), in prefill and decode.
/// </summary>
public sealed class GpuForwardTests : IDisposable
{
    private readonly GpuDevice _device = GpuDevice.CreateCpu();
    private readonly string _dir = Directory.CreateTempSubdirectory("batuta-gpu-forward-").FullName;

    [Theory]
    [InlineData(GgmlType.Q4_K, GgmlType.Q6_K)]
    [InlineData(GgmlType.Q6_K, GgmlType.Q6_K)]
    [InlineData(GgmlType.Q8_0, GgmlType.Q8_0)]
    public void GpuLogitsMatchTheCpuFloatPath(GgmlType weights, GgmlType output)
    {
        var spec = new SyntheticModelSpec { Layers = 2, EmbeddingLength = 256, FeedForwardLength = 512, Heads = 4, KvHeads = 2, VocabSize = 320, WeightType = weights, OutputType = output, Seed = 9 };
        string path = Path.Combine(_dir, $"{weights}-{output}.gguf");
        SyntheticModel.Write(spec, path);
        int[] prompt = [5, 17, 99, 3, 250, 42, 7];
        int[] decode = [11, 300, 64];

        var cpu = Run(path, new ModelOptions { Threads = 2, Precision = ActivationPrecision.Float32 }, prompt, decode);
        using var gpuModel = LlamaModel.Load(path, new ModelOptions { Threads = 2, Gpu = _device });
        var gpu = Run(gpuModel, prompt, decode);

        Assert.Equal(cpu.Length, gpu.Length);
        for (int i = 0; i < cpu.Length; i++)
        {
            double worst = LogitCompare.MaxRelative(gpu[i], cpu[i]);
            Assert.True(worst <= 1e-4, $"{weights}/{output}, step {i}: GPU logits differ from the CPU float path by {worst:E2} of their range");
            Assert.Equal(Batuta.Inference.Generation.Sampler.ArgMax(cpu[i]), Batuta.Inference.Generation.Sampler.ArgMax(gpu[i]));
        }
    }

    [Fact]
    public void WeightsAreUploadedOnceInTheirFileLayout()
    {
        var spec = new SyntheticModelSpec { Layers = 1, EmbeddingLength = 256, FeedForwardLength = 512, Heads = 4, KvHeads = 2, VocabSize = 320, WeightType = GgmlType.Q4_K, OutputType = GgmlType.Q4_K, Seed = 3 };
        string path = Path.Combine(_dir, "upload.gguf");
        SyntheticModel.Write(spec, path);
        using var model = LlamaModel.Load(path, new ModelOptions { Threads = 1, Gpu = _device });
        Run(model, [1, 2, 3], [4]);
        long once = model.GpuWeightBytes;
        Run(model, [5, 6], [7, 8]);
        Assert.Equal(once, model.GpuWeightBytes);
        // 7 matrices per layer + the output head, Q4_K: 144 bytes per 256 weights.
        long expected = (256L * 256 * 2 + 2L * 256 * 128 + 3L * 256 * 512 + 320L * 256) / 256 * 144;
        Assert.Equal(expected, once);
    }

    private static float[][] Run(string path, ModelOptions options, int[] prompt, int[] decode)
    {
        using var model = LlamaModel.Load(path, options);
        return Run(model, prompt, decode);
    }

    private static float[][] Run(LlamaModel model, int[] prompt, int[] decode)
    {
        int vocab = model.VocabSize;
        var steps = new List<float[]>();
        using var cache = model.CreateCache();
        var logits = new float[vocab];
        model.Forward(prompt, cache, logits);
        steps.Add((float[])logits.Clone());
        foreach (int t in decode)
        {
            model.Forward([t], cache, logits);
            steps.Add((float[])logits.Clone());
        }
        return steps.ToArray();
    }

    public void Dispose()
    {
        _device.Dispose();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
