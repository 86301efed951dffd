namespace Batuta.Inference.Quantization;

/// <summary>ggml tensor element types, with the numeric ids GGUF stores (ggml.h <c>enum ggml_type</c>).</summary>
public enum GgmlType : uint
{
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q8_1 = 9,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    Q8_K = 15,
    IQ2_XXS = 16,
    IQ2_XS = 17,
    IQ3_XXS = 18,
    IQ1_S = 19,
    IQ4_NL = 20,
    IQ3_S = 21,
    IQ2_S = 22,
    IQ4_XS = 23,
    I8 = 24,
    I16 = 25,
    I32 = 26,
    I64 = 27,
    F64 = 28,
    IQ1_M = 29,
    BF16 = 30,
    TQ1_0 = 34,
    TQ2_0 = 35,
    MXFP4 = 39,
}

/// <summary>Block geometry of each type: how many elements a block holds and how many bytes it takes.</summary>
public static class GgmlTypes
{
    /// <summary>Elements per super-block of the K-quants.</summary>
    public const int QK_K = 256;

    public static bool TryGetLayout(GgmlType type, out int blockElements, out int blockBytes)
    {
        (blockElements, blockBytes) = type switch
        {
            GgmlType.F32 => (1, 4),
            GgmlType.F16 => (1, 2),
            GgmlType.BF16 => (1, 2),
            GgmlType.F64 => (1, 8),
            GgmlType.I8 => (1, 1),
            GgmlType.I16 => (1, 2),
            GgmlType.I32 => (1, 4),
            GgmlType.I64 => (1, 8),
            GgmlType.Q4_0 => (32, 18),
            GgmlType.Q4_1 => (32, 20),
            GgmlType.Q5_0 => (32, 22),
            GgmlType.Q5_1 => (32, 24),
            GgmlType.Q8_0 => (32, 34),
            GgmlType.Q8_1 => (32, 36),
            GgmlType.IQ4_NL => (32, 18),
            GgmlType.MXFP4 => (32, 17),
            GgmlType.Q2_K => (QK_K, 84),
            GgmlType.Q3_K => (QK_K, 110),
            GgmlType.Q4_K => (QK_K, 144),
            GgmlType.Q5_K => (QK_K, 176),
            GgmlType.Q6_K => (QK_K, 210),
            GgmlType.Q8_K => (QK_K, 292),
            GgmlType.IQ2_XXS => (QK_K, 66),
            GgmlType.IQ2_XS => (QK_K, 74),
            GgmlType.IQ3_XXS => (QK_K, 98),
            GgmlType.IQ1_S => (QK_K, 50),
            GgmlType.IQ3_S => (QK_K, 110),
            GgmlType.IQ2_S => (QK_K, 82),
            GgmlType.IQ4_XS => (QK_K, 136),
            GgmlType.IQ1_M => (QK_K, 56),
            GgmlType.TQ1_0 => (QK_K, 54),
            GgmlType.TQ2_0 => (QK_K, 66),
            _ => (0, 0),
        };
        return blockElements > 0;
    }

    public static int BlockElements(GgmlType type) =>
        TryGetLayout(type, out int n, out _) ? n : throw new NotSupportedException($"unknown ggml type id {(uint)type}");

    public static int BlockBytes(GgmlType type) =>
        TryGetLayout(type, out _, out int b) ? b : throw new NotSupportedException($"unknown ggml type id {(uint)type}");

    /// <summary>Bytes of one row of <paramref name="elements"/> values (must be a whole number of blocks).</summary>
    public static long RowBytes(GgmlType type, long elements)
    {
        TryGetLayout(type, out int n, out int b);
        if (n == 0 || elements % n != 0)
            throw new ArgumentException($"{elements} elements is not a whole number of {type} blocks of {n}");
        return elements / n * b;
    }

    /// <summary>The types Batuta.Inference can compute with (dequantize and multiply).</summary>
    public static bool IsComputable(GgmlType type) => type is GgmlType.F32 or GgmlType.F16 or GgmlType.BF16
        or GgmlType.Q8_0 or GgmlType.Q4_0 or GgmlType.Q4_K or GgmlType.Q5_K or GgmlType.Q6_K;

    public static string ComputableList => "F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q5_K, Q6_K";
}
