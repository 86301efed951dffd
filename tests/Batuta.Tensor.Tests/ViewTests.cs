using Batuta.Tensors.Tests.Support;

namespace Batuta.Tensors.Tests;

/// <summary>Shapes, strides and views: slicing, transposing, reshaping, broadcasting and indexing without copies.</summary>
public class ViewTests
{
    [Fact]
    public void Creation_functions_match_numpy_definitions()
    {
        using var z = Tensor.Zeros(3, 4);
        Assert.Equal(new TensorShape(3, 4), z.Shape);
        Assert.All(z.ToArray(), v => Assert.Equal(0.0, v));
        using var o = Tensor.Ones<int>(2, 2);
        Assert.Equal(new[] { 1, 1, 1, 1 }, o.ToArray());
        using var f = Tensor.Full(2.5f, 3);
        Assert.Equal(new[] { 2.5f, 2.5f, 2.5f }, f.ToArray());
        using var a = Tensor.Arange(0, 1, 0.25);
        Assert.Equal(new[] { 0, 0.25, 0.5, 0.75 }, a.ToArray());
        using var ai = Tensor.Arange(5);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, ai.ToArray());
        using var down = Tensor.Arange(5, 0, -2);
        Assert.Equal(new long[] { 5, 3, 1 }, down.ToArray());
        using var downF = Tensor.Arange(5.0, 0, -2);
        Assert.Equal(new double[] { 5, 3, 1 }, downF.ToArray());
        using var l = Tensor.Linspace(0, 1, 5);
        Assert.Equal(new[] { 0, 0.25, 0.5, 0.75, 1 }, l.ToArray());
        using var l2 = Tensor.Linspace(0, 1, 4, endpoint: false);
        Assert.Equal(new[] { 0, 0.25, 0.5, 0.75 }, l2.ToArray());
        using var e = Tensor.Eye(2, 3, 1);
        Assert.Equal(new double[] { 0, 1, 0, 0, 0, 1 }, e.ToArray());
        using var s = Tensor.Scalar(7L);
        Assert.Equal(0, s.Rank);
        Assert.Equal(7L, s.ToScalar());
        using var m = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal(3f, m[1, 0]);
        Assert.Throws<TensorShapeException>(() => Tensor.Create(new[] { 1, 2, 3 }, 2, 2));
    }

    [Fact]
    public void Slicing_is_a_view_with_numpy_semantics()
    {
        using var x = Tensor.Arange<int>(0, 20).Reshape(4, 5);
        using var s = x[1..3, TensorIndex.Slice(null, null, 2)];
        Assert.Equal(new TensorShape(2, 3), s.Shape);
        Assert.Equal(new[] { 5, 7, 9, 10, 12, 14 }, s.ToArray());
        Assert.False(s.IsContiguous);
        s[0, 0] = 100;
        Assert.Equal(100, x[1, 0]);

        using var rev = x[TensorIndex.Slice(null, null, -1), ^1];
        Assert.Equal(new[] { 19, 14, 9, 4 }, rev.ToArray());
        using var neg = x[TensorIndex.Slice(-2, null), TensorIndex.Slice(-1, -4, -2)];
        Assert.Equal(new[] { 14, 12, 19, 17 }, neg.ToArray());
        using var empty = x[3..1];
        Assert.Equal(0, empty.Length);
        using var row = x[TensorIndex.At(2)];
        Assert.Equal(new TensorShape(5), row.Shape);
        using var na = x[TensorIndex.NewAxis, TensorIndex.Ellipsis, 0];
        Assert.Equal(new TensorShape(1, 4), na.Shape);
        Assert.Throws<IndexOutOfRangeException>(() => x[4, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => x[TensorIndex.At(0), 0, 0]);
        Assert.Equal(x[3, 4], x[-1, -1]);
    }

    [Fact]
    public void View_assignment_broadcasts_into_the_base()
    {
        using var x = Tensor.Zeros<double>(3, 4);
        using var row = Tensor.Create(new double[] { 1, 2, 3, 4 });
        x[1..] = row;
        Assert.Equal(new double[] { 0, 0, 0, 0, 1, 2, 3, 4, 1, 2, 3, 4 }, x.ToArray());
        using var col = x[.., 0];
        col.Fill(9);
        Assert.Equal(9, x[2, 0]);
    }

    [Fact]
    public void Reshape_is_a_view_when_possible_and_a_copy_otherwise()
    {
        using var x = Tensor.Arange<float>(0, 24);
        using var r = x.Reshape(2, -1, 4);
        Assert.Equal(new TensorShape(2, 3, 4), r.Shape);
        r[0, 0, 0] = 42;
        Assert.Equal(42, x[0]);

        using var t = r.Transpose(1, 0, 2);
        using var tr = t.Reshape(3, 8); // axes 0/1 swapped: not expressible as a view
        Assert.Equal(Ref.ByIndexer(t), tr.ToArray());
        tr[0, 0] = -1;
        Assert.Equal(42, x[0]);

        using var cols = r.Slice(2, 0, 4, 2); // (2, 3, 2) strided
        using var merged = cols.Reshape(6, 2); // merges the first two axes: still a view
        merged[1, 1] = -5;
        Assert.Equal(-5, r[0, 1, 2]);

        var ex = Assert.Throws<TensorShapeException>(() => x.Reshape(5, 5));
        Assert.Contains("(24,)", ex.Message);
        Assert.Throws<TensorShapeException>(() => x.Reshape(-1, -1));
    }

    [Fact]
    public void Transpose_squeeze_expand_and_broadcast_views()
    {
        using var x = Tensor.Arange<double>(0, 6).Reshape(1, 2, 3);
        using var t = x.Transpose();
        Assert.Equal(new TensorShape(3, 2, 1), t.Shape);
        Assert.Equal(x[0, 1, 2], t[2, 1, 0]);
        using var sq = x.Squeeze();
        Assert.Equal(new TensorShape(2, 3), sq.Shape);
        Assert.Throws<TensorShapeException>(() => x.Squeeze(1));
        using var ex = sq.ExpandDims(-1);
        Assert.Equal(new TensorShape(2, 3, 1), ex.Shape);
        using var b = sq.Select(0, 1).BroadcastTo(4, 3);
        Assert.Equal(new TensorShape(4, 3), b.Shape);
        Assert.Equal(0, b.Strides[0]);
        Assert.Equal(new double[] { 3, 4, 5, 3, 4, 5, 3, 4, 5, 3, 4, 5 }, b.ToArray());
        Assert.Throws<TensorShapeException>(() => sq.BroadcastTo(3, 3));
        using var sw = sq.SwapAxes(0, 1);
        Assert.Equal(new TensorShape(3, 2), sw.Shape);
    }

    [Fact]
    public void Copying_a_view_reads_every_layout_like_the_indexer()
    {
        var rng = new SimRng(9);
        var owners = new List<IDisposable>();
        try
        {
            foreach (var shape in Cases.Shapes)
                foreach (var layout in Cases.Layouts)
                {
                    var v = Cases.WithLayout<long>(rng, shape, layout, owners);
                    using var c = v.Clone();
                    Assert.True(c.IsContiguous);
                    Assert.Equal(Ref.ByIndexer(v), c.ToArray());
                    using var cast = v.Cast<double>();
                    Assert.Equal(Ref.ByIndexer(v).Select(q => (double)q), cast.ToArray());
                }
        }
        finally
        {
            Check.Dispose(owners);
        }
    }

    [Fact]
    public void Cast_truncates_toward_zero_and_saturates()
    {
        using var x = Tensor.Create(new[] { 1.9, -1.9, 3e10, double.NaN });
        using var i = x.Cast<int>();
        Assert.Equal(new[] { 1, -1, int.MaxValue, 0 }, i.ToArray());
    }

    [Fact]
    public void ToString_prints_like_numpy_with_invariant_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            using var x = Tensor.Create(new[] { 1.5, 2, 3, 4 }, 2, 2);
            Assert.Equal("[[1.5, 2],\n [3, 4]]", x.ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Unsupported_element_types_are_rejected_with_a_clear_message()
    {
        var ex = Assert.Throws<NotSupportedException>(() => Tensor.Zeros<short>(2));
        Assert.Contains("float, double, int or long", ex.Message);
    }
}
