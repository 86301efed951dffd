using System.Text;

namespace Batuta.Inference.Tests.Support;

/// <summary>Hand-assembles GGUF bytes, including malformed ones the writer would refuse to produce.</summary>
public sealed class GgufBytes
{
    private readonly MemoryStream _ms = new();
    private readonly BinaryWriter _w;

    public GgufBytes() => _w = new BinaryWriter(_ms, Encoding.UTF8, leaveOpen: true);

    public long Position => _ms.Position;

    public GgufBytes U8(byte v) { _w.Write(v); return this; }
    public GgufBytes U32(uint v) { _w.Write(v); return this; }
    public GgufBytes U64(ulong v) { _w.Write(v); return this; }
    public GgufBytes F32(float v) { _w.Write(v); return this; }

    public GgufBytes Str(string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        _w.Write((ulong)b.Length);
        _w.Write(b);
        return this;
    }

    public GgufBytes Header(uint version, ulong tensors, ulong kvs) => U32(0x46554747).U32(version).U64(tensors).U64(kvs);

    public GgufBytes Pad(int alignment)
    {
        while (_ms.Position % alignment != 0) _w.Write((byte)0);
        return this;
    }

    public GgufBytes Bytes(int count, byte value = 0)
    {
        for (int i = 0; i < count; i++) _w.Write(value);
        return this;
    }

    public byte[] ToArray()
    {
        _w.Flush();
        return _ms.ToArray();
    }
}
