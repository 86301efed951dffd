namespace Batuta.Python.Runtime.Tests;

/// <summary>Instances of migrated <c>class Stack(list)</c> / <c>Registry(dict)</c> / <c>Count(int)</c> / <c>Celsius(float)</c>.</summary>
public sealed class ContainerAndNumberSubclassTests
{
    public sealed class Stack : PyListSubclass
    {
        public override string PyTypeName => "Stack";
    }

    public sealed class Registry : PyDictSubclass
    {
        public override string PyTypeName => "Registry";
    }

    public sealed class Defaulting : PyDictSubclass
    {
        public override string PyTypeName => "Defaulting";

        public object? DunderMissing(object? key) => "<" + Str.Of(key) + ">";
    }

    public sealed class Count : PyIntSubclass
    {
        public override string PyTypeName => "Count";
    }

    public sealed class Celsius : PyFloatSubclass
    {
        public override string PyTypeName => "Celsius";
    }

    [Fact]
    public void A_list_subclass_is_a_list_for_indexing_slices_methods_and_equality()
    {
        var s = PyListSubclass.Create(new Stack(), new PyList<long> { 1, 2, 3 });
        Dyn.CallMethod(s, "append", new PyInt(4));
        Dyn.CallMethod(s, "extend", new PyList<long> { 5 });
        Assert.Equal("[1, 2, 3, 4, 5]", Repr.Of(s));
        Assert.Equal(5L, Py.Len(s));
        Assert.Equal("5", Repr.Of(Dyn.GetItem(s, new PyInt(-1))));
        Assert.Equal("[2, 3]", Repr.Of(Dyn.GetItem(s, new PySlice(new PyInt(1), new PyInt(3), null))));
        Assert.Equal("5", Repr.Of(Dyn.CallMethod(s, "pop")));
        Dyn.SetItem(s, new PyInt(0), new PyInt(10));
        Dyn.DelItem(s, new PyInt(1));
        Assert.True(Dyn.Eq(s, new PyList<long> { 10, 3, 4 }));
        Assert.True(Dyn.Eq(new PyList<long> { 10, 3, 4 }, s));
        Assert.True(Dyn.Contains(s, new PyInt(3)));
        Assert.False(Dyn.Truth(new Stack()));
        Assert.Equal("[10, 3, 4, 7]", Repr.Of(Dyn.Add(s, new PyList<long> { 7 })));
        Assert.IsType<PyList<object?>>(Dyn.Add(s, new PyList<long> { 7 }));
        Assert.Throws<TypeError>(() => Dyn.PyHashOf(s));
    }

    [Fact]
    public void A_dict_subclass_is_a_dict_and_its_missing_hook_answers_absent_keys()
    {
        var r = PyDictSubclass.Create(new Registry(), [new PyList<object?> { (object?)new PyTuple("a", new PyInt(1)) }], new PyDict<string, object?> { ["b"] = new PyInt(2) });
        Dyn.SetItem(r, "c", new PyInt(3));
        Dyn.CallMethod(r, "update", new PyDict<string, long> { ["d"] = 4 });
        Assert.Equal("{'a': 1, 'b': 2, 'c': 3, 'd': 4}", Repr.Of(r));
        Assert.Equal("['a', 'b', 'c', 'd']", Repr.Of(new PyList<object?>(Dyn.Iter(r))));
        Assert.True(Dyn.Contains(r, "c"));
        Assert.Equal("9", Repr.Of(Dyn.CallMethod(r, "get", "z", new PyInt(9))));
        Assert.Throws<KeyError>(() => Dyn.GetItem(r, "z"));
        Assert.True(Dyn.Eq(r, new PyDict<string, long> { ["a"] = 1, ["b"] = 2, ["c"] = 3, ["d"] = 4 }));
        var d = new Defaulting();
        Assert.Equal("<x>", Dyn.GetItem(d, "x"));
        Assert.Equal(0L, Py.Len(d));
        Assert.Throws<ValueError>(() => PyDictSubclass.Create(new Registry(), new PyList<object?> { "abc" }));
    }

    [Fact]
    public void Super_methods_reach_the_builtin_on_the_held_value()
    {
        var s = new Stack();
        Dyn.Call(s.SuperMethod("__init__"), [new PyList<long> { 3, 1, 2 }]);
        Dyn.Call(s.SuperMethod("__setitem__"), [new PyInt(0), new PyInt(9)]);
        Assert.Equal("[9, 1, 2]", Repr.Of(s));
        var d = new Defaulting();
        Dyn.CallKw(d.SuperMethod("__init__"), [], new PyDict<string, object?> { ["k"] = "v" });
        Assert.Equal("v", Dyn.Call(d.SuperMethod("__getitem__"), ["k"]));
        Assert.Equal("<q>", Dyn.Call(d.SuperMethod("__getitem__"), ["q"]));
    }

    [Fact]
    public void Int_and_float_subclasses_compute_as_their_values_and_give_plain_results()
    {
        var c = PyFloatSubclass.Create(new Celsius(), "21.5");
        Assert.Equal(22.5, Dyn.Add(c, new PyInt(1)));
        Assert.Equal(43.0, Dyn.Mul(new PyInt(2), c));
        Assert.True(Dyn.Eq(c, 21.5));
        Assert.True(Dyn.Compare(c, new PyInt(30)) < 0);
        Assert.Equal("21.5", Str.Of(c));
        Assert.Equal("21.50", Text.PercentFormat.Format("%.2f", c));
        Assert.Equal(21.5, Dyn.Cast<double>(c));
        Assert.Equal("21", Py.Int(c).ToString());
        var n = PyIntSubclass.Create(new Count(), "12");
        Assert.Equal("13", Repr.Of(Dyn.Add(n, new PyInt(1))));
        Assert.IsType<PyInt>(Dyn.Add(n, new PyInt(1)));
        Assert.Equal(12.0, Py.Float(n));
        Assert.Equal(Dyn.PyHashOf(new PyInt(12)), Dyn.PyHashOf(n));
        Assert.False(Dyn.Truth(PyIntSubclass.Create(new Count(), new PyInt(0))));
        Assert.Equal("4", Repr.Of(Dyn.CallMethod(n, "bit_length")));
    }
}
