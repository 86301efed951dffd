namespace Batuta.Inference.Formats.SafeTensors;

/// <summary>Element types of the safetensors format, by the names its JSON header uses.</summary>
public enum SafeTensorsDType
{
    BOOL,
    U8,
    I8,
    F8_E5M2,
    F8_E4M3,
    I16,
    U16,
    F16,
    BF16,
    I32,
    U32,
    F32,
    F64,
    I64,
    U64,
}

public static class SafeTensorsDTypes
{
    public static int Size(SafeTensorsDType t) => t switch
    {
        SafeTensorsDType.BOOL or SafeTensorsDType.U8 or SafeTensorsDType.I8 or SafeTensorsDType.F8_E5M2 or SafeTensorsDType.F8_E4M3 => 1,
        SafeTensorsDType.I16 or SafeTensorsDType.U16 or SafeTensorsDType.F16 or SafeTensorsDType.BF16 => 2,
        SafeTensorsDType.I32 or SafeTensorsDType.U32 or SafeTensorsDType.F32 => 4,
        _ => 8,
    };

    public static bool TryParse(string name, out SafeTensorsDType type) =>
        Enum.TryParse(name, ignoreCase: false, out type) && Enum.IsDefined(type) && name == type.ToString();
}
