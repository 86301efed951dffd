using System.Numerics;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Inference
{
    /// <summary>
    /// Interval arithmetic for Python ints. An int whose value range is proven to lie inside the 64-bit range
    /// is carried as a C# <c>long</c> (<see cref="PyType.Long"/>); anything else stays a <c>PyInt</c>, which promotes
    /// to a big integer when it must. Each rule gives the exact range of the result from the ranges of the operands
    /// (computed in BigInteger, so the rule itself cannot overflow), or null when the result may leave the long range.
    /// </summary>
    internal static class IntRanges
    {
        /// <summary>len() and anything that counts elements of a .NET collection.</summary>
        public static readonly PyType Length = PyType.Long(0, int.MaxValue);

        /// <summary>A position returned by find/index: -1 or a length.</summary>
        public static readonly PyType Position = PyType.Long(-1, int.MaxValue);

        /// <summary>A counter's start must lie within ±2**40 for the counter rule (see Ops.CounterLimit).</summary>
        public const long CounterBase = 1L << 40;

        /// <summary>The largest literal step of a counter.</summary>
        public const long CounterStep = 16;

        public static PyType Constant(long v) => PyType.Long(v, v);

        private static PyType? Of(BigInteger lo, BigInteger hi) =>
            lo >= long.MinValue && hi <= long.MaxValue ? PyType.Long((long)lo, (long)hi) : null;

        private static PyType? Hull(params BigInteger[] values) => Of(values.Min(), values.Max());

        public static PyType? Add(PyType a, PyType b) => Of((BigInteger)a.Lo + b.Lo, (BigInteger)a.Hi + b.Hi);

        public static PyType? Sub(PyType a, PyType b) => Of((BigInteger)a.Lo - b.Hi, (BigInteger)a.Hi - b.Lo);

        public static PyType? Mul(PyType a, PyType b) =>
            Hull((BigInteger)a.Lo * b.Lo, (BigInteger)a.Lo * b.Hi, (BigInteger)a.Hi * b.Lo, (BigInteger)a.Hi * b.Hi);

        public static PyType? Neg(PyType a) => Of(-(BigInteger)a.Hi, -(BigInteger)a.Lo);

        public static PyType Invert(PyType a) => PyType.Long(-a.Hi - 1, -a.Lo - 1);

        public static PyType? Abs(PyType a)
        {
            if (a.Lo >= 0) return a;
            if (a.Hi <= 0) return Neg(a);
            return Of(0, BigInteger.Max(-(BigInteger)a.Lo, a.Hi));
        }

        /// <summary>Python floor division; a divisor range containing 0 raises at run time, so only non-zero divisors count.</summary>
        public static PyType? FloorDiv(PyType a, PyType b)
        {
            var divisors = new List<BigInteger>();
            if (b.Lo < 0) { divisors.Add(b.Lo); divisors.Add(BigInteger.Min(b.Hi, -1)); }
            if (b.Hi > 0) { divisors.Add(BigInteger.Max(b.Lo, 1)); divisors.Add(b.Hi); }
            if (divisors.Count == 0) return a; // only 0: always ZeroDivisionError
            var results = new List<BigInteger>();
            foreach (var d in divisors)
                foreach (var n in new BigInteger[] { a.Lo, a.Hi })
                    results.Add(FloorDivide(n, d));
            // The quotient is monotonic in each argument on each sign region of the divisor, so the corners bound it;
            // 0 is reached when |a| < |d| is possible.
            if (a.Lo <= 0 && a.Hi >= 0) results.Add(0);
            return Hull(results.ToArray());
        }

        private static BigInteger FloorDivide(BigInteger n, BigInteger d)
        {
            var q = BigInteger.DivRem(n, d, out var r);
            if (!r.IsZero && (r.Sign < 0) != (d.Sign < 0)) q -= 1;
            return q;
        }

        /// <summary>Python modulo: the result has the divisor's sign and a smaller magnitude, whatever the dividend.</summary>
        public static PyType Mod(PyType? a, PyType b)
        {
            long lo = b.Lo < 0 ? b.Lo + 1 : 0;
            long hi = b.Hi > 0 ? b.Hi - 1 : 0;
            // A non-negative dividend smaller than a positive divisor is returned unchanged.
            if (a is not null && a.Lo >= 0 && b.Lo > 0) hi = Math.Min(hi, a.Hi);
            return PyType.Long(lo, hi);
        }

        /// <summary>x ** e for a literal e ≥ 0: monotonic for odd e; for even e the minimum is 0 when the range spans it.</summary>
        public static PyType? Pow(PyType a, int e)
        {
            if (e == 0) return Constant(1);
            if (e > 64 && !(a.Lo >= -1 && a.Hi <= 1)) return null;
            BigInteger lo = BigInteger.Pow(a.Lo, e), hi = BigInteger.Pow(a.Hi, e);
            if (e % 2 == 1) return Of(lo, hi);
            var max = BigInteger.Max(lo, hi);
            var min = a.Lo <= 0 && a.Hi >= 0 ? BigInteger.Zero : BigInteger.Min(lo, hi);
            return Of(min, max);
        }

        /// <summary>x &lt;&lt; n: a negative count raises, so only counts ≥ 0 count.</summary>
        public static PyType? Shl(PyType a, PyType n)
        {
            long nHi = n.Hi;
            if (nHi < 0) return a;
            if (nHi > 63) return a.Lo == 0 && a.Hi == 0 ? a : null;
            var f = BigInteger.One << (int)nHi;
            return Hull(a.Lo, a.Hi, a.Lo * f, a.Hi * f);
        }

        /// <summary>x >> n never grows: it moves toward 0 (or -1).</summary>
        public static PyType Shr(PyType a) => PyType.Long(Math.Min(a.Lo, 0), Math.Max(a.Hi, 0));

        public static PyType And(PyType a, PyType b)
        {
            if (a.Lo >= 0 && b.Lo >= 0) return PyType.Long(0, Math.Min(a.Hi, b.Hi));
            if (a.Lo >= 0) return PyType.Long(0, a.Hi);
            if (b.Lo >= 0) return PyType.Long(0, b.Hi);
            return Bits(a, b, negativeResult: true);
        }

        public static PyType OrXor(PyType a, PyType b) => Bits(a, b, negativeResult: a.Lo < 0 || b.Lo < 0);

        /// <summary>Bitwise results stay within the two's-complement width of the wider operand.</summary>
        private static PyType Bits(PyType a, PyType b, bool negativeResult)
        {
            int w = Math.Max(Width(a), Width(b));
            if (w >= 63) return negativeResult ? PyType.LongFull : PyType.Long(0, long.MaxValue);
            long top = (1L << w) - 1;
            return negativeResult ? PyType.Long(-top - 1, top) : PyType.Long(0, top);
        }

        /// <summary>The smallest w with every value in [-2**w, 2**w - 1].</summary>
        private static int Width(PyType a)
        {
            int w = 0;
            while (w < 63 && (a.Lo < -(1L << w) || a.Hi > (1L << w) - 1)) w++;
            return w;
        }

        public static PyType Intersect(PyType a, long lo, long hi)
        {
            long l = Math.Max(a.Lo, lo), h = Math.Min(a.Hi, hi);
            return l <= h ? PyType.Long(l, h) : a;
        }

        /// <summary>A counter's range: its start range extended to the counter limit in the direction(s) it steps.</summary>
        public static PyType? Counter(PyType start, bool up, bool down)
        {
            if (!start.IsLong || start.Lo < -CounterBase || start.Hi > CounterBase) return null;
            const long limit = 1L << 62;
            return PyType.Long(down ? -limit : start.Lo, up ? limit : start.Hi);
        }
    }
}
