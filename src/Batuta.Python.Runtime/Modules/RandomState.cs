using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// getstate/setstate of a <c>random.Random</c> (CPython's version-3 state: the 624 Mersenne Twister words and the
/// position, then the cached gauss value), and <c>random.SystemRandom</c>, which draws from the OS and has no state.
/// </summary>
public sealed partial class PyRandom
{
    private const int StateVersion = 3;

    /// <summary>True for a SystemRandom: 32-bit words come from the OS's generator, and seeding does nothing.</summary>
    private bool _system;

    /// <summary><c>random.SystemRandom()</c>: the same methods over os.urandom-quality words (the seed argument is ignored).</summary>
    public static PyRandom System(object? seed = null)
    {
        _ = seed;
        return new PyRandom { _system = true };
    }

    private static uint SystemWord() => BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));

    private NotImplementedError NoState() => new("System entropy source does not have state.");

    /// <summary><c>getstate()</c>: <c>(3, (624 words..., position), gauss_next)</c>.</summary>
    public PyTuple GetState()
    {
        if (_system) throw NoState();
        var words = new object?[N + 1];
        for (int i = 0; i < N; i++) words[i] = new PyInt((long)_mt[i]);
        words[N] = new PyInt(_mti);
        return new PyTuple((object?)new PyInt(StateVersion), new PyTuple(words), _gaussNext);
    }

    /// <summary>
    /// <c>setstate(state)</c>: a state getstate() gave (version 3, or 2), read as CPython's setstate reads it (state[0]
    /// first, then the unpacking), with its errors for anything else.
    /// </summary>
    public void SetState(object? state)
    {
        if (_system) throw NoState();
        var version = Dyn.GetItem(state, 0L);
        bool v2 = Dyn.Eq(version, 2L);
        if (!v2 && !Dyn.Eq(version, (long)StateVersion))
            throw new ValueError($"state with version {Str.Of(version)} passed to Random.setstate() of version {StateVersion}");
        var (internalState, gauss) = Unpack(state);
        var words = Words(internalState, wrap: v2);
        words.AsSpan(0, N).CopyTo(_mt);
        _mti = (int)words[N];
        _gaussNext = gauss is null ? null : Dyn.Cast<double>(gauss);
    }

    private static (object? Internal, object? Gauss) Unpack(object? state)
    {
        var items = Dyn.Iter(state).ToList();
        if (items.Count != 3) throw new ValueError(items.Count > 3 ? "too many values to unpack (expected 3)" : $"not enough values to unpack (expected 3, got {items.Count})");
        return (items[1], items[2]);
    }

    /// <summary>The internal state tuple as 625 words (the last the position), version 2's values taken modulo 2**32.</summary>
    private static uint[] Words(object? internalState, bool wrap)
    {
        if (internalState is not ITuple t) throw new TypeError("state vector must be a tuple");
        if (t.Length != N + 1) throw new ValueError("state vector is the wrong size");
        var words = new uint[N + 1];
        for (int i = 0; i <= N; i++) words[i] = Word(Dyn.Cast<PyInt>(t[i]), wrap);
        if (words[N] > N) throw new ValueError("invalid state");
        return words;
    }

    private static uint Word(BigInteger value, bool wrap)
    {
        if (wrap) value = ((value % 4294967296) + 4294967296) % 4294967296;
        if (value.Sign < 0) throw new OverflowError("can't convert negative value to unsigned int");
        return value <= uint.MaxValue ? (uint)value : throw new OverflowError("Python int too large to convert to C unsigned long");
    }
}
