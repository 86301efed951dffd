using System.Numerics;

namespace Batuta.Python.Runtime.Numpy.Random;

/// <summary>
/// numpy's PCG64 bit generator (PCG XSL-RR 128/64): a 128-bit LCG whose output xors the two halves and rotates by
/// the top six bits, seeded from a <see cref="SeedSequence"/> exactly as numpy seeds it. 32-bit draws use the two
/// halves of one 64-bit draw, low half first, as numpy's next_uint32 buffers them.
/// </summary>
public sealed class Pcg64
{
    private static readonly UInt128 Multiplier = new(2549297995355413924UL, 4865540595714422341UL);
    private UInt128 _state;
    private UInt128 _inc;
    private bool _hasUint32;
    private uint _uint32;

    public Pcg64(SeedSequence seed)
    {
        var words = seed.GenerateState64(4);
        var initState = new UInt128(words[0], words[1]);
        var initSeq = new UInt128(words[2], words[3]);
        _state = 0;
        _inc = (initSeq << 1) | 1;
        Step();
        _state += initState;
        Step();
    }

    private void Step() => _state = unchecked(_state * Multiplier + _inc);

    public ulong NextUInt64()
    {
        Step();
        ulong hi = (ulong)(_state >> 64), lo = (ulong)_state;
        int rot = (int)(_state >> 122);
        return BitOperations.RotateRight(hi ^ lo, rot);
    }

    public uint NextUInt32()
    {
        if (_hasUint32)
        {
            _hasUint32 = false;
            return _uint32;
        }
        ulong next = NextUInt64();
        _hasUint32 = true;
        _uint32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>next_double: 53 random bits in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);
}

/// <summary>
/// numpy's <c>SeedSequence</c> (O'Neill's seed_seq design): the seed's 32-bit words are hashed into a pool of four
/// words, and <see cref="GenerateState64"/> draws the bit generator's initial state from the pool.
/// </summary>
public sealed class SeedSequence
{
    private const uint InitA = 0x43b0d7e5, MultA = 0x931e8875, InitB = 0x8b51f9dd, MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd, MixMultR = 0x4973f715;
    private const int XShift = 16, PoolSize = 4;
    private readonly uint[] _pool = new uint[PoolSize];

    public SeedSequence(BigInteger entropy)
    {
        if (entropy.Sign < 0) throw new ValueError("expected non-negative integer");
        var words = new List<uint>();
        if (entropy.IsZero) words.Add(0);
        while (entropy > 0)
        {
            words.Add((uint)(entropy & uint.MaxValue));
            entropy >>= 32;
        }
        MixEntropy(words.ToArray());
    }

    /// <summary>Fresh entropy from the operating system (numpy's default_rng() without a seed).</summary>
    public static SeedSequence FromEntropy()
    {
        var bytes = new byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return new SeedSequence(new BigInteger(bytes, isUnsigned: true));
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        unchecked
        {
            value ^= hashConst;
            hashConst *= MultA;
            value *= hashConst;
            value ^= value >> XShift;
            return value;
        }
    }

    private static uint Mix(uint x, uint y)
    {
        unchecked
        {
            uint result = MixMultL * x - MixMultR * y;
            result ^= result >> XShift;
            return result;
        }
    }

    private void MixEntropy(uint[] entropy)
    {
        uint hashConst = InitA;
        for (int i = 0; i < PoolSize; i++) _pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);
        for (int src = 0; src < PoolSize; src++)
            for (int dst = 0; dst < PoolSize; dst++)
                if (src != dst) _pool[dst] = Mix(_pool[dst], HashMix(_pool[src], ref hashConst));
        for (int src = PoolSize; src < entropy.Length; src++)
            for (int dst = 0; dst < PoolSize; dst++)
                _pool[dst] = Mix(_pool[dst], HashMix(entropy[src], ref hashConst));
    }

    /// <summary><c>generate_state(n, np.uint64)</c>: 2n 32-bit words cycled from the pool, paired little-endian.</summary>
    public ulong[] GenerateState64(int n)
    {
        var words = new uint[2 * n];
        uint hashConst = InitB;
        unchecked
        {
            for (int i = 0; i < words.Length; i++)
            {
                uint v = _pool[i % PoolSize];
                v ^= hashConst;
                hashConst *= MultB;
                v *= hashConst;
                v ^= v >> XShift;
                words[i] = v;
            }
        }
        var result = new ulong[n];
        for (int i = 0; i < n; i++) result[i] = words[2 * i] | ((ulong)words[2 * i + 1] << 32);
        return result;
    }
}
