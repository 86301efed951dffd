using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Quantization;
using Batuta.Inference.Tests.Support;

namespace Batuta.Inference.Tests.Formats;

public sealed class GgufReaderTests
{
    private static GgufWriter EveryValueType(uint version = 3, uint alignment = 32)
    {
        var w = new GgufWriter { Version = version, Alignment = alignment };
        w.Add("u8", GgufValue.Scalar(GgufValueType.UInt8, (byte)200));
        w.Add("i8", GgufValue.Scalar(GgufValueType.Int8, (sbyte)-100));
        w.Add("u16", GgufValue.Scalar(GgufValueType.UInt16, (ushort)60000));
        w.Add("i16", GgufValue.Scalar(GgufValueType.Int16, (short)-30000));
        w.Add("u32", GgufValue.From(4000000000u));
        w.Add("i32", GgufValue.From(-2000000000));
        w.Add("f32", GgufValue.From(3.25f));
        w.Add("bool", GgufValue.From(true));
        w.Add("str", GgufValue.From("héllo, 世界"));
        w.Add("u64", GgufValue.From(ulong.MaxValue));
        w.Add("i64", GgufValue.From(long.MinValue));
        w.Add("f64", GgufValue.From(Math.PI));
        w.Add("arr.f32", GgufValue.From([1f, -2f, 3.5f]));
        w.Add("arr.str", GgufValue.From(["a", "", "ccc"]));
        w.Add("arr.i32", GgufValue.From([1, 2, -3]));
        w.Add("arr.u8", GgufValue.Array(GgufValueType.UInt8, new byte[] { 1, 2, 255 }));
        w.Add("arr.bool", GgufValue.Array(GgufValueType.Bool, new[] { true, false }));
        w.Add("arr.i64", GgufValue.Array(GgufValueType.Int64, new long[] { -1, 1L << 40 }));
        w.Add("arr.f64", GgufValue.Array(GgufValueType.Float64, new[] { 0.5, -0.25 }));
        w.Add("arr.nested", GgufValue.Array(GgufValueType.Array, new[] { GgufValue.From([1, 2]), GgufValue.From([3]) }));
        w.Add("arr.empty", GgufValue.Array(GgufValueType.UInt32, Array.Empty<uint>()));
        return w;
    }

    [Theory]
    [InlineData(2u, 32u)]
    [InlineData(3u, 32u)]
    [InlineData(3u, 64u)]
    public void RoundTripsEveryMetadataTypeAndTensorData(uint version, uint alignment)
    {
        var w = EveryValueType(version, alignment);
        var f32 = Enumerable.Range(0, 12).Select(i => (float)i).ToArray();
        w.AddTensor("a", GgmlType.F32, [4, 3], System.Runtime.InteropServices.MemoryMarshal.AsBytes(f32.AsSpan()).ToArray());
        var q = Dequantizer.Quantize(GgmlType.Q4_K, Enumerable.Range(0, 512).Select(i => MathF.Sin(i)).ToArray());
        w.AddTensor("b.q4k", GgmlType.Q4_K, [256, 2], q);
        w.AddTensor("c", GgmlType.F16, [5], new byte[10]);

        using var dir = new TempDirectory();
        string path = dir.File("every.gguf");
        w.WriteTo(path);
        using var g = GgufFile.Open(path);

        Assert.Equal(version, g.Version);
        Assert.Equal(alignment, g.Alignment);
        Assert.Equal((byte)200, g.Metadata["u8"].Value);
        Assert.Equal((sbyte)-100, g.Metadata["i8"].Value);
        Assert.Equal((ushort)60000, g.Metadata["u16"].Value);
        Assert.Equal((short)-30000, g.Metadata["i16"].Value);
        Assert.Equal(4000000000u, g.Metadata["u32"].Value);
        Assert.Equal(-2000000000, g.Metadata["i32"].Value);
        Assert.Equal(3.25f, g.Metadata["f32"].Value);
        Assert.True(g.Metadata["bool"].AsBool());
        Assert.Equal("héllo, 世界", g.GetString("str"));
        Assert.Equal(ulong.MaxValue, g.Metadata["u64"].Value);
        Assert.Equal(long.MinValue, g.Metadata["i64"].Value);
        Assert.Equal(Math.PI, g.Metadata["f64"].Value);
        Assert.Equal(new[] { 1f, -2f, 3.5f }, g.Metadata["arr.f32"].AsArray<float>());
        Assert.Equal(new[] { "a", "", "ccc" }, g.Metadata["arr.str"].AsArray<string>());
        Assert.Equal(new[] { 1, 2, -3 }, g.Metadata["arr.i32"].AsInt32Array());
        Assert.Equal(new byte[] { 1, 2, 255 }, g.Metadata["arr.u8"].AsArray<byte>());
        Assert.Equal(new[] { true, false }, g.Metadata["arr.bool"].AsArray<bool>());
        Assert.Equal(new long[] { -1, 1L << 40 }, g.Metadata["arr.i64"].AsArray<long>());
        Assert.Equal(new[] { 0.5, -0.25 }, g.Metadata["arr.f64"].AsArray<double>());
        var nested = g.Metadata["arr.nested"].AsArray<GgufValue>();
        Assert.Equal(new[] { 1, 2 }, nested[0].AsInt32Array());
        Assert.Equal(new[] { 3 }, nested[1].AsInt32Array());
        Assert.Empty(g.Metadata["arr.empty"].AsArray<uint>());
        Assert.Equal(EveryValueType().Metadata.Select(m => m.Key).Concat(alignment != 32 ? ["general.alignment"] : []), g.MetadataKeys);

        Assert.Equal(3, g.Tensors.Count);
        var a = g.GetTensor("a");
        Assert.Equal(new long[] { 4, 3 }, a.Dimensions);
        Assert.Equal(3, a.Rows);
        Assert.Equal(f32, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(g.TensorBytes(a)).ToArray());
        var b = g.GetTensor("b.q4k");
        Assert.Equal(GgmlType.Q4_K, b.Type);
        Assert.Equal(q, g.TensorBytes(b).ToArray());
        Assert.All(g.Tensors, t => Assert.Equal(0, t.AbsoluteOffset % alignment));
        Assert.Equal(0, g.DataOffset % alignment);
        Assert.NotNull(g.File.Path); // memory-mapped from disk, not read into an array
    }

    [Fact]
    public void ParsesTheSameBytesFromMemory()
    {
        var bytes = EveryValueType().AddTensor("t", GgmlType.Q8_0, [64], new byte[68]).ToArray();
        using var g = GgufFile.Parse(bytes);
        Assert.Equal(68, g.GetTensor("t").ByteSize);
        Assert.Null(g.File.Path);
    }

    private static ModelFormatException Fails(byte[] bytes)
    {
        var e = Assert.ThrowsAny<ModelFormatException>(() => GgufFile.Parse(bytes).Dispose());
        Assert.Contains("GGUF", e.Message);
        return e;
    }

    [Fact]
    public void RejectsAWrongMagicAtOffsetZero()
    {
        var e = Fails("NOTAGGUFFILE-----------"u8.ToArray());
        Assert.Equal("magic", e.Field);
        Assert.Equal(0, e.Offset);
        Assert.Contains("not a GGUF file", e.Message);
    }

    [Theory]
    [InlineData(1u, "obsolete")]
    [InlineData(7u, "unknown GGUF version 7")]
    [InlineData(0x03000000u, "big-endian")]
    public void RejectsUnsupportedVersionsAtOffsetFour(uint version, string message)
    {
        var e = Fails(new GgufBytes().Header(version, 0, 0).ToArray());
        Assert.Equal("version", e.Field);
        Assert.Equal(4, e.Offset);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void RefusesCountsTheFileCannotHoldBeforeAllocating()
    {
        var e = Fails(new GgufBytes().Header(3, 1UL << 60, 0).ToArray());
        Assert.Equal("tensor_count", e.Field);
        Assert.Equal(8, e.Offset);
        Assert.Contains("claims", e.Message);

        e = Fails(new GgufBytes().Header(3, 0, ulong.MaxValue).ToArray());
        Assert.Equal("metadata_kv_count", e.Field);
        Assert.Equal(16, e.Offset);
    }

    [Fact]
    public void RefusesAStringLongerThanTheFile()
    {
        var bytes = new GgufBytes().Header(3, 0, 1).U64(1UL << 40).Bytes(16).ToArray();
        var e = Fails(bytes);
        Assert.Equal("metadata[0].key.length", e.Field);
        Assert.Equal(24, e.Offset);
    }

    [Fact]
    public void RefusesAnArrayLongerThanTheFile()
    {
        var bytes = new GgufBytes().Header(3, 0, 1).Str("big").U32((uint)GgufValueType.Array).U32((uint)GgufValueType.UInt64).U64(1UL << 50).U64(0).ToArray();
        var e = Fails(bytes);
        Assert.Equal("metadata['big'].count", e.Field);
        Assert.Contains("at most", e.Message);
    }

    [Fact]
    public void NamesTheFieldWhereATruncatedFileEnds()
    {
        var full = new GgufBytes().Header(3, 0, 1).Str("general.name").U32((uint)GgufValueType.String).Str("a model").ToArray();
        var e = Fails(full[..(full.Length - 3)]);
        Assert.Equal("metadata['general.name'].length", e.Field);
        Assert.Contains("corrupt or the file is truncated", e.Message);
        e = Fails(full[..(full.Length - 17)]);
        Assert.Equal("metadata['general.name'].type", e.Field);
        Assert.Contains("only 2 remain", e.Message);
    }

    [Fact]
    public void RejectsUnknownValueTypesAndBadBools()
    {
        var e = Fails(new GgufBytes().Header(3, 0, 1).Str("k").U32(99).ToArray());
        Assert.Equal("metadata['k'].type", e.Field);
        e = Fails(new GgufBytes().Header(3, 0, 1).Str("k").U32((uint)GgufValueType.Bool).U8(7).ToArray());
        Assert.Contains("bool must be 0 or 1", e.Message);
    }

    [Fact]
    public void RejectsDuplicateKeysAndTensorNames()
    {
        var kv = new GgufBytes().Header(3, 0, 2).Str("k").U32((uint)GgufValueType.UInt8).U8(1).Str("k").U32((uint)GgufValueType.UInt8).U8(2).ToArray();
        Assert.Contains("duplicate metadata key", Fails(kv).Message);
        var t = new GgufBytes().Header(3, 2, 0)
            .Str("w").U32(1).U64(4).U32(0).U64(0)
            .Str("w").U32(1).U64(4).U32(0).U64(32).Pad(32).Bytes(64).ToArray();
        Assert.Contains("duplicate tensor name", Fails(t).Message);
    }

    [Fact]
    public void RejectsDeeplyNestedArrays()
    {
        var b = new GgufBytes().Header(3, 0, 1).Str("deep").U32((uint)GgufValueType.Array);
        for (int i = 0; i < 20; i++) b.U32((uint)GgufValueType.Array).U64(1);
        b.U32((uint)GgufValueType.UInt8).U64(0);
        Assert.Contains("nested deeper", Fails(b.ToArray()).Message);
    }

    [Fact]
    public void ValidatesTensorInfos()
    {
        // five dimensions
        var e = Fails(new GgufBytes().Header(3, 1, 0).Str("w").U32(5).Bytes(64).ToArray());
        Assert.Equal("tensor_infos['w'].n_dims", e.Field);
        // unknown type id
        e = Fails(new GgufBytes().Header(3, 1, 0).Str("w").U32(1).U64(32).U32(77).U64(0).Bytes(64).ToArray());
        Assert.Equal("tensor_infos['w'].type", e.Field);
        // a Q4_K row must be a whole number of 256-element blocks
        e = Fails(new GgufBytes().Header(3, 1, 0).Str("w").U32(1).U64(100).U32((uint)GgmlType.Q4_K).U64(0).Pad(32).Bytes(256).ToArray());
        Assert.Equal("tensor_infos['w'].dims[0]", e.Field);
        // misaligned offset
        e = Fails(new GgufBytes().Header(3, 1, 0).Str("w").U32(1).U64(4).U32(0).U64(3).Pad(32).Bytes(64).ToArray());
        Assert.Equal("tensor_infos['w'].offset", e.Field);
        // data beyond the end of the file
        e = Fails(new GgufBytes().Header(3, 1, 0).Str("w").U32(1).U64(1000).U32(0).U64(0).Pad(32).Bytes(64).ToArray());
        Assert.Contains("end past", e.Message);
        // element count overflowing 64 bits
        e = Fails(new GgufBytes().Header(3, 1, 0).Str("w").U32(2).U64(1UL << 40).U64(1UL << 40).U32(0).U64(0).Bytes(64).ToArray());
        Assert.Contains("overflows", e.Message);
    }

    [Fact]
    public void RejectsOverlappingTensors()
    {
        var bytes = new GgufBytes().Header(3, 2, 0)
            .Str("a").U32(1).U64(16).U32(0).U64(0)
            .Str("b").U32(1).U64(16).U32(0).U64(32)
            .Pad(32).Bytes(96).ToArray();
        // a holds 64 bytes from data offset 0, b starts at 32
        var e = Fails(bytes);
        Assert.Equal("tensor_infos['b'].offset", e.Field);
        Assert.Contains("overlaps 'a'", e.Message);
    }

    [Fact]
    public void RejectsBadAlignmentMetadata()
    {
        var bytes = new GgufBytes().Header(3, 0, 1).Str("general.alignment").U32((uint)GgufValueType.UInt32).U32(48).ToArray();
        Assert.Contains("power of two", Fails(bytes).Message);
    }
}
