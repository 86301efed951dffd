using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class RandomInstanceTests
{
    private static PyDict<string, object?> Kw(params (string, object?)[] items) => new(items);

    [Fact]
    public void Instance_methods_draw_CPythons_stream()
    {
        var expected = CPython.Lines("import random\nfor seed in (5, 'abc', 2**70):\n  r = random.Random(seed)\n"
            + "  print(r.randint(1, 6), r.randrange(10), r.randrange(3, 30), r.randrange(30, 3, -4), r.choice([1, 2, 3]), r.choice('xyz'))\n"
            + "  print(r.sample(range(9), 2), r.sample(range(1000), 10), r.sample(['a', 'b', 'c'], k=3))\n"
            + "  l = [1, 2, 3, 4, 5]\n  print(r.shuffle(l), l, r.choices('ab', k=3), r.choices([1, 2, 3], [1, 0, 5], k=4), r.choices([1, 2, 3], cum_weights=[1, 1, 6], k=4), r.choices([7, 8]))\n"
            + "  print(r.random(), r.uniform(0, 1), r.gauss(0, 1), r.getrandbits(40), r.triangular(1, 3), r.seed(1), r.random())");
        var actual = new List<string>();
        foreach (object seed in new object[] { new PyInt(5), "abc", PyInt.Pow(2, 70) })
        {
            var r = new PyRandom(seed);
            string P(params object?[] xs) => string.Join(" ", xs.Select(x => Runtime.Str.Of(x)));
            object? M(string name, params object?[] args) => Dyn.CallMethod(r, name, args);
            object? K(string name, PyDict<string, object?> kw, params object?[] args) => Dyn.CallMethodKw(r, name, kw, args);
            actual.Add(P(M("randint", new PyInt(1), new PyInt(6)), M("randrange", new PyInt(10)), M("randrange", new PyInt(3), new PyInt(30)), M("randrange", new PyInt(30), new PyInt(3), new PyInt(-4)), M("choice", new PyList<long> { 1, 2, 3 }), M("choice", "xyz")));
            actual.Add(P(M("sample", Py.Range(9), new PyInt(2)), M("sample", Py.Range(1000), new PyInt(10)), K("sample", Kw(("k", new PyInt(3))), new PyList<string> { "a", "b", "c" })));
            var l = new PyList<long> { 1, 2, 3, 4, 5 };
            actual.Add(P(M("shuffle", l), l, K("choices", Kw(("k", new PyInt(3))), "ab"), K("choices", Kw(("k", new PyInt(4))), new PyList<long> { 1, 2, 3 }, new PyList<long> { 1, 0, 5 }),
                K("choices", Kw(("cum_weights", new PyList<long> { 1, 1, 6 }), ("k", new PyInt(4))), new PyList<long> { 1, 2, 3 }), M("choices", new PyList<long> { 7, 8 })));
            actual.Add(P(M("random"), M("uniform", new PyInt(0), new PyInt(1)), M("gauss", new PyInt(0), new PyInt(1)), M("getrandbits", new PyInt(40)), M("triangular", new PyInt(1), new PyInt(3)), M("seed", new PyInt(1)), M("random")));
        }
        Assert.Equal(expected, actual);
        Assert.Throws<AttributeError>(() => Dyn.CallMethod(new PyRandom(1), "nope"));
    }
}
