using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>random.Random</c>: the same MT19937 generator, seeding (int and str, version 2) and
/// derived methods as CPython 3.11, so a seeded program draws the same numbers.
/// </summary>
public sealed partial class PyRandom
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _mti = N + 1;
    private double? _gaussNext;

    public PyRandom() => Seed();

    public PyRandom(object? seed) => Seed(seed);

    public void Seed(object? seed = null)
    {
        _gaussNext = null;
        if (_system) return;
        var key = SeedKey(seed);
        var words = new List<uint>();
        if (key.IsZero) words.Add(0);
        while (!key.IsZero)
        {
            words.Add((uint)(key & uint.MaxValue));
            key >>= 32;
        }
        InitByArray(words.ToArray());
    }

    /// <summary>The seed as the non-negative integer init_by_array takes (version 2 seeding for str and bytes).</summary>
    private static BigInteger SeedKey(object? seed)
    {
        BigInteger key;
        switch (seed)
        {
            case null:
                key = new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true);
                break;
            case PyInt i: key = BigInteger.Abs(i.ToBig()); break;
            case long l: key = BigInteger.Abs(l); break;
            case int n: key = BigInteger.Abs(n); break;
            case bool b: key = b ? 1 : 0; break;
            case double d: key = BigInteger.Abs(PyHash.Float(d)); break;
            case string s:
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                var all = bytes.Concat(SHA512.HashData(bytes)).ToArray();
                key = new BigInteger(all, isUnsigned: true, isBigEndian: true);
                break;
            }
            case byte[] raw:
            {
                var all = raw.Concat(SHA512.HashData(raw)).ToArray();
                key = new BigInteger(all, isUnsigned: true, isBigEndian: true);
                break;
            }
            default: throw new TypeError("The only supported seed types are: None, int, float, str, bytes, and bytearray.");
        }
        return key;
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (_mti = 1; _mti < N; _mti++)
            _mt[_mti] = (uint)(1812433253u * (_mt[_mti - 1] ^ (_mt[_mti - 1] >> 30)) + (uint)_mti);
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        int k = N > key.Length ? N : key.Length;
        for (; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    public uint GenRandUInt32()
    {
        if (_system) return SystemWord();
        uint y;
        if (_mti >= N)
        {
            int kk;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (_mt[kk] & 0x80000000u) | (_mt[kk + 1] & 0x7fffffffu);
                _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
            for (; kk < N - 1; kk++)
            {
                y = (_mt[kk] & 0x80000000u) | (_mt[kk + 1] & 0x7fffffffu);
                _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            }
            y = (_mt[N - 1] & 0x80000000u) | (_mt[0] & 0x7fffffffu);
            _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
            _mti = 0;
        }
        y = _mt[_mti++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary><c>random()</c>: 53-bit float in [0, 1).</summary>
    public double Random()
    {
        uint a = GenRandUInt32() >> 5, b = GenRandUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    public PyInt GetRandBits(long k)
    {
        if (k < 0) throw new ValueError("number of bits must be non-negative");
        if (k == 0) return 0;
        if (k <= 32) return GenRandUInt32() >> (int)(32 - k);
        int words = (int)((k - 1) / 32 + 1);
        var bytes = new byte[words * 4];
        long kk = k;
        for (int i = 0; i < words; i++, kk -= 32)
        {
            uint r = GenRandUInt32();
            if (kk < 32) r >>= (int)(32 - kk);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), r);
        }
        return PyInt.FromBig(new BigInteger(bytes, isUnsigned: true));
    }

    private PyInt RandBelow(PyInt n)
    {
        if (n.IsZero) return 0;
        int k = n.BitLength();
        var r = GetRandBits(k);
        while (r >= n) r = GetRandBits(k);
        return r;
    }

    public PyInt RandRange(PyInt stop) => stop.Sign > 0 ? RandBelow(stop) : throw new ValueError($"empty range for randrange() (0, {stop}, {stop})");

    public PyInt RandRange(PyInt start, PyInt stop, PyInt? step = null)
    {
        PyInt st = step ?? 1;
        PyInt width = stop - start;
        if (st == 1)
        {
            if (width.Sign > 0) return start + RandBelow(width);
            throw new ValueError($"empty range for randrange() ({start}, {stop}, {width})");
        }
        if (st.IsZero) throw new ValueError("zero step for randrange()");
        PyInt n = st.Sign > 0 ? PyInt.FloorDiv(width + st - 1, st) : PyInt.FloorDiv(width + st + 1, st);
        if (n.Sign <= 0) throw new ValueError("empty range for randrange()");
        return start + st * RandBelow(n);
    }

    public PyInt RandInt(PyInt a, PyInt b) => RandRange(a, b + 1);

    public T Choice<T>(IReadOnlyList<T> seq)
    {
        if (seq.Count == 0) throw new IndexError("Cannot choose from an empty sequence");
        return seq[(int)(long)RandBelow(seq.Count)];
    }

    public string Choice(string s) => Choice<string>(Text.PyStr.Chars(s).ToList());

    public void Shuffle<T>(IList<T> x)
    {
        for (int i = x.Count - 1; i > 0; i--)
        {
            int j = (int)(long)RandBelow(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    public PyList<T> Sample<T>(IEnumerable<T> population, long k)
    {
        var pool = population.ToList();
        int n = pool.Count;
        if (k < 0 || k > n) throw new ValueError("Sample larger than population or is negative");
        var result = new PyList<T>((int)k);
        int setsize = 21;
        if (k > 5) setsize += (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3, 4)));
        if (n <= setsize)
        {
            for (int i = 0; i < k; i++)
            {
                int j = (int)(long)RandBelow(n - i);
                result.Append(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        }
        else
        {
            var selected = new HashSet<long>();
            for (int i = 0; i < k; i++)
            {
                long j = (long)RandBelow(n);
                while (selected.Contains(j)) j = (long)RandBelow(n);
                selected.Add(j);
                result.Append(pool[(int)j]);
            }
        }
        return result;
    }

    public PyList<T> Choices<T>(IReadOnlyList<T> population, IReadOnlyList<double>? weights = null, long k = 1, IReadOnlyList<double>? cumWeights = null)
    {
        int n = population.Count;
        var result = new PyList<T>((int)k);
        if (weights is null && cumWeights is null)
        {
            for (long i = 0; i < k; i++) result.Append(population[(int)Math.Floor(Random() * n)]);
            return result;
        }
        if (weights is not null && cumWeights is not null) throw new TypeError("Cannot specify both weights and cumulative weights");
        var cum = cumWeights?.ToArray() ?? Accumulate(weights.OrThrow());
        if (cum.Length != n) throw new ValueError("The number of weights does not match the population");
        double total = cum[^1];
        if (total <= 0) throw new ValueError("Total of weights must be greater than zero");
        if (!double.IsFinite(total)) throw new ValueError("Total of weights must be finite");
        for (long i = 0; i < k; i++) result.Append(population[BisectRight(cum, Random() * total, n - 1)]);
        return result;
    }

    private static double[] Accumulate(IReadOnlyList<double> weights)
    {
        var cum = new double[weights.Count];
        double acc = 0;
        for (int i = 0; i < cum.Length; i++) { acc += weights[i]; cum[i] = acc; }
        return cum;
    }

    /// <summary>bisect.bisect(cum, x, 0, hi)</summary>
    private static int BisectRight(double[] cum, double x, int hi)
    {
        int lo = 0;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (x < cum[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    public double Uniform(double a, double b) => a + (b - a) * Random();

    public double Triangular(double low = 0, double high = 1, double? mode = null)
    {
        double u = Random();
        double c = mode is null ? 0.5 : (mode.Value - low) / (high - low);
        if (u > c) { u = 1 - u; c = 1 - c; (low, high) = (high, low); }
        return low + (high - low) * Math.Sqrt(u * c);
    }

    public double Gauss(double mu = 0, double sigma = 1)
    {
        double? z = _gaussNext;
        _gaussNext = null;
        if (z is null)
        {
            double x2pi = Random() * (2 * Math.PI);
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - Random()));
            z = Math.Cos(x2pi) * g2rad;
            _gaussNext = Math.Sin(x2pi) * g2rad;
        }
        return mu + z.Value * sigma;
    }

    private const double NvMagicConst = 1.7155277699214135; // 4 * exp(-0.5) / sqrt(2.0)

    public double NormalVariate(double mu = 0, double sigma = 1)
    {
        double z;
        while (true)
        {
            double u1 = Random();
            double u2 = 1.0 - Random();
            z = NvMagicConst * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.Log(u2)) break;
        }
        return mu + z * sigma;
    }

    public double ExpoVariate(double lambd) => -Math.Log(1.0 - Random()) / lambd;
}

/// <summary>The module-level functions of <c>random</c> (one shared generator, as CPython).</summary>
public static class RandomModule
{
    public static PyRandom Instance { get; } = new();

    public static void Seed(object? a = null) => Instance.Seed(a);
    public static double Random() => Instance.Random();
    public static PyInt RandInt(PyInt a, PyInt b) => Instance.RandInt(a, b);
    public static PyInt RandRange(PyInt stop) => Instance.RandRange(stop);
    public static PyInt RandRange(PyInt start, PyInt stop) => Instance.RandRange(start, stop);
    public static PyInt RandRange(PyInt start, PyInt stop, PyInt step) => Instance.RandRange(start, stop, step);
    public static T Choice<T>(IReadOnlyList<T> seq) => Instance.Choice(seq);
    public static string Choice(string s) => Instance.Choice(s);
    public static void Shuffle<T>(IList<T> x) => Instance.Shuffle(x);
    public static PyList<T> Sample<T>(IEnumerable<T> population, long k) => Instance.Sample(population, k);
    public static PyList<T> Choices<T>(IReadOnlyList<T> population, IReadOnlyList<double>? weights = null, long k = 1, IReadOnlyList<double>? cumWeights = null) => Instance.Choices(population, weights, k, cumWeights);
    /// <summary>choices() over a str or another iterable that is not a list (its characters / items, in order).</summary>
    public static PyList<T> Choices<T>(IEnumerable<T> population, IReadOnlyList<double>? weights = null, long k = 1, IReadOnlyList<double>? cumWeights = null) => Instance.Choices(population.ToList(), weights, k, cumWeights);
    public static double Uniform(double a, double b) => Instance.Uniform(a, b);
    public static double Gauss(double mu = 0, double sigma = 1) => Instance.Gauss(mu, sigma);
    public static double NormalVariate(double mu = 0, double sigma = 1) => Instance.NormalVariate(mu, sigma);
    public static double ExpoVariate(double lambd) => Instance.ExpoVariate(lambd);
    public static double Triangular(double low = 0, double high = 1, double? mode = null) => Instance.Triangular(low, high, mode);
    public static double GammaVariate(double alpha, double beta) => Instance.GammaVariate(alpha, beta);
    public static double BetaVariate(double alpha, double beta) => Instance.BetaVariate(alpha, beta);
    public static double LogNormVariate(double mu, double sigma) => Instance.LogNormVariate(mu, sigma);
    public static double ParetoVariate(double alpha) => Instance.ParetoVariate(alpha);
    public static double WeibullVariate(double alpha, double beta) => Instance.WeibullVariate(alpha, beta);
    public static double VonMisesVariate(double mu, double kappa) => Instance.VonMisesVariate(mu, kappa);
    public static PyInt GetRandBits(long k) => Instance.GetRandBits(k);
    public static PyTuple GetState() => Instance.GetState();
    public static void SetState(object? state) => Instance.SetState(state);
}
