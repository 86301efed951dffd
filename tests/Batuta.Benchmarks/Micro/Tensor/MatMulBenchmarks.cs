using BenchmarkDotNet.Attributes;
using Batuta.Tensors;
using Batuta.Tensors.Engine;

namespace Batuta.Benchmarks.Micro.Tensor;

/// <summary>
/// The packed FMA GEMM at the sizes <c>peers tensor</c> compares with OpenBLAS, on one thread and on
/// all cores. Run: <c>dotnet run -c Release --project tests/Batuta.Benchmarks -- --filter *MatMulBenchmarks*</c>.
/// </summary>
public class MatMulBenchmarks
{
    private Tensor<float> _a = null!;
    private Tensor<float> _b = null!;
    private Tensor<float> _c = null!;
    private int _saved;

    [Params(256, 1024, 2048)]
    public int Size { get; set; }

    [Params(1, 0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SimRng(2);
        _a = rng.Uniform<float>([Size, Size], -1, 1);
        _b = rng.Uniform<float>([Size, Size], -1, 1);
        _c = Batuta.Tensors.Tensor.Empty<float>(Size, Size);
        _saved = Parallelism.Workers;
        Parallelism.Workers = Threads == 0 ? Environment.ProcessorCount : Threads;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Parallelism.Workers = _saved;
        _a.Dispose();
        _b.Dispose();
        _c.Dispose();
    }

    [Benchmark]
    public void MatMul() => Batuta.Tensors.Tensor.MatMul(_a, _b, _c);
}
