using BenchmarkDotNet.Attributes;
using Batuta.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Batuta.Benchmarks.Micro.Tensor;

/// <summary>
/// BenchmarkDotNet view of the <c>peers tensor</c> element-wise rows: Batuta's tensor API (with a
/// destination) against TensorPrimitives on the same memory. Run:
/// <c>dotnet run -c Release --project tests/Batuta.Benchmarks -- --filter *ElementWiseBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class ElementWiseBenchmarks
{
    private Tensor<float> _x = null!;
    private Tensor<float> _y = null!;
    private Tensor<float> _d = null!;

    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SimRng(1);
        _x = rng.Uniform<float>([N], -4, 4);
        _y = rng.Uniform<float>([N], -4, 4);
        _d = Batuta.Tensors.Tensor.Empty<float>(N);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _x.Dispose();
        _y.Dispose();
        _d.Dispose();
    }

    [Benchmark]
    public void BatutaAdd() => Batuta.Tensors.Tensor.Add(_x, _y, _d);

    [Benchmark]
    public void PrimitivesAdd() => TensorPrimitives.Add(_x.AsReadOnlySpan(), _y.AsReadOnlySpan(), _d.AsSpan());

    [Benchmark]
    public float BatutaDot() => _x.Dot(_y);

    [Benchmark]
    public float PrimitivesDot() => TensorPrimitives.Dot(_x.AsReadOnlySpan(), _y.AsReadOnlySpan());

    [Benchmark]
    public float BatutaSum() => _x.Sum();

    [Benchmark]
    public float PrimitivesSum() => TensorPrimitives.Sum(_x.AsReadOnlySpan());

    [Benchmark]
    public void BatutaSoftmax() => Batuta.Tensors.Tensor.Softmax(_x, -1, _d);

    [Benchmark]
    public void PrimitivesSoftmax() => TensorPrimitives.SoftMax(_x.AsReadOnlySpan(), _d.AsSpan());
}
