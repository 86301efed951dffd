namespace Batuta.Inference.Formats.Gguf;

/// <summary>Metadata value types of the GGUF specification (<c>gguf_type</c>).</summary>
public enum GgufValueType : uint
{
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12,
}

internal static class GgufValueTypes
{
    public static bool IsDefined(uint raw) => raw <= (uint)GgufValueType.Float64;

    /// <summary>Smallest encoding of one value, used to bound counts before allocating.</summary>
    public static int MinBytes(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 or GgufValueType.String => 8,
        GgufValueType.Array => 12,
        _ => 1,
    };
}
