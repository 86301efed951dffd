using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Arithmetic on Python ints the transpiler proved to fit in a C# <c>long</c> (see docs/transpiler.md,
/// "Integer ranges"). Plain C# operators cover the cases whose result range is proven; these helpers carry
/// Python semantics the operators do not (floor division, shifts, true division) or guard a proof that rests
/// on a run-time fact (a counter's step count, an index that can never be valid).
/// </summary>
public static partial class Ops
{
    /// <summary>
    /// The bound of a counter: a variable changed only by steps of at most 16 from a start within ±2**40
    /// needs more than 2**57 steps (years of nonstop counting) to pass it. The transpiler types such a
    /// variable as a long within ±2**62; the step checks the bound, so the impossible case raises
    /// instead of computing a wrong value.
    /// </summary>
    public const long CounterLimit = 1L << 62;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long StepUp(long value, long step)
    {
        long r = value + step;
        if (r > CounterLimit) ThrowCounter();
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long StepDown(long value, long step)
    {
        long r = value - step;
        if (r < -CounterLimit) ThrowCounter();
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCounter() => throw new OverflowError("int counter left its proven range (2**62); Batuta types it as a 64-bit value");

    /// <summary>a + b used as a sequence index: past the long range no index is valid, which CPython reports so.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long IndexAdd(long a, long b)
    {
        long r = unchecked(a + b);
        if (((a ^ r) & (b ^ r)) < 0) ThrowIndexSize();
        return r;
    }

    /// <summary>a - b used as a sequence index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long IndexSub(long a, long b)
    {
        long r = unchecked(a - b);
        if (((a ^ b) & (a ^ r)) < 0) ThrowIndexSize();
        return r;
    }

    /// <summary>a + b where the value must be a 64-bit int (a range() bound): OverflowError past it, as converting a PyInt would.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long CheckedAdd(long a, long b)
    {
        long r = unchecked(a + b);
        if (((a ^ r) & (b ^ r)) < 0) ThrowTooLarge();
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long CheckedSub(long a, long b)
    {
        long r = unchecked(a - b);
        if (((a ^ b) & (a ^ r)) < 0) ThrowTooLarge();
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ThrowTooLarge() => throw new OverflowError("Python int too large to convert to C long");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ThrowIndexSize() => throw new IndexError("cannot fit 'int' into an index-sized integer");

    /// <summary>int / int: the correctly rounded float, as CPython's long_true_divide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TrueDiv(long a, long b)
    {
        if (b != 0 && (ulong)(a + (1L << 53)) <= (1UL << 54) && (ulong)(b + (1L << 53)) <= (1UL << 54)) return (double)a / b;
        return PyInt.TrueDiv(a, b);
    }

    /// <summary>a &lt;&lt; n where the transpiler proved the result fits in a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Shl(long a, long n) => n >= 0 ? a << (int)n : ThrowNegativeShift();

    /// <summary>Python's arithmetic shift right (a negative count is an error; 64 and more leave the sign).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Shr(long a, long n) => n >= 0 ? (n >= 64 ? (a < 0 ? -1 : 0) : a >> (int)n) : ThrowNegativeShift();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ThrowNegativeShift() => throw new ValueError("negative shift count");

    /// <summary>a ** e for a literal e ≥ 0 where the transpiler proved the result fits in a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Pow(long a, int e)
    {
        long r = 1;
        while (e > 0)
        {
            if ((e & 1) != 0) r *= a;
            e >>= 1;
            if (e > 0) a *= a;
        }
        return r;
    }

    /// <summary>x % m for any int x and a long m: the result lies between 0 and m, so it is a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Mod(PyInt x, long m) => x.IsSmall ? Mod(x.Small, m) : (long)(x % m);

    /// <summary>x &amp; m for any int x and a long m ≥ 0: the result lies in [0, m].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long And(PyInt x, long m) => x.IsSmall ? x.Small & m : (long)(x & m);

    /// <summary>|x| where the transpiler proved x is not long.MinValue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Abs(long x) => x < 0 ? -x : x;

    /// <summary>divmod of two longs (the caller proved the quotient fits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (long, long) DivMod(long a, long b) => (FloorDiv(a, b), Mod(a, b));
}
