using System.Numerics;

namespace Batuta.Python.Runtime.Tests;

public sealed class IntAndCollectionTests
{
    [Fact]
    public void Floor_division_and_modulo_signs_match_CPython_including_big_ints()
    {
        long[] small = { -7, 7, -1, 0, 13, long.MaxValue, long.MinValue + 1 };
        long[] divisors = { 2, -2, 3, -3, 1, -1, 7 };
        var big = BigInteger.Pow(10, 30) + 7;
        var script = "vals = [-7, 7, -1, 0, 13, 2**63-1, -(2**63)+1, 10**30+7, -(10**30+7)]\nfor a in vals:\n  print(' '.join(f'{a // b} {a % b}' for b in [2, -2, 3, -3, 1, -1, 7]))";
        var expected = CPython.Lines(script);
        var vals = small.Select(v => (PyInt)v).Concat(new[] { PyInt.FromBig(big), PyInt.FromBig(-big) }).ToList();
        var actual = vals.Select(a => string.Join(" ", divisors.Select(b => $"{PyInt.FloorDiv(a, b)} {a % b}"))).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Overflow_promotes_to_arbitrary_precision()
    {
        var expected = CPython.Lines("print(2**63, (2**63-1)+1, -(2**63)-1, 3**50, (2**62)*4, 2**64 - 2**64)");
        PyInt max = long.MaxValue;
        var actual = $"{PyInt.Pow(2, 63)} {max + 1} {(PyInt)long.MinValue - 1} {PyInt.Pow(3, 50)} {PyInt.Pow(2, 62) * 4} {PyInt.Pow(2, 64) - PyInt.Pow(2, 64)}";
        Assert.Equal(expected[0], actual);
        Assert.True((PyInt.Pow(2, 64) - PyInt.Pow(2, 64)).IsSmall);
    }

    [Fact]
    public void Shifts_and_bitwise_ops_match_CPython_at_the_long_boundary_and_past_it()
    {
        // The inlined fast paths (both operands small, count in [0, 63) or [0, 64)) and every fallback: bits shifted
        // out of a long, a count of 63 and more, negative operands, BigInteger operands, negative counts.
        var vals = new[] { (PyInt)0, 1, -1, 3, -3, 255, (PyInt)long.MaxValue, (PyInt)long.MinValue, PyInt.Pow(2, 62), PyInt.Pow(2, 70) + 5, -(PyInt.Pow(2, 70) + 5) };
        long[] counts = { 0, 1, 8, 61, 62, 63, 64, 65, 100 };
        var script = "vals = [0, 1, -1, 3, -3, 255, 2**63-1, -2**63, 2**62, 2**70+5, -(2**70+5)]\nfor a in vals:\n  print(' '.join(f'{a << n} {a >> n}' for n in [0, 1, 8, 61, 62, 63, 64, 65, 100]))\n  print(' '.join(f'{a & b} {a | b} {a ^ b}' for b in vals))";
        var expected = CPython.Lines(script);
        var actual = new List<string>();
        foreach (var a in vals)
        {
            actual.Add(string.Join(" ", counts.Select(n => $"{a << n} {a >> n}")));
            actual.Add(string.Join(" ", vals.Select(b => $"{a & b} {a | b} {a ^ b}")));
        }
        Assert.Equal(expected, actual);
        Assert.True(((PyInt)long.MinValue >> 3).IsSmall && (PyInt.Pow(2, 70) >> 10).IsSmall && ((PyInt)(-1) << 63).IsSmall);
        Assert.Throws<ValueError>(() => (PyInt)1 << -1);
        Assert.Throws<ValueError>(() => (PyInt)1 >> -1);
        Assert.Throws<ValueError>(() => PyInt.Pow(2, 70) << -1);
    }

    [Fact]
    public void Set_iteration_order_matches_CPython()
    {
        var expected = CPython.Lines("print({3, 1, 2, 100, -5, 64, 8})\ns = set()\nfor x in [10, 20, 1000, 7, 33, 64, 96, 5, 2]: s.add(x)\nprint(s)\nprint(set('mississippi'), {'apple', 'pear', 'fig', 'kiwi'})\nprint({(1, 2), (0, 0), (5, -1)})");
        var literal = PySet<PyInt>.FromConstants(3, 1, 2, 100, -5, 64, 8);
        var s = new PySet<PyInt>();
        foreach (var x in new long[] { 10, 20, 1000, 7, 33, 64, 96, 5, 2 }) s.Add(x);
        var chars = new PySet<string>(Text.PyStr.Chars("mississippi"));
        var words = PySet<string>.FromConstants("apple", "pear", "fig", "kiwi");
        var tuples = PySet<(PyInt, PyInt)>.FromConstants((1, 2), (0, 0), (5, -1));
        Assert.Equal(expected, new[] { Repr.Of(literal), Repr.Of(s), Repr.Of(chars) + " " + Repr.Of(words), Repr.Of(tuples) });
    }

    [Fact]
    public void Dict_keeps_insertion_order_across_deletions()
    {
        var d = new PyDict<string, PyInt> { ["a"] = 1, ["b"] = 2, ["c"] = 3 };
        d.Delete("a");
        d["a"] = 4;
        d["b"] = 5;
        Assert.Equal("{'b': 5, 'c': 3, 'a': 4}", Repr.Of(d));
    }

    [Fact]
    public void Reprs_of_containers_match_CPython()
    {
        var expected = CPython.Lines("print([1, 'a', None, True, 2.5, (1,), (), [[]], {'k': [1.0]}, \"it's\", 'a\\nb'])");
        var list = new PyList<object?> { new PyInt(1), "a", null, true, 2.5, new PyTuple(new PyInt(1)), PyTuple.Empty, new PyList<object?> { new PyList<object?>() }, new PyDict<string, PyList<double>> { ["k"] = new() { 1.0 } }, "it's", "a\nb" };
        Assert.Equal(expected[0], Repr.Of(list));
    }

    [Fact]
    public void Stable_sort_with_key_and_reverse_matches_CPython()
    {
        var expected = CPython.Lines("d = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]\nprint(sorted(d, key=lambda t: t[1], reverse=True))\nprint(sorted(d, key=lambda t: t[0]))");
        var data = new PyList<(string, PyInt)> { ("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1) };
        Assert.Equal(expected, new[] { Repr.Of(Py.Sorted(data, t => t.Item2, true)), Repr.Of(Py.Sorted(data, t => t.Item1)) });
    }

    [Fact]
    public void String_methods_match_CPython()
    {
        var expected = CPython.Lines("s = '  a,b,,c  d '\nprint(s.split(), s.split(','), s.strip().split(',', 1), s.rsplit(None, 1), 'x'.center(6, '*'), 'Hello World'.title(), '  x '.strip())");
        var s = "  a,b,,c  d ";
        var actual = string.Join(" ", Repr.Of(Text.PyStr.Split(s)), Repr.Of(Text.PyStr.Split(s, ",")), Repr.Of(Text.PyStr.Split(Text.PyStr.Strip(s), ",", 1)), Repr.Of(Text.PyStr.RSplit(s, null, 1)), Text.PyStr.Center("x", 6, "*"), Text.PyStr.Title("Hello World"), Text.PyStr.Strip("  x "));
        Assert.Equal(expected[0], actual);
    }
}
