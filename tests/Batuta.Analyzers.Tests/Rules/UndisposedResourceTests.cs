using Batuta.Analyzers.Rules.Resources;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class UndisposedResourceTests
{
    private static AnalyzerTest<UndisposedResourceAnalyzer> Test(string source)
        => new AnalyzerTest<UndisposedResourceAnalyzer>(source).WithSource(StandIns.Tensors).WithSource(StandIns.Ilgpu);

    [Fact]
    public Task Tensors_and_buffers_that_are_never_disposed_are_reported() => Test("""
        using Batuta.Tensors;
        using ILGPU.Runtime;
        class C
        {
            int M(Accelerator accelerator, Tensor<float> input)
            {
                var {|BATQ010:a|} = Tensor.Zeros(3, 4);
                var {|BATQ010:b|} = input.MatMul(input);
                var {|BATQ010:buffer|} = accelerator.Allocate1D<float>(1024);
                {|BATQ010:Tensor.Ones(2)|};
                {|BATQ010:input.Add(input)|};
                return b.Rank + (int)a[0] + a.T.Rank;
            }
        }
        """).RunAsync();

    [Fact]
    public Task Disposed_returned_stored_or_passed_resources_are_fine() => Test("""
        using System.Collections.Generic;
        using Batuta.Tensors;
        using ILGPU.Runtime;
        class C
        {
            private Tensor<float> _cached;
            private readonly List<Tensor<float>> _all = new();

            Tensor<float> M(Accelerator accelerator, Tensor<float> input)
            {
                using var a = Tensor.Zeros(3, 4);
                using (var b = Tensor.Zeros(3))
                {
                }
                var c = Tensor.Zeros(3);
                c.Dispose();
                var d = Tensor.Zeros(3);
                d?.Dispose();
                var e = Tensor.Zeros(3);
                _cached = e;
                var f = Tensor.Zeros(3);
                _all.Add(f);
                var g = Tensor.Zeros(3);
                using (g) { }
                var buffer = accelerator.Allocate1D<float>(16);
                using (buffer) { }
                var borrowed = input;
                input.AddInPlace(a);
                var result = input.MatMul(a);
                return result;
            }
        }
        """).RunAsync();

    [Fact]
    public Task Nothing_runs_without_tensor_or_gpu_types() => Verify.Analyzer<UndisposedResourceAnalyzer>("""
        class C { void M() { var s = new System.IO.MemoryStream(); } }
        """);
}
