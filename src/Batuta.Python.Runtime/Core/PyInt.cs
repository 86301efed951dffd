using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime;

/// <summary>
/// Python's <c>int</c>: a 64-bit value on the fast path, promoted to <see cref="BigInteger"/> when an
/// operation overflows. Floor division and modulo follow Python's signs (toward negative infinity).
/// </summary>
public readonly struct PyInt : IEquatable<PyInt>, IComparable<PyInt>, IComparable, IPyObject
{
    private readonly long _small;
    private readonly object? _big; // boxed BigInteger outside the long range, else null

    public PyInt(long value) { _small = value; _big = null; }

    private PyInt(BigInteger value, bool _)
    {
        _small = 0;
        _big = value;
    }

    public static PyInt FromBig(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? new PyInt((long)value) : new PyInt(value, true);

    public bool IsSmall => _big is null;

    public long Small => _small;

    public BigInteger ToBig() => _big is null ? new BigInteger(_small) : (BigInteger)_big;

    public static implicit operator PyInt(long v) => new(v);
    public static implicit operator PyInt(int v) => new(v);
    public static implicit operator PyInt(BigInteger v) => FromBig(v);
    public static implicit operator BigInteger(PyInt v) => v.ToBig();
    public static implicit operator double(PyInt v) => v.ToDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static explicit operator long(PyInt v) => v._big is null ? v._small : ThrowTooLarge();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ThrowTooLarge() => throw new OverflowError("Python int too large to convert to C long");

    public static explicit operator int(PyInt v) =>
        v._big is null && v._small is >= int.MinValue and <= int.MaxValue ? (int)v._small : throw new OverflowError("Python int too large to convert to C int");

    /// <summary>As a sequence index (IndexError-compatible message when it cannot be one).</summary>
    public long AsIndex
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _big is null ? _small : Ops.ThrowIndexSize();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ToDouble() => _big is null ? _small : BigToDouble();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double BigToDouble()
    {
        // BigInteger's own conversion truncates (10**30 gave 9.999999999999999e+29); CPython rounds half to even.
        return BigMath.ToDouble((BigInteger)_big.OrThrow());
    }

    public int Sign => _big is null ? Math.Sign(_small) : ((BigInteger)_big).Sign;

    public bool IsZero => _big is null && _small == 0;

    // The fast paths are small enough to inline; every BigInteger path is a separate, never-inlined call,
    // so a PyInt that stays in the long range costs a null test and an overflow test per operation.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator +(PyInt a, PyInt b)
    {
        long r = unchecked(a._small + b._small);
        if ((a._big ?? b._big) is null && ((a._small ^ r) & (b._small ^ r)) >= 0) return new PyInt(r);
        return AddSlow(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt AddSlow(PyInt a, PyInt b) => FromBig(a.ToBig() + b.ToBig());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator -(PyInt a, PyInt b)
    {
        long r = unchecked(a._small - b._small);
        if ((a._big ?? b._big) is null && ((a._small ^ b._small) & (a._small ^ r)) >= 0) return new PyInt(r);
        return SubSlow(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt SubSlow(PyInt a, PyInt b) => FromBig(a.ToBig() - b.ToBig());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator *(PyInt a, PyInt b)
    {
        if ((a._big ?? b._big) is null)
        {
            long hi = Math.BigMul(a._small, b._small, out long lo);
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return new PyInt(lo);
        }
        return MulSlow(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt MulSlow(PyInt a, PyInt b) => FromBig(a.ToBig() * b.ToBig());

    public static PyInt operator -(PyInt a) => a._big is null && a._small != long.MinValue ? new PyInt(-a._small) : FromBig(-a.ToBig());
    public static PyInt operator +(PyInt a) => a;
    public static PyInt operator ~(PyInt a) => a._big is null ? new PyInt(~a._small) : FromBig(-a.ToBig() - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator &(PyInt a, PyInt b) => (a._big ?? b._big) is null ? new PyInt(a._small & b._small) : BitSlow(a, b, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator |(PyInt a, PyInt b) => (a._big ?? b._big) is null ? new PyInt(a._small | b._small) : BitSlow(a, b, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator ^(PyInt a, PyInt b) => (a._big ?? b._big) is null ? new PyInt(a._small ^ b._small) : BitSlow(a, b, 2);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt BitSlow(PyInt a, PyInt b, int op) => op switch
    {
        0 => FromBig(a.ToBig() & b.ToBig()),
        1 => FromBig(a.ToBig() | b.ToBig()),
        _ => FromBig(a.ToBig() ^ b.ToBig()),
    };

    // Shifts: the fast path (both small, a count in [0, 63), no bits lost) inlines; the checks and BigInteger
    // paths are one never-inlined call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator <<(PyInt a, PyInt b)
    {
        if ((a._big ?? b._big) is null && (ulong)b._small < 63)
        {
            long r = a._small << (int)b._small;
            if (r >> (int)b._small == a._small) return new PyInt(r);
        }
        return ShlSlow(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt ShlSlow(PyInt a, PyInt b)
    {
        if (b.Sign < 0) throw new ValueError("negative shift count");
        long n = (long)b;
        if (a._big is null && n < 63)
        {
            long r = a._small << (int)n;
            if (r >> (int)n == a._small) return new PyInt(r);
        }
        if (n > int.MaxValue) throw new OverflowError("too many digits in integer");
        return FromBig(a.ToBig() << (int)n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator >>(PyInt a, PyInt b) =>
        (a._big ?? b._big) is null && (ulong)b._small < 64 ? new PyInt(a._small >> (int)b._small) : ShrSlow(a, b);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt ShrSlow(PyInt a, PyInt b)
    {
        if (b.Sign < 0) throw new ValueError("negative shift count");
        // a count of 64 and more leaves a long's sign; a BigInteger still floors (-(2**70+5) >> 64 is -65)
        if (!b.IsSmall || b._small >= 64) return a._big is null ? new PyInt(a._small < 0 ? -1 : 0) : FromBig(a.ToBig() >> (int)Math.Min(b.IsSmall ? b._small : int.MaxValue, int.MaxValue));
        return a._big is null ? new PyInt(a._small >> (int)b._small) : FromBig(a.ToBig() >> (int)b._small);
    }

    /// <summary>Python <c>//</c>: floor division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt FloorDiv(PyInt a, PyInt b)
    {
        if ((a._big ?? b._big) is null && b._small != 0 && !(a._small == long.MinValue && b._small == -1))
        {
            long q = a._small / b._small;
            if ((a._small % b._small != 0) && ((a._small ^ b._small) < 0)) q--;
            return new PyInt(q);
        }
        return FloorDivSlow(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt FloorDivSlow(PyInt a, PyInt b)
    {
        if (b.IsZero) throw new ZeroDivisionError("integer division or modulo by zero");
        var bq = BigInteger.DivRem(a.ToBig(), b.ToBig(), out var rem);
        if (!rem.IsZero && (rem.Sign < 0) != (b.Sign < 0)) bq -= 1;
        return FromBig(bq);
    }

    /// <summary>Python <c>%</c>: the result has the divisor's sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyInt operator %(PyInt a, PyInt b)
    {
        if ((a._big ?? b._big) is null && b._small != 0 && b._small != -1)
        {
            long r = a._small % b._small;
            if (r != 0 && ((r ^ b._small) < 0)) r += b._small;
            return new PyInt(r);
        }
        return ModSlow(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyInt ModSlow(PyInt a, PyInt b)
    {
        if (b.IsZero) throw new ZeroDivisionError("integer modulo by zero");
        if (b.IsSmall && b._small == -1) return new PyInt(0);
        var br = BigInteger.Remainder(a.ToBig(), b.ToBig());
        if (!br.IsZero && (br.Sign < 0) != (b.Sign < 0)) br += b.ToBig();
        return FromBig(br);
    }

    /// <summary>Python's true division of ints gives a correctly rounded float.</summary>
    public static double TrueDiv(PyInt a, PyInt b)
    {
        if (b.IsZero) throw new ZeroDivisionError("division by zero");
        if ((a._big ?? b._big) is null && Math.Abs(a._small) < (1L << 53) && Math.Abs(b._small) < (1L << 53)) return (double)a._small / b._small;
        return BigMath.TrueDivide(a.ToBig(), b.ToBig());
    }

    public static PyInt Pow(PyInt a, long e)
    {
        if (e < 0) throw new ArgumentOutOfRangeException(nameof(e));
        if (a._big is null)
        {
            long result = 1, b = a._small;
            long n = e;
            bool overflow = false;
            while (n > 0)
            {
                if ((n & 1) != 0)
                {
                    long hi = Math.BigMul(result, b, out long lo);
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { overflow = true; break; }
                    result = lo;
                }
                n >>= 1;
                if (n > 0)
                {
                    long hi = Math.BigMul(b, b, out long lo);
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) { overflow = true; break; }
                    b = lo;
                }
            }
            if (!overflow) return new PyInt(result);
        }
        if (e > int.MaxValue) throw new OverflowError("exponent too large");
        return FromBig(BigInteger.Pow(a.ToBig(), (int)e));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(PyInt a, PyInt b) => (a._big ?? b._big) is null ? a._small == b._small : CompareSlow(a, b) == 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(PyInt a, PyInt b) => !(a == b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(PyInt a, PyInt b) => (a._big ?? b._big) is null ? a._small < b._small : CompareSlow(a, b) < 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(PyInt a, PyInt b) => (a._big ?? b._big) is null ? a._small > b._small : CompareSlow(a, b) > 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(PyInt a, PyInt b) => (a._big ?? b._big) is null ? a._small <= b._small : CompareSlow(a, b) <= 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(PyInt a, PyInt b) => (a._big ?? b._big) is null ? a._small >= b._small : CompareSlow(a, b) >= 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CompareSlow(PyInt a, PyInt b) => a.ToBig().CompareTo(b.ToBig());

    public static PyInt Abs(PyInt a) => a.Sign < 0 ? -a : a;

    public bool Equals(PyInt other) => this == other;
    public override bool Equals(object? obj) => obj is PyInt i ? this == i : obj is long l ? this == l : obj is int n ? this == n : obj is bool b ? this == (b ? 1 : 0) : obj is double d && Ops.Eq(this, d);
    public override int GetHashCode() => (int)PyHash.Int(this);
    public int CompareTo(PyInt other) => this < other ? -1 : this > other ? 1 : 0;
    public int CompareTo(object? obj) => obj is PyInt i ? CompareTo(i) : obj is long l ? CompareTo(new PyInt(l)) : throw new TypeError("'<' not supported");

    /// <summary>int.bit_count(): the number of ones in the absolute value.</summary>
    public int BitCount()
    {
        if (_big is null) return BitOperations.PopCount(_small < 0 ? (ulong)(-(_small + 1)) + 1 : (ulong)_small);
        return BigInteger.Abs((BigInteger)_big).ToByteArray().Sum(b => BitOperations.PopCount(b));
    }

    public int BitLength()
    {
        if (_big is null)
        {
            ulong v = _small < 0 ? (ulong)(-(_small + 1)) + 1 : (ulong)_small;
            return 64 - BitOperations.LeadingZeroCount(v);
        }
        return (int)BigInteger.Abs((BigInteger)_big).GetBitLength();
    }

    public override string ToString() => _big is null ? _small.ToString(CultureInfo.InvariantCulture) : ((BigInteger)_big).ToString(CultureInfo.InvariantCulture);
    public string PyRepr() => ToString();
    public string PyStr() => ToString();

    public static PyInt Parse(string text, int radix = 10)
    {
        if (!TryParse(text, radix, out var v))
            throw new ValueError($"invalid literal for int() with base {radix}: {Repr.Of(text)}");
        return v;
    }

    public static bool TryParse(string text, int radix, out PyInt value)
    {
        value = default;
        var s = text.Trim().Replace("_", "");
        if (s.Length == 0 || text.Trim().StartsWith('_') || text.Trim().EndsWith('_') || text.Contains("__", StringComparison.Ordinal)) return false;
        bool neg = false;
        if (s[0] is '+' or '-') { neg = s[0] == '-'; s = s[1..]; }
        if (radix == 0)
        {
            radix = 10;
            if (s.Length > 1 && s[0] == '0')
            {
                char p = char.ToLowerInvariant(s[1]);
                radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
                if (radix == 0) return s.All(c => c == '0') && (value = 0) == 0;
                s = s[2..];
            }
        }
        else if (s.Length > 1 && s[0] == '0' && ((radix == 16 && char.ToLowerInvariant(s[1]) == 'x') || (radix == 8 && char.ToLowerInvariant(s[1]) == 'o') || (radix == 2 && char.ToLowerInvariant(s[1]) == 'b')))
        {
            s = s[2..];
        }
        if (s.Length == 0) return false;
        BigInteger acc = BigInteger.Zero;
        long small = 0;
        bool isBig = false;
        foreach (char ch in s)
        {
            int d = ch is >= '0' and <= '9' ? ch - '0' : ch is >= 'a' and <= 'z' ? ch - 'a' + 10 : ch is >= 'A' and <= 'Z' ? ch - 'A' + 10 : char.IsDigit(ch) ? (int)char.GetNumericValue(ch) : 99;
            if (d >= radix) return false;
            if (!isBig)
            {
                long hi = Math.BigMul(small, radix, out long lo);
                if (hi == 0 && lo >= 0 && lo <= long.MaxValue - d) { small = lo + d; continue; }
                isBig = true;
                acc = small;
            }
            acc = acc * radix + d;
        }
        value = isBig ? FromBig(neg ? -acc : acc) : new PyInt(neg ? -small : small);
        return true;
    }
}

/// <summary>Exact big-integer helpers CPython has in longobject.c.</summary>
internal static class BigMath
{
    /// <summary>v correctly rounded to the nearest double (ties to even), as CPython's PyLong_AsDouble.</summary>
    public static double ToDouble(BigInteger v)
    {
        var a = BigInteger.Abs(v);
        long bits = (long)a.GetBitLength();
        if (bits <= 53) return (double)v; // exact
        int extra = (int)Math.Min(bits - 53, 2000);
        var q = a >> extra;
        var rest = a - (q << extra);
        var half = BigInteger.One << (extra - 1);
        if (rest > half || (rest == half && !q.IsEven)) q += 1;
        // q is at most 2**53 here, so the double is exact and ScaleB only moves the exponent.
        if (extra + (long)q.GetBitLength() > 1024) throw new OverflowError("int too large to convert to float");
        return v.Sign * Math.ScaleB((double)(long)q, extra);
    }

    /// <summary>a / b correctly rounded to the nearest double (ties to even), as CPython's long_true_divide.</summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        bool neg = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero) return neg ? -0.0 : 0.0;
        // Scale so the quotient has 54+ significant bits, then round half to even using the remainder.
        long shift = (long)a.GetBitLength() - (long)b.GetBitLength() - 55;
        BigInteger n = shift < 0 ? a << (int)-shift : a;
        BigInteger d = shift > 0 ? b << (int)shift : b;
        var q = BigInteger.DivRem(n, d, out var r);
        // q has 55 or 56 bits; reduce to 53 with round-half-even, sticky bit from r.
        int extra = (int)q.GetBitLength() - 53;
        var mask = (BigInteger.One << extra) - 1;
        var low = q & mask;
        q >>= extra;
        var half = BigInteger.One << (extra - 1);
        if (low > half || (low == half && (!r.IsZero || !q.IsEven))) q += 1;
        else if (low == half && r.IsZero && q.IsEven) { }
        long exp = shift + extra;
        if (exp + (long)q.GetBitLength() > 1024) throw new OverflowError("integer division result too large for a float");
        double m = (double)q;
        return (neg ? -1 : 1) * Math.ScaleB(m, (int)Math.Max(exp, -2000));
    }
}
