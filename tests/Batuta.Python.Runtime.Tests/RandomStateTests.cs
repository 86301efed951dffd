using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>random's getstate/setstate against CPython: the same state tuple, and a restored state replays the stream.</summary>
public sealed class RandomStateTests
{
    [Fact]
    public void Getstate_is_CPythons_tuple_after_seeding_draws_and_gauss()
    {
        var expected = CPython.Lines("import random\nfor seed in (0, 12345, 'text', 2**80):\n  r = random.Random(seed)\n  print(r.getstate())\n"
            + "  [r.random() for _ in range(700)]\n  print(r.getstate())\n  r.gauss(0, 1)\n  print(r.getstate())");
        var actual = new List<string>();
        foreach (object seed in new object[] { new PyInt(0), new PyInt(12345), "text", PyInt.Pow(2, 80) })
        {
            var r = new PyRandom(seed);
            actual.Add(Repr.Of(r.GetState()));
            for (int i = 0; i < 700; i++) r.Random();
            actual.Add(Repr.Of(r.GetState()));
            r.Gauss();
            actual.Add(Repr.Of(r.GetState()));
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Setstate_replays_the_stream_and_the_cached_gauss()
    {
        var a = new PyRandom(new PyInt(42));
        a.Gauss();
        var state = a.GetState();
        var ahead = Enumerable.Range(0, 5).Select(_ => a.Gauss()).Concat(Enumerable.Range(0, 700).Select(_ => a.Random())).ToList();
        var b = new PyRandom();
        b.SetState(state);
        var replay = Enumerable.Range(0, 5).Select(_ => b.Gauss()).Concat(Enumerable.Range(0, 700).Select(_ => b.Random())).ToList();
        Assert.Equal(ahead, replay);
    }

    [Fact]
    public void Version_2_states_are_read_modulo_2_to_the_32()
    {
        var state = new PyRandom(new PyInt(3)).GetState();
        var words = Assert.IsType<PyTuple>(state[1]).Select((w, i) => i < 624 ? (object?)(Dyn.Cast<PyInt>(w) + PyInt.Pow(2, 32)) : w).ToArray();
        var r = new PyRandom();
        r.SetState(new PyTuple(new PyInt(2), new PyTuple(words), null));
        Assert.Equal(new PyRandom(new PyInt(3)).Random(), r.Random());
    }

    [Fact]
    public void Bad_states_raise_CPythons_errors()
    {
        var r = new PyRandom(new PyInt(1));
        Assert.Equal("state with version 9 passed to Random.setstate() of version 3", Assert.Throws<ValueError>(() => r.SetState(new PyTuple(new PyInt(9), new PyTuple(), null))).Message);
        Assert.Equal("state vector is the wrong size", Assert.Throws<ValueError>(() => r.SetState(new PyTuple(new PyInt(3), new PyTuple(new PyInt(1)), null))).Message);
        Assert.Equal("not enough values to unpack (expected 3, got 1)", Assert.Throws<ValueError>(() => r.SetState(new PyTuple(new PyInt(3)))).Message);
        var words = Enumerable.Repeat((object?)new PyInt(1), 624).Append(new PyInt(625)).ToArray();
        Assert.Equal("invalid state", Assert.Throws<ValueError>(() => r.SetState(new PyTuple(new PyInt(3), new PyTuple(words), null))).Message);
        Assert.Throws<NotImplementedError>(() => PyRandom.System().GetState());
    }

    [Fact]
    public void SystemRandom_draws_in_range_and_ignores_seeding()
    {
        var r = PyRandom.System(new PyInt(5));
        r.Seed(new PyInt(5));
        var draws = Enumerable.Range(0, 200).Select(_ => r.Random()).ToList();
        Assert.All(draws, d => Assert.InRange(d, 0.0, 0.9999999999999999));
        Assert.True(draws.Distinct().Count() > 190);
        Assert.Equal("SystemRandom", r.PyTypeName);
    }
}
