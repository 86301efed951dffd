using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class ModuleTests
{
    [Fact]
    public void Random_streams_match_CPython_for_int_and_str_seeds()
    {
        var expected = CPython.Lines("""
import random
for seed in (0, 42, 2**40 + 3, "hello", "Batuta"):
    random.seed(seed)
    a = [repr(random.random()) for _ in range(3)]
    b = [random.randint(1, 1000) for _ in range(5)]
    xs = list(range(12)); random.shuffle(xs)
    c = random.choice("abcdefgh")
    g = [repr(random.gauss(0, 1)) for _ in range(3)]
    u = repr(random.uniform(-5, 5))
    r = random.randrange(0, 100, 7)
    s = random.sample(range(50), 4)
    print(a, b, xs, c, g, u, r, s, random.getrandbits(90))
""");
        var actual = new List<string>();
        foreach (object seed in new object[] { new PyInt(0), new PyInt(42), PyInt.Pow(2, 40) + 3, "hello", "Batuta" })
        {
            RandomModule.Seed(seed);
            var a = Enumerable.Range(0, 3).Select(_ => Repr.Of(RandomModule.Random())).ToList();
            var b = Enumerable.Range(0, 5).Select(_ => RandomModule.RandInt(1, 1000)).ToList();
            var xs = new PyList<PyInt>(Enumerable.Range(0, 12).Select(i => (PyInt)i));
            RandomModule.Shuffle(xs);
            var c = RandomModule.Choice("abcdefgh");
            var g = Enumerable.Range(0, 3).Select(_ => Repr.Of(RandomModule.Gauss(0, 1))).ToList();
            var u = Repr.Of(RandomModule.Uniform(-5, 5));
            var r = RandomModule.RandRange(0, 100, 7);
            var s = RandomModule.Sample(Py.Range(50), 4);
            var bits = RandomModule.GetRandBits(90);
            actual.Add($"{Repr.Of(new PyList<string>(a))} {Repr.Of(new PyList<PyInt>(b))} {Repr.Of(xs)} {c} {Repr.Of(new PyList<string>(g))} {u} {r} {Repr.Of(s)} {bits}");
        }
        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public void Json_dumps_matches_CPython()
    {
        var expected = CPython.Lines("""
import json
d = {"name": "Widget", "price": 9.99, "tags": ["a", "é"], "stock": None, "ok": True, "n": 10**20, "dims": {"w": 2, "h": 3.5}, "empty": [], "e2": {}}
print(json.dumps(d))
print(json.dumps(d, indent=2))
print(json.dumps(d, sort_keys=True, ensure_ascii=False))
print(json.dumps([1e16, 0.1, -0.0, "q\"\\\n\t"]))
""");
        var d = new PyDict<string, object?>
        {
            ["name"] = "Widget", ["price"] = 9.99, ["tags"] = new PyList<string> { "a", "é" }, ["stock"] = null, ["ok"] = true, ["n"] = PyInt.Pow(10, 20),
            ["dims"] = new PyDict<string, object?> { ["w"] = new PyInt(2), ["h"] = 3.5 }, ["empty"] = new PyList<object?>(), ["e2"] = new PyDict<string, object?>(),
        };
        var actual = string.Join("\n", Json.Dumps(d), Json.Dumps(d, indent: new PyInt(2)), Json.Dumps(d, sort_keys: true, ensure_ascii: false), Json.Dumps(new PyList<object?> { 1e16, 0.1, -0.0, "q\"\\\n\t" })).Split('\n');
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Json_loads_builds_python_values()
    {
        var v = Json.Loads("{\"a\": [1, 2.5, {\"b\": null}], \"c\": \"x\\u00e9\", \"d\": true}");
        Assert.Equal("{'a': [1, 2.5, {'b': None}], 'c': 'xé', 'd': True}", Repr.Of(v));
        // json.JSONDecodeError is a ValueError with CPython's position attributes
        var error = Assert.Throws<JSONDecodeError>(() => Json.Loads("{\"a\": }"));
        Assert.IsAssignableFrom<ValueError>(error);
        Assert.Equal(("Expecting value", 6, 1, 7), (error.Msg, error.Pos, error.Lineno, error.Colno));
        Assert.Equal("Expecting value: line 1 column 7 (char 6)", error.PyStr());
    }

    [Fact]
    public void Math_and_heapq_match_CPython()
    {
        var expected = CPython.Lines("import math, heapq\nprint(math.fsum([0.1]*10), math.factorial(30), math.isqrt(10**20+1), math.comb(50, 25), math.gcd(2**60, 6**30))\nh=[]\nfor x in [5, 1, 8, 3, 9, 2, 7]: heapq.heappush(h, x)\nprint(h, heapq.heappop(h), h)");
        var h = new PyList<PyInt>();
        foreach (var x in new long[] { 5, 1, 8, 3, 9, 2, 7 }) HeapQ.HeapPush(h, x);
        var popped = HeapQ.HeapPop(h);
        var before = Repr.Of(h);
        Assert.Equal(expected, new[]
        {
            $"{Repr.Of(MathModule.Fsum(Enumerable.Repeat(0.1, 10)))} {MathModule.Factorial(30)} {MathModule.Isqrt(PyInt.Pow(10, 20) + 1)} {MathModule.Comb(50, 25)} {MathModule.Gcd(PyInt.Pow(2, 60), PyInt.Pow(6, 30))}",
            $"{before} {popped} {Repr.Of(h)}",
        });
    }
}
