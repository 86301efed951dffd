using Batuta.Tensors.IO;

namespace Batuta.Tensors.Tests;

/// <summary>.npy round trips, numpy-written files, and malformed files (fuzzed) failing with clear errors.</summary>
public class NpyTests
{
    [Fact]
    public void Round_trips_every_element_type()
    {
        var rng = new SimRng(70);
        using var f = rng.Uniform<float>([3, 5]);
        using var d = rng.Uniform<double>([7]);
        using var i = rng.Integers<int>([2, 2, 2], -5, 5);
        using var l = rng.Integers<long>([0, 3], 0, 1);
        Assert.Equal(f.ToArray(), RoundTrip(f).ToArray());
        Assert.Equal(d.ToArray(), RoundTrip(d).ToArray());
        Assert.Equal(i.ToArray(), RoundTrip(i).ToArray());
        using var lr = RoundTrip(l);
        Assert.Equal(new TensorShape(0, 3), lr.Shape);
        using var s = Tensor.Scalar(3.5);
        Assert.Equal(0, RoundTrip(s).Rank);
    }

    private static Tensor<T> RoundTrip<T>(Tensor<T> t) where T : unmanaged, INumber<T>
    {
        using var ms = new MemoryStream();
        Npy.Write(ms, t);
        Assert.Equal(0, (int)(ms.Length - t.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()) % 64);
        ms.Position = 0;
        return Npy.Read<T>(ms);
    }

    [Fact]
    public void Reads_fortran_order_big_endian_and_other_dtypes_with_conversion()
    {
        var header = "{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3), }";
        using var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        var h = System.Text.Encoding.ASCII.GetBytes(header.PadRight(118) + "\n");
        ms.Write(BitConverter.GetBytes((ushort)h.Length));
        ms.Write(h);
        // Column-major storage of [[1, 2, 3], [4, 5, 6]] as big-endian int16.
        foreach (short v in new short[] { 1, 4, 2, 5, 3, 6 }) ms.Write([(byte)(v >> 8), (byte)v]);
        ms.Position = 0;
        using var t = Npy.Read<double>(ms);
        Assert.Equal(new TensorShape(2, 3), t.Shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, t.ToArray());
    }

    [Fact]
    public void Malformed_files_fail_with_a_clear_message_never_a_crash()
    {
        using var good = Tensor.Arange<float>(0, 10).Reshape(2, 5);
        using var ms = new MemoryStream();
        Npy.Write(ms, good);
        byte[] bytes = ms.ToArray();

        var rng = new SimRng(71);
        for (int trial = 0; trial < 2000; trial++)
        {
            var mutated = (byte[])bytes.Clone();
            int kind = rng.NextInt(3);
            if (kind == 0) mutated = mutated[..rng.NextInt(mutated.Length)];
            else if (kind == 1)
            {
                for (int k = 0; k < 1 + rng.NextInt(4); k++) mutated[rng.NextInt(Math.Min(mutated.Length, 128))] = (byte)rng.NextInt(256);
            }
            else mutated[8 + rng.NextInt(2)] = (byte)rng.NextInt(256);

            try
            {
                using var t = Npy.Read<float>(new MemoryStream(mutated));
                Assert.True(t.Length >= 0);
            }
            catch (InvalidDataException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }

        var e1 = Assert.Throws<InvalidDataException>(() => Npy.Read<float>(new MemoryStream([1, 2, 3])));
        Assert.Contains("end of file", e1.Message);
        var e2 = Assert.Throws<InvalidDataException>(() => Npy.Read<float>(new MemoryStream(bytes[..(bytes.Length - 4)])));
        Assert.Contains("truncated", e2.Message);
        var path = Path.Combine(Path.GetTempPath(), $"batuta-{Guid.NewGuid():N}.npy");
        try
        {
            File.WriteAllBytes(path, [0x93, (byte)'X']);
            var e3 = Assert.Throws<InvalidDataException>(() => Npy.Load<float>(path));
            Assert.Contains(path, e3.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
