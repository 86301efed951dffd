using System.Globalization;
using System.Numerics;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// <c>datetime.timedelta</c>: days, seconds (0..86399) and microseconds (0..999999), normalised as CPython does
/// (days carry the sign); float arguments are summed exactly and rounded half to even to a microsecond.
/// </summary>
public sealed class PyTimeDelta : PyObject, IPyOrdered, IPyNumber, IPyHashable, IPyBool, IPyAttributes, IPyKeywordMethods, Text.IPyFormattable
{
    internal const long MicrosPerDay = 86_400_000_000L;
    private const long MaxDays = 999_999_999;

    public PyTimeDelta(BigInteger totalMicroseconds)
    {
        var days = BigInteger.Divide(totalMicroseconds, MicrosPerDay);
        var rest = totalMicroseconds - days * MicrosPerDay;
        if (rest < 0) { days -= 1; rest += MicrosPerDay; }
        if (BigInteger.Abs(days) > MaxDays) throw new OverflowError($"days={days}; must have magnitude <= {MaxDays}");
        Days = (long)days;
        Seconds = (long)(rest / 1_000_000);
        Microseconds = (long)(rest % 1_000_000);
    }

    /// <summary><c>timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)</c>.</summary>
    public static PyTimeDelta Create(object? days = null, object? seconds = null, object? microseconds = null, object? milliseconds = null, object? minutes = null, object? hours = null, object? weeks = null)
    {
        // Exact rational sum (every double is n / 2^k), rounded once, half to even.
        BigInteger num = 0, den = 1;
        void Add(object? v, long scale)
        {
            var (n, d) = DateArgs.Number(v, "timedelta") switch
            {
                BigInteger i => (i, BigInteger.One),
                double f => Ratio(f),
                _ => (BigInteger.Zero, BigInteger.One),
            };
            (num, den) = (num * d + n * scale * den, den * d);
        }
        Add(days, MicrosPerDay); Add(seconds, 1_000_000); Add(microseconds, 1); Add(milliseconds, 1000);
        Add(minutes, 60_000_000); Add(hours, 3_600_000_000); Add(weeks, 7 * MicrosPerDay);
        return new PyTimeDelta(RoundHalfEven(num, den));
    }

    public long Days { get; }
    public long Seconds { get; }
    public long Microseconds { get; }
    public BigInteger TotalMicroseconds => (BigInteger)Days * MicrosPerDay + Seconds * 1_000_000L + Microseconds;
    public double TotalSeconds() => BigMath.TrueDivide(TotalMicroseconds, 1_000_000);

    public override string PyTypeName => "timedelta";

    public override string PyRepr()
    {
        var parts = new List<string>();
        if (Days != 0) parts.Add("days=" + Days.ToString(CultureInfo.InvariantCulture));
        if (Seconds != 0) parts.Add("seconds=" + Seconds.ToString(CultureInfo.InvariantCulture));
        if (Microseconds != 0) parts.Add("microseconds=" + Microseconds.ToString(CultureInfo.InvariantCulture));
        return "datetime.timedelta(" + (parts.Count == 0 ? "0" : string.Join(", ", parts)) + ")";
    }

    public override string PyStr()
    {
        long h = Seconds / 3600, m = Seconds / 60 % 60, s = Seconds % 60;
        var clock = string.Format(CultureInfo.InvariantCulture, "{0}:{1:D2}:{2:D2}", h, m, s);
        if (Microseconds != 0) clock += "." + Microseconds.ToString("D6", CultureInfo.InvariantCulture);
        if (Days == 0) return clock;
        return Days.ToString(CultureInfo.InvariantCulture) + (Math.Abs(Days) == 1 ? " day, " : " days, ") + clock;
    }

    public string PyFormat(string spec) => Text.Format.Apply(PyStr(), spec);

    public bool PyBool() => Days != 0 || Seconds != 0 || Microseconds != 0;
    public long PyHash() => Dyn.PyHashOf(PyInt.FromBig(TotalMicroseconds));
    public override bool Equals(object? obj) => obj is PyTimeDelta o && o.Days == Days && o.Seconds == Seconds && o.Microseconds == Microseconds;
    public override int GetHashCode() => HashCode.Combine(Days, Seconds, Microseconds);

    public int PyCompare(object? other) => other is PyTimeDelta o
        ? TotalMicroseconds.CompareTo(o.TotalMicroseconds)
        : throw DateArgs.NotOrderable(this, other);

    public object? PyAdd(object? other) => other switch
    {
        PyTimeDelta o => new PyTimeDelta(TotalMicroseconds + o.TotalMicroseconds),
        PyDate d => d.PyAdd(this),
        _ => throw DateArgs.Unsupported("+", this, other),
    };

    public object? PySub(object? other) => other is PyTimeDelta o ? new PyTimeDelta(TotalMicroseconds - o.TotalMicroseconds) : throw DateArgs.Unsupported("-", this, other);

    public object? PyMul(object? other) => DateArgs.Number(other, null) switch
    {
        BigInteger i => new PyTimeDelta(TotalMicroseconds * i),
        double f => Ratio(f) is var (n, d) ? new PyTimeDelta(RoundHalfEven(TotalMicroseconds * n, d)) : null,
        _ => throw DateArgs.Unsupported("*", this, other),
    };

    public object? PyTrueDiv(object? other) => other switch
    {
        PyTimeDelta o => BigMath.TrueDivide(TotalMicroseconds, o.TotalMicroseconds.IsZero ? throw new ZeroDivisionError("division by zero") : o.TotalMicroseconds),
        _ => DateArgs.Number(other, null) switch
        {
            BigInteger i when i.IsZero => throw new ZeroDivisionError("division by zero"),
            BigInteger i => new PyTimeDelta(RoundHalfEven(TotalMicroseconds, i)),
            double f when f == 0 => throw new ZeroDivisionError("division by zero"),
            double f => Ratio(f) is var (n, d) ? new PyTimeDelta(RoundHalfEven(TotalMicroseconds * d, n)) : null,
            _ => throw DateArgs.Unsupported("/", this, other),
        },
    };

    /// <summary><c>td // td</c> is an int, <c>td // n</c> a timedelta (floor).</summary>
    public object? FloorDiv(object? other)
    {
        if (other is PyTimeDelta o) return PyInt.FromBig(FloorDivide(TotalMicroseconds, o.TotalMicroseconds));
        if (DateArgs.Number(other, null) is BigInteger i) return new PyTimeDelta(FloorDivide(TotalMicroseconds, i));
        throw DateArgs.Unsupported("//", this, other);
    }

    public object? Mod(object? other)
    {
        if (other is not PyTimeDelta o) throw DateArgs.Unsupported("%", this, other);
        var q = FloorDivide(TotalMicroseconds, o.TotalMicroseconds);
        return new PyTimeDelta(TotalMicroseconds - q * o.TotalMicroseconds);
    }

    public PyTimeDelta Negate() => new(-TotalMicroseconds);
    public PyTimeDelta Abs() => Days < 0 ? Negate() : this;

    private static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new ZeroDivisionError("integer division or modulo by zero");
        var q = BigInteger.DivRem(a, b, out var r);
        return !r.IsZero && (r.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    /// <summary>n / d rounded to the nearest integer, ties to even (CPython's _divide_and_round).</summary>
    private static BigInteger RoundHalfEven(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0) { n = -n; d = -d; }
        var q = BigInteger.DivRem(n, d, out var r);
        if (r.Sign < 0) { q -= 1; r += d; }
        var twice = r * 2;
        return twice > d || (twice == d && !q.IsEven) ? q + 1 : q;
    }

    /// <summary>A finite double as an exact fraction (<c>float.as_integer_ratio</c>, not reduced).</summary>
    private static (BigInteger Num, BigInteger Den) Ratio(double f)
    {
        if (double.IsNaN(f) || double.IsInfinity(f)) throw new ValueError("cannot convert float " + Repr.Of(f) + " to integer");
        long bits = BitConverter.DoubleToInt64Bits(f);
        int exp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mantissa |= 1L << 52;
        exp -= 1075;
        BigInteger num = f < 0 ? -mantissa : mantissa;
        return exp >= 0 ? (num << exp, BigInteger.One) : (num, BigInteger.One << -exp);
    }

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "days" => new PyInt(Days),
            "seconds" => new PyInt(Seconds),
            "microseconds" => new PyInt(Microseconds),
            _ => null,
        };
        return value is not null;
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "total_seconds" => TotalSeconds(),
        "__abs__" => Abs(),
        "__neg__" => Negate(),
        _ => throw new AttributeError($"'datetime.timedelta' object has no attribute '{name}'"),
    };
}
