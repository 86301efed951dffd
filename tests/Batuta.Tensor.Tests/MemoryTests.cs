namespace Batuta.Tensors.Tests;

[CollectionDefinition(nameof(MemoryAccounting), DisableParallelization = true)]
public sealed class MemoryAccounting;

/// <summary>Pooled memory: alignment, reuse, reference-counted views, deterministic return on Dispose.</summary>
[Collection(nameof(MemoryAccounting))]
public class MemoryTests
{
    [Fact]
    public unsafe void Buffers_are_64_byte_aligned()
    {
        foreach (int n in new[] { 1, 3, 17, 1000, 100_000 })
        {
            using var t = Tensor.Empty<float>(n);
            fixed (float* p = t.AsSpan()) Assert.Equal(0, (long)p % 64);
        }
    }

    [Fact]
    public void Dispose_returns_memory_and_views_keep_it_alive()
    {
        long before = TensorMemory.LiveBuffers;
        var x = Tensor.Ones<double>(100);
        var v = x[10..20];
        Assert.Equal(before + 1, TensorMemory.LiveBuffers);
        x.Dispose();
        Assert.Equal(before + 1, TensorMemory.LiveBuffers);
        Assert.Equal(1.0, v[0]);
        v.Dispose();
        v.Dispose();
        Assert.Equal(before, TensorMemory.LiveBuffers);
        Assert.Throws<ObjectDisposedException>(() => x.Sum());
        Assert.Throws<ObjectDisposedException>(() => v[0]);
    }

    [Fact]
    public void Operations_do_not_leak_buffers()
    {
        long before = TensorMemory.LiveBuffers;
        var rng = new SimRng(1);
        for (int i = 0; i < 20; i++)
        {
            using var a = rng.Uniform<float>([33, 17]);
            using var b = rng.Uniform<float>([17, 9]);
            using var c = a.MatMul(b);
            using var s = c.Softmax();
            using var at = a.Transpose();
            using var t = at.Reshape(17, 33);
            using var m = t.Sum(0);
            using var q = Tensor.Concatenate(a, a);
            using var mask = a.Greater(0.5f);
            using var neg = -a;
            using var w = Tensor.Where(mask, a, neg);
            using var cl = a.Clip(0.2f, 0.8f);
            _ = a.Var(ddof: 1);
        }
        // Temporaries inside operations (views, masks, scalars) must all have been returned.
        Assert.Equal(before, TensorMemory.LiveBuffers);
    }

    [Fact]
    public void The_pool_reuses_returned_blocks()
    {
        using (Tensor.Empty<float>(4096)) { }
        long hits = TensorMemory.PoolHits;
        using (Tensor.Empty<float>(4000)) { }
        Assert.True(TensorMemory.PoolHits > hits, "a block of the same size class should come from the pool");
    }

    [Fact]
    public void Undisposed_tensors_are_collected_without_a_finalizer()
    {
        Assert.Null(typeof(Tensor<float>).GetMethod("Finalize", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly));
        var weak = Make();
        for (int i = 0; i < 5 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(weak.IsAlive);

        static WeakReference Make() => new(Tensor.Ones<float>(1000));
    }
}
