using System.Runtime.InteropServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The C library's log1p, asinh, atan2 and hypot, which CPython's cmath calls: .NET has no log1p (double.LogP1 is
/// log(1 + x), which loses the low bits) and its Asinh, Atan2 and Hypot differ from libm's in the last bit. Where
/// libm cannot be loaded, log(u) * x / (u - 1) with u = 1 + x keeps log1p's precision to an ulp or two, and .NET's
/// own functions serve for the others.
/// </summary>
internal static class LibM
{
    private delegate double Unary(double x);

    private delegate double Binary(double x, double y);

    private static readonly Unary? NativeLog1p = Load<Unary>("log1p"), NativeAsinh = Load<Unary>("asinh");
    private static readonly Binary? NativeAtan2 = Load<Binary>("atan2"), NativeHypot = Load<Binary>("hypot");

    private static TDelegate? Load<TDelegate>(string name)
        where TDelegate : Delegate
    {
        foreach (var lib in new[] { "libm.so.6", "libm.dylib", "ucrtbase.dll" })
            if (NativeLibrary.TryLoad(lib, out var handle) && NativeLibrary.TryGetExport(handle, name, out var f))
                return Marshal.GetDelegateForFunctionPointer<TDelegate>(f);
        return null;
    }

    public static double Log1p(double x)
    {
        if (NativeLog1p is { } native) return native(x);
        double u = 1.0 + x;
        return u - 1.0 == 0.0 ? x : Math.Log(u) * (x / (u - 1.0));
    }

    public static double Asinh(double x) => NativeAsinh is { } native ? native(x) : Math.Asinh(x);

    public static double Atan2(double y, double x) => NativeAtan2 is { } native ? native(y, x) : Math.Atan2(y, x);

    public static double Hypot(double x, double y) => NativeHypot is { } native ? native(x, y) : double.Hypot(x, y);
}
