using Batuta.Analyzers.Rules.Tensors;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class TensorShapeMismatchTests
{
    private static AnalyzerTest<TensorShapeMismatchAnalyzer> Test(string source)
        => new AnalyzerTest<TensorShapeMismatchAnalyzer>(source).WithSource(StandIns.Tensors);

    [Fact]
    public Task Constant_shapes_that_do_not_fit_are_reported() => Test("""
        using Batuta.Tensors;
        class C
        {
            void M()
            {
                var x = {|BATQ011:Tensor.Zeros(3, 4).MatMul(Tensor.Zeros(5, 6))|};
                var a = Tensor.Zeros(2, 3);
                var b = Tensor.Ones(4, 3);
                var y = {|BATQ011:a.Add(b)|};
                var z = {|BATQ011:a + b|};
                var w = {|BATQ011:Tensor.MatMul(a, b)|};
                var t = {|BATQ011:a.Transpose().Add(b)|};
                var e = {|BATQ011:Tensor.Eye(3).MatMul(Tensor.Zeros(new[] { 4, 2 }))|};
                var r = {|BATQ011:a.Reshape(3, 2).MatMul(Tensor.Zeros(3, 5))|};
                var s = {|BATQ011:Tensor.Zeros<double>(2, 7, 3).MatMul(Tensor.Zeros<double>(4, 3, 5))|};
                var f = {|BATQ011:Tensor.Full(1f, 3).Add(Tensor.Zeros(4))|};
            }
        }
        """).RunAsync();

    [Fact]
    public Task Matching_broadcastable_or_unknown_shapes_are_fine() => Test("""
        using Batuta.Tensors;
        class C
        {
            void M(Tensor<float> input, int n)
            {
                var x = Tensor.Zeros(3, 4).MatMul(Tensor.Zeros(4, 6));
                var a = Tensor.Zeros(2, 3);
                var y = a.Add(Tensor.Ones(1, 3));
                var z = a + Tensor.Ones(3);
                var v = Tensor.Zeros(4).MatMul(Tensor.Zeros(4, 2));
                var t = a.T.MatMul(Tensor.Zeros(2, 5));
                var u = Tensor.Zeros(n, 4).MatMul(Tensor.Zeros(5, 6));
                var w = input.MatMul(Tensor.Zeros(5, 6));
                var s = a * 2f;
                var b = Tensor.Zeros(2, 3);
                b = Tensor.Zeros(3, 5);
                var q = Tensor.Zeros(2, 3).MatMul(b);
                var r = a.Reshape(-1, 2).MatMul(Tensor.Zeros(2, 2));
                var batch = Tensor.Zeros(8, 2, 3).MatMul(Tensor.Zeros(1, 3, 5));
            }
        }
        """).RunAsync();

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 4, 5 }, new[] { 3, 5 })]
    [InlineData(new[] { 4 }, new[] { 4 }, new int[0])]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4 }, new[] { 2, 3 })]
    [InlineData(new[] { 5, 1, 3, 4 }, new[] { 6, 4, 2 }, new[] { 5, 6, 3, 2 })]
    public void Matmul_follows_numpy(int[] a, int[] b, int[] expected)
        => Assert.Equal(expected, Shape.MatMul(a, b, out _));

    [Theory]
    [InlineData(new[] { 3, 1 }, new[] { 1, 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 5, 3, 1 }, new[] { 3, 7 }, new[] { 5, 3, 7 })]
    [InlineData(new int[0], new[] { 2 }, new[] { 2 })]
    public void Broadcasting_follows_numpy(int[] a, int[] b, int[] expected)
        => Assert.Equal(expected, Shape.Broadcast(a, b, out _));

    [Fact]
    public void Incompatible_shapes_give_a_reason()
    {
        Assert.Null(Shape.Broadcast(new[] { 2, 3 }, new[] { 4, 3 }, out var reason));
        Assert.Equal("dimension 0 is 2 vs 4, and neither is 1", reason);
        Assert.Null(Shape.MatMul(new[] { 3, 4 }, new[] { 5, 6 }, out reason));
        Assert.Equal("inner dimensions differ (4 vs 5)", reason);
    }
}
