namespace Batuta.Python.Runtime.Tests;

public sealed class CounterOperatorTests
{
    private static Counter<string> C(params (string, long)[] items)
    {
        var c = new Counter<string>();
        foreach (var (k, v) in items) c[k] = v;
        return c;
    }

    [Fact]
    public void Multiset_operators_match_CPython()
    {
        var expected = CPython.Lines("from collections import Counter\na = Counter({'a': 3, 'b': 1, 'c': -2, 'd': 0})\nb = Counter({'b': 4, 'e': 2, 'a': 1, 'f': -5, 'c': 1})\n"
            + "print(Counter('aab') + Counter('b'))\nprint(a + b)\nprint(a - b)\nprint(b - a)\nprint(a | b)\nprint(a & b)\nprint(Counter() + Counter())");
        var a = C(("a", 3), ("b", 1), ("c", -2), ("d", 0));
        var b = C(("b", 4), ("e", 2), ("a", 1), ("f", -5), ("c", 1));
        var actual = new[]
        {
            Str.Of(Dyn.Add(new Counter<string>(Text.PyStr.Chars("aab")), new Counter<string>(Text.PyStr.Chars("b")))),
            Str.Of(Dyn.Add(a, b)), Str.Of(Dyn.Sub(a, b)), Str.Of(b - a), Str.Of(a | b), Str.Of(a & b), Str.Of(new Counter<string>() + new Counter<string>()),
        };
        Assert.Equal(expected, actual);
    }
}
