namespace Batuta.Inference.Quantization;

internal static class Blocks
{
    /// <summary>Checks that a quantized buffer and a float buffer describe the same whole number of blocks.</summary>
    public static void Check<TQ, TF>(ReadOnlySpan<TQ> quantized, ReadOnlySpan<TF> floats, int blockElements, int blockBytes)
    {
        if (floats.Length % blockElements != 0)
            throw new ArgumentException($"{floats.Length} values is not a whole number of {blockElements}-element blocks");
        if ((long)quantized.Length != (long)floats.Length / blockElements * blockBytes)
            throw new ArgumentException($"{quantized.Length} bytes does not hold {floats.Length / blockElements} blocks of {blockBytes} bytes");
    }

    public static void Check<TQ, TF>(Span<TQ> quantized, ReadOnlySpan<TF> floats, int blockElements, int blockBytes) =>
        Check((ReadOnlySpan<TQ>)quantized, floats, blockElements, blockBytes);

    public static void Check<TQ, TF>(ReadOnlySpan<TQ> quantized, Span<TF> floats, int blockElements, int blockBytes) =>
        Check(quantized, (ReadOnlySpan<TF>)floats, blockElements, blockBytes);
}
