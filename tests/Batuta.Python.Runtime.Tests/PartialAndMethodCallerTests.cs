namespace Batuta.Python.Runtime.Tests;

public sealed class PartialAndMethodCallerTests
{
    private static readonly PyVariadicFunction Join = new("join3", (args, kw) =>
        string.Join("|", args.Select(Str.Of)) + ";" + string.Join(",", kw.Pairs().Select(p => p.Key + "=" + Str.Of(p.Value))));

    [Fact]
    public void Bound_arguments_come_first_and_call_keywords_win()
    {
        var p = new PyPartial(Join, new object?[] { "a" }, new PyDict<string, object?> { ["sep"] = "-", ["end"] = "!" });
        Assert.Equal("a|b;sep=+,end=!", p.PyCall(new object?[] { "b" }, new PyDict<string, object?> { ["sep"] = "+" }));
        Assert.Equal("('a',)", Repr.Of(Dyn.GetAttr(p, "args")));
        Assert.Equal("{'sep': '-', 'end': '!'}", Repr.Of(Dyn.GetAttr(p, "keywords")));
        Assert.Same(Join, Dyn.GetAttr(p, "func"));
    }

    [Fact]
    public void A_partial_of_a_partial_flattens_and_a_non_callable_is_TypeError()
    {
        var inner = new PyPartial(Join, new object?[] { "a" }, new PyDict<string, object?> { ["k"] = "1" });
        var outer = new PyPartial(inner, new object?[] { "b" }, new PyDict<string, object?> { ["k"] = "2" });
        Assert.Same(Join, outer.Func);
        Assert.Equal("a|b|c;k=2", Dyn.Call(outer, "c"));
        Assert.Equal("the first argument must be callable", Assert.Throws<TypeError>(() => new PyPartial("nope", Array.Empty<object?>(), new PyDict<string, object?>())).Message);
    }

    [Fact]
    public void Methodcaller_calls_the_method_with_its_arguments()
    {
        var expected = CPython.Lines("import operator\nm = operator.methodcaller('replace', 'a', 'o')\nprint(m('banana'), repr(m))\n"
            + "print(operator.methodcaller('split', ',', maxsplit=1)('a,b,c'))");
        var m = new PyMethodCaller("replace", new PyDict<string, object?>(), "a", "o");
        Assert.Equal(expected[0], Str.Of(Dyn.Call(m, "banana")) + " " + Repr.Of(m));
        var split = new PyMethodCaller("split", new PyDict<string, object?> { ["maxsplit"] = new PyInt(1) }, ",");
        Assert.Equal(expected[1], Repr.Of(Dyn.Call(split, "a,b,c")));
    }
}
