namespace Batuta.Generators.Kernels.Model;

/// <summary>The element types a kernel computes with. <see cref="Bool"/> only appears inside bodies (conditions).</summary>
internal enum ScalarType
{
    Float,
    Double,
    Int,
    Long,
    Bool,
}

internal static class ScalarTypes
{
    public static string Keyword(this ScalarType t) => t switch
    {
        ScalarType.Float => "float",
        ScalarType.Double => "double",
        ScalarType.Int => "int",
        ScalarType.Long => "long",
        _ => "bool",
    };

    /// <summary>A short code for names: f, d, i, l.</summary>
    public static char Code(this ScalarType t) => t switch
    {
        ScalarType.Float => 'f',
        ScalarType.Double => 'd',
        ScalarType.Int => 'i',
        ScalarType.Long => 'l',
        _ => 'b',
    };

    /// <summary>Bits per lane; 0 for bool (a mask takes the kernel's lane width).</summary>
    public static int Bits(this ScalarType t) => t switch
    {
        ScalarType.Float or ScalarType.Int => 32,
        ScalarType.Double or ScalarType.Long => 64,
        _ => 0,
    };

    public static int Size(this ScalarType t) => t.Bits() / 8;

    public static bool IsFloatingPoint(this ScalarType t) => t is ScalarType.Float or ScalarType.Double;

    public static bool IsInteger(this ScalarType t) => t is ScalarType.Int or ScalarType.Long;

    /// <summary>The integer lane type that holds comparison masks for lanes of <paramref name="bits"/> bits.</summary>
    public static ScalarType MaskOf(int bits) => bits == 64 ? ScalarType.Long : ScalarType.Int;
}
