using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>concatenate, stack, where, clip, cumsum, sort and argsort against reference loops.</summary>
public class ManipulationTests
{
    [Fact]
    public void Concatenate_and_stack_along_every_axis()
    {
        var rng = new SimRng(40);
        using var a = rng.Integers<int>([2, 3, 4], 0, 100);
        using var b = rng.Integers<int>([2, 5, 4], 0, 100);
        using var c = Tensor.Concatenate([a, b], axis: 1);
        Assert.Equal(new TensorShape(2, 8, 4), c.Shape);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 8; j++)
                for (int k = 0; k < 4; k++) Assert.Equal(j < 3 ? a[i, j, k] : b[i, j - 3, k], c[i, j, k]);

        using var at = a.Transpose(2, 1, 0);
        using var cat0 = Tensor.Concatenate([at, at], axis: -1);
        Assert.Equal(new TensorShape(4, 3, 4), cat0.Shape);
        Assert.Equal(a[1, 2, 3], cat0[3, 2, 3]);

        using var s = Tensor.Stack([a, a, a], axis: 2);
        Assert.Equal(new TensorShape(2, 3, 3, 4), s.Shape);
        Assert.Equal(a[1, 2, 3], s[TensorIndex.At(1), 2, 2, 3].ToScalar());
        using var s0 = Tensor.Stack(a, a);
        Assert.Equal(new TensorShape(2, 2, 3, 4), s0.Shape);

        var ex = Assert.Throws<TensorShapeException>(() => Tensor.Concatenate([a, b], axis: 0));
        Assert.Contains("(2, 3, 4)", ex.Message);
        Assert.Contains("(2, 5, 4)", ex.Message);
        Assert.Throws<TensorShapeException>(() => Tensor.Stack(a, b));
    }

    [Fact]
    public void Where_and_clip_broadcast_like_numpy()
    {
        using var cond = Tensor.Create(new[] { 1.0, 0, 1 }, 3, 1);
        using var x = Tensor.Create(new[] { 10.0, 20 });
        using var y = Tensor.Create(new[] { -1.0 });
        using var w = Tensor.Where(cond, x, y);
        Assert.Equal(new TensorShape(3, 2), w.Shape);
        Assert.Equal(new[] { 10.0, 20, -1, -1, 10, 20 }, w.ToArray());
        using var ws = Tensor.Where(cond, 1.0, 2.0);
        Assert.Equal(new[] { 1.0, 2, 1 }, ws.ToArray());

        var rng = new SimRng(41);
        foreach (var be in Backend.Cpu)
        {
            using var _ = be.Activate();
            using var v = rng.Uniform<float>([131], -2, 2);
            using var c = v.Clip(-0.5f, 0.75f);
            Assert.Equal(v.ToArray().Select(q => Math.Min(Math.Max(q, -0.5f), 0.75f)), c.ToArray());
        }
        using var n = Tensor.Create(new[] { float.NaN, 5f });
        using var cn = n.Clip(0f, 1f);
        Assert.True(float.IsNaN(cn[0]));
        Assert.Equal(1f, cn[1]);
    }

    [Fact]
    public void Cumsum_along_each_axis_and_flattened()
    {
        var rng = new SimRng(42);
        using var x = rng.Integers<long>([3, 4, 5], -9, 10);
        var d = x.ToArray();
        for (int axis = 0; axis < 3; axis++)
        {
            using var cs = x.CumSum(axis);
            var shape = new[] { 3, 4, 5 };
            for (int i = 0; i < d.Length; i++)
            {
                var idx = Ref.Unravel(i, shape);
                long s = 0;
                for (int a = 0; a <= idx[axis]; a++)
                {
                    var j = (int[])idx.Clone();
                    j[axis] = a;
                    s += x[j];
                }
                Assert.Equal(s, cs.ToArray()[i]);
            }
        }
        using var flat = x.CumSum();
        long run = 0;
        Assert.Equal(d.Select(v => run += v), flat.ToArray());
    }

    [Fact]
    public void Sort_and_argsort_are_stable_and_put_NaN_last()
    {
        using var x = Tensor.Create(new[] { 3.0, double.NaN, 1, 2, 1, double.NegativeInfinity });
        using var s = x.Sort();
        var sv = s.ToArray();
        Assert.Equal(new[] { double.NegativeInfinity, 1, 1, 2, 3 }, sv.Take(5));
        Assert.True(double.IsNaN(sv[5]));
        using var i = x.ArgSort();
        Assert.Equal(new long[] { 5, 2, 4, 3, 0, 1 }, i.ToArray());

        var rng = new SimRng(43);
        using var m = rng.Integers<int>([4, 7, 3], 0, 5);
        foreach (int axis in new[] { 0, 1, -1 })
        {
            using var sorted = m.Sort(axis);
            using var order = m.ArgSort(axis);
            int a = axis < 0 ? 2 : axis;
            var shape = new[] { 4, 7, 3 };
            var sorted1 = sorted.ToArray();
            var order1 = order.ToArray();
            for (int f = 0; f < sorted1.Length; f++)
            {
                var idx = Ref.Unravel(f, shape);
                var src = (int[])idx.Clone();
                src[a] = (int)order1[f];
                Assert.Equal(m[src], sorted1[f]);
                if (idx[a] > 0)
                {
                    var prev = (int[])idx.Clone();
                    prev[a]--;
                    int pf = prev[0] * 21 + prev[1] * 3 + prev[2];
                    Assert.True(sorted1[pf] <= sorted1[f]);
                    if (sorted1[pf] == sorted1[f]) Assert.True(order1[pf] < order1[f], "argsort must be stable");
                }
            }
        }
    }

    [Fact]
    public void Take_and_compress_index_like_numpy()
    {
        using var x = Tensor.Arange<double>(0, 12).Reshape(4, 3);
        using var idx = Tensor.Create(new long[] { 3, 0, -1 });
        using var rows = x.Take(idx);
        Assert.Equal(new double[] { 9, 10, 11, 0, 1, 2, 9, 10, 11 }, rows.ToArray());
        using var colIdx = Tensor.Create(new long[] { 2, 2 });
        using var cols = x.Take(colIdx, axis: 1);
        Assert.Equal(new TensorShape(4, 2), cols.Shape);
        Assert.Equal(new double[] { 2, 2, 5, 5, 8, 8, 11, 11 }, cols.ToArray());
        using var col0 = x.View(TensorIndex.All, 0);
        using var mask = col0.Greater(4.0);
        using var picked = x.Compress(mask);
        Assert.Equal(new double[] { 6, 7, 8, 9, 10, 11 }, picked.ToArray());
        using var bad = Tensor.Create(new long[] { 4 });
        Assert.Throws<IndexOutOfRangeException>(() => x.Take(bad));
    }
}
