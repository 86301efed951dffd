using System.Collections;
using System.Runtime.CompilerServices;
using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Numpy;

/// <summary>
/// <c>np.char</c>: Python's str methods element by element over string arrays. Case changes and strips keep the
/// input's width (numpy's <c>_vec_string</c> with the input dtype), <c>add</c> is as wide as both widths together,
/// <c>replace</c> as wide as its longest result.
/// </summary>
public static class NpChar
{
    private static NdArray Strs(object? a, string what)
    {
        var x = Np.AsArray(a);
        if (x.Kind != NpKind.Str) throw new TypeError($"string operation on non-string array ({what})");
        return x;
    }

    private static int Width(NdArray x) => x.DType.ItemSize / 4;

    private static NdArray Map(object? a, string what, Func<string, string> f, bool keepWidth = true)
    {
        var x = Strs(a, what);
        int w = Width(x);
        var r = x.ToStrings().Select(f).Select(s => keepWidth && s.Length > w ? s[..w] : s).ToArray();
        return NdArray.FromStrings(r, x.Dims, keepWidth ? w : 0);
    }

    private static NdArray Test(object? a, string what, Func<string, bool> f)
    {
        var x = Strs(a, what);
        return NdArray.FromBools(x.ToStrings().Select(f).ToArray(), x.Dims);
    }

    private static NdArray Count(object? a, string what, Func<string, long> f)
    {
        var x = Strs(a, what);
        return NdArray.FromLongs(x.ToStrings().Select(f).ToArray(), x.Dims);
    }

    public static NdArray Upper(object? a) => Map(a, "upper", PyStr.Upper);
    public static NdArray Lower(object? a) => Map(a, "lower", PyStr.Lower);
    public static NdArray Capitalize(object? a) => Map(a, "capitalize", PyStr.Capitalize);
    public static NdArray Title(object? a) => Map(a, "title", PyStr.Title);
    public static NdArray SwapCase(object? a) => Map(a, "swapcase", PyStr.SwapCase);
    public static NdArray Strip(object? a, string? chars = null) => Map(a, "strip", s => PyStr.Strip(s, chars));
    public static NdArray LStrip(object? a, string? chars = null) => Map(a, "lstrip", s => PyStr.LStrip(s, chars));
    public static NdArray RStrip(object? a, string? chars = null) => Map(a, "rstrip", s => PyStr.RStrip(s, chars));
    public static NdArray Replace(object? a, string old, string @new) => Map(a, "replace", s => PyStr.Replace(s, old, @new), keepWidth: false);
    public static NdArray ZFill(object? a, long width) => Map(a, "zfill", s => PyStr.ZFill(s, width), keepWidth: false);

    public static NdArray StartsWith(object? a, string prefix) => Test(a, "startswith", s => s.StartsWith(prefix, StringComparison.Ordinal));
    public static NdArray EndsWith(object? a, string suffix) => Test(a, "endswith", s => s.EndsWith(suffix, StringComparison.Ordinal));
    public static NdArray IsDigit(object? a) => Test(a, "isdigit", PyStr.IsDigit);
    public static NdArray IsAlpha(object? a) => Test(a, "isalpha", PyStr.IsAlpha);

    public static NdArray StrLen(object? a) => Count(a, "str_len", s => s.Length);
    public static NdArray Find(object? a, string sub) => Count(a, "find", s => PyStr.Find(s, sub));
    public static NdArray CountOf(object? a, string sub) => Count(a, "count", s => PyStr.Count(s, sub));

    /// <summary><c>np.char.add(x1, x2)</c>: concatenation, broadcast; the result is as wide as both widths together.</summary>
    public static NdArray Add(object? x1, object? x2)
    {
        var a = Strs(x1, "add");
        var b = Strs(x2, "add");
        var shape = NdArray.BroadcastShape(a.Dims, b.Dims, $"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape {NdArray.ShapeText(a.Dims)} and arg 1 with shape {NdArray.ShapeText(b.Dims)}.");
        int width = Width(a) + Width(b);
        var sa = a.BroadcastTo(shape).ToStrings();
        var sb = b.BroadcastTo(shape).ToStrings();
        return NdArray.FromStrings(sa.Zip(sb, (p, q) => p + q).ToArray(), shape, width);
    }
}
