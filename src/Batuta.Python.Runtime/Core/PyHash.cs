using System.Numerics;

namespace Batuta.Python.Runtime;

/// <summary>CPython's hash values where they decide observable behaviour (set iteration order).</summary>
public static class PyHash
{
    private const long Modulus = (1L << 61) - 1;

    public static long Int(PyInt v)
    {
        if (v.IsSmall)
        {
            long x = v.Small;
            ulong a = x < 0 ? (ulong)(-(x + 1)) + 1 : (ulong)x;
            long h = (long)(a % (ulong)Modulus);
            if (x < 0) h = -h;
            return h == -1 ? -2 : h;
        }
        var b = v.ToBig();
        var r = (long)(BigInteger.Abs(b) % Modulus);
        if (b.Sign < 0) r = -r;
        return r == -1 ? -2 : r;
    }

    public static long Float(double d)
    {
        if (double.IsInfinity(d)) return d > 0 ? 314159 : -314159;
        if (double.IsNaN(d)) return 0;
        if (d == Math.Floor(d) && Math.Abs(d) < 9.2e18) return Int((long)d);
        // CPython's _Py_HashDouble
        double m = Math.Abs(d);
        int e = 0;
        // frexp
        long bits = BitConverter.DoubleToInt64Bits(m);
        int be = (int)((bits >> 52) & 0x7FF);
        if (be == 0) { m *= 1L << 54; bits = BitConverter.DoubleToInt64Bits(m); be = (int)((bits >> 52) & 0x7FF); e = -54; }
        e += be - 1022;
        m = BitConverter.Int64BitsToDouble((bits & ~(0x7FFL << 52)) | (1022L << 52));
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & (ulong)Modulus) | x >> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= (ulong)Modulus) x -= (ulong)Modulus;
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & (ulong)Modulus) | x >> (61 - e);
        long h = (long)x;
        if (d < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /// <summary>The hash used for set placement, or null when CPython's value is not reproducible (str, objects).</summary>
    public static long? Of(object? o) => o switch
    {
        bool b => b ? 1 : 0,
        PyInt i => Int(i),
        long l => Int(l),
        int n => Int(n),
        double d => Float(d),
        System.Runtime.CompilerServices.ITuple t => Tuple(t),
        _ => null,
    };

    private static long? Tuple(System.Runtime.CompilerServices.ITuple t)
    {
        // CPython 3.8+ tuplehash (xxHash-based)
        const ulong P1 = 11400714785074694791UL, P2 = 14029467366897019727UL, P5 = 2870177450012600261UL;
        ulong acc = P5;
        for (int i = 0; i < t.Length; i++)
        {
            var h = Of(t[i]);
            if (h is null) return null;
            ulong lane = (ulong)h.Value;
            acc += lane * P2;
            acc = (acc << 31) | (acc >> 33);
            acc *= P1;
        }
        acc += (ulong)t.Length ^ (P5 ^ 3527539UL);
        if (acc == ulong.MaxValue) return 1546275796;
        return (long)acc;
    }
}
