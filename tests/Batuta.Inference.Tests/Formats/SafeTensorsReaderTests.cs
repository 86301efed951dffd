using System.Buffers.Binary;
using System.Text;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.SafeTensors;
using Batuta.Inference.Tests.Support;

namespace Batuta.Inference.Tests.Formats;

public sealed class SafeTensorsReaderTests
{
    private static byte[] Image(string json, int dataBytes)
    {
        var header = Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        for (int i = 0; i < dataBytes; i++) bytes[8 + header.Length + i] = (byte)i;
        return bytes;
    }

    [Fact]
    public void RoundTripsEveryDTypeWithMetadataMemoryMapped()
    {
        var tensors = new List<(string, SafeTensorsDType, long[], byte[])>();
        int n = 0;
        foreach (var dtype in Enum.GetValues<SafeTensorsDType>())
        {
            var shape = new long[] { 2, 3 };
            var data = Enumerable.Range(0, 6 * SafeTensorsDTypes.Size(dtype)).Select(i => (byte)(i + n)).ToArray();
            tensors.Add(($"t.{dtype}", dtype, shape, data));
            n++;
        }
        tensors.Add(("scalar", SafeTensorsDType.F32, [], BitConverter.GetBytes(1.5f)));
        tensors.Add(("empty", SafeTensorsDType.F32, [0, 4], []));
        using var dir = new TempDirectory();
        string path = dir.File("m.safetensors");
        using (var fs = File.Create(path)) SafeTensorsFile.Write(fs, tensors, new Dictionary<string, string> { ["format"] = "pt", ["note"] = "\"quoted\"" });

        using var st = SafeTensorsFile.Open(path);
        Assert.Equal("pt", st.Metadata["format"]);
        Assert.Equal("\"quoted\"", st.Metadata["note"]);
        Assert.Equal(0, st.DataOffset % 8);
        foreach (var (name, dtype, shape, data) in tensors)
        {
            var t = st.GetTensor(name);
            Assert.Equal(dtype, t.DType);
            Assert.Equal(shape, t.Shape);
            Assert.Equal(data, st.TensorBytes(t).ToArray());
        }
        Assert.Equal(1.5f, BitConverter.ToSingle(st.TensorBytes(st.GetTensor("scalar"))));
    }

    private static ModelFormatException Fails(byte[] bytes)
    {
        var e = Assert.ThrowsAny<ModelFormatException>(() => SafeTensorsFile.Parse(bytes).Dispose());
        Assert.Contains("safetensors", e.Message);
        return e;
    }

    [Fact]
    public void RejectsHeaderLengthsPastTheFileOrTheLimit()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);
        var e = Fails(bytes);
        Assert.Equal("header_size", e.Field);
        Assert.Equal(0, e.Offset);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        Assert.Contains("limit", Fails(bytes).Message);
        Assert.Equal("header_size", Fails(new byte[3]).Field);
    }

    [Fact]
    public void PointsAtTheBadTokenOfTheJsonHeader()
    {
        var e = Fails(Image("{\"a\":{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4));
        Assert.Equal("tensors['a'].dtype", e.Field);
        Assert.Equal(8 + "{\"a\":{\"dtype\":".Length, e.Offset);
        Assert.Contains("unknown dtype 'F33'", e.Message);
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "needs 8")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4, "before begin")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8, "trailing bytes")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 2, "truncated")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", 6, "overlapping")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "hole")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, "non-negative")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, "missing")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", 4, "unknown tensor property")]
    [InlineData("{\"a\":[1,2]}", 0, "expected StartObject")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", 4, "invalid JSON")]
    [InlineData("{\"__metadata__\":{\"k\":1}}", 0, "must be strings")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,4]}}", 4, "overflows")]
    [InlineData("[]", 0, "must start with '{'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} x", 4, "invalid JSON")]
    public void RejectsInconsistentHeaders(string json, int dataBytes, string message)
    {
        var e = Fails(Image(json, dataBytes));
        Assert.Contains(message, e.Message);
    }
}
