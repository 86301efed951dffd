namespace Batuta.Python.Runtime.Tests;

/// <summary>Instances of migrated <c>class Point(tuple)</c> / <c>class Upper(str)</c>: the runtime treats them as their value.</summary>
public sealed class BuiltinSubclassTests
{
    public sealed class Point : PyTupleSubclass
    {
        public override string PyTypeName => "Point";

        public static Point Of(long x, long y) => Create(new Point(), new PyTuple(new PyInt(x), new PyInt(y)));
    }

    public sealed class Upper : PyStrSubclass
    {
        public override string PyTypeName => "Upper";

        public static Upper Of(string s) => Create(new Upper(), s.ToUpperInvariant());
    }

    public sealed class Vec : PyTupleSubclass
    {
        public static Vec __PyNew(params object?[] coords) => Create(new Vec(), new PyTuple(coords));
    }

    [Fact]
    public void A_tuple_subclass_is_its_items_for_len_indexing_iteration_and_concatenation()
    {
        var p = Point.Of(1, 2);
        Assert.Equal(2L, Py.Len(p));
        Assert.Equal("2", Repr.Of(Dyn.GetItem(p, new PyInt(-1))));
        Assert.Equal("(1,)", Repr.Of(Dyn.GetItem(p, new PySlice(null, new PyInt(1), null))));
        Assert.Equal("[1, 2]", Repr.Of(new PyList<object?>(p)));
        Assert.Equal("(1, 2, 3)", Repr.Of(Dyn.Add(p, new PyTuple(new PyInt(3)))));
        Assert.Equal("(0, 1, 2)", Repr.Of(Dyn.Add(new PyTuple(new PyInt(0)), p)));
        Assert.Equal("(1, 2)", Repr.Of(p));
        Assert.Equal(1L, Dyn.CallMethod(p, "count", new PyInt(1)) is PyInt n ? n.AsIndex : -1);
    }

    [Fact]
    public void A_tuple_subclass_equals_hashes_and_orders_as_the_plain_tuple()
    {
        var p = Point.Of(1, 2);
        Assert.True(Dyn.Eq(p, (1L, 2L)));
        Assert.True(Dyn.Eq((1L, 2L), p));
        Assert.True(Dyn.Eq(p, Point.Of(1, 2)));
        Assert.Equal(Dyn.PyHashOf((1L, 2L)), Dyn.PyHashOf(p));
        Assert.True(Dyn.Compare(p, Point.Of(1, 3)) < 0);
        Assert.True(Dyn.Compare((0L, 9L), p) < 0);
        var d = new PyDict<object?, object?> { [p] = "first" };
        Assert.True(((IPyDict)d).ContainsKeyObject(new PyTuple(new PyInt(1), new PyInt(2))));
    }

    [Fact]
    public void A_str_subclass_is_its_text_for_the_str_operations_and_str_methods_give_plain_strs()
    {
        var u = Upper.Of("hi there");
        Assert.Equal("HI THERE!", Dyn.Add(u, "!"));
        Assert.Equal(">HI THERE", Dyn.Add(">", u));
        Assert.Equal(8L, Py.Len(u));
        Assert.Equal("hi there", Dyn.CallMethod(u, "lower"));
        Assert.True(Dyn.Contains(u, "THE"));
        Assert.True(Dyn.Contains("xHI THEREx", u));
        Assert.Equal("'HI THERE'", Repr.Of(u));
        Assert.Equal("HI THERE", Str.Of(u));
        Assert.Equal("  HI THERE", Text.Format.Apply(u, ">10"));
        Assert.Equal("HI THERE-a", Text.PyStr.Join("-", [u, "a"]));
    }

    [Fact]
    public void A_str_subclass_equals_and_hashes_as_its_text_so_it_finds_str_keys()
    {
        var u = Upper.Of("key");
        Assert.True(Dyn.Eq(u, "KEY"));
        Assert.True(Dyn.Eq("KEY", u));
        Assert.Equal(Dyn.PyHashOf("KEY"), Dyn.PyHashOf(u));
        Assert.True(Dyn.Compare(u, "KEZ") < 0);
        var d = new PyDict<object?, object?> { ["KEY"] = 1 };
        Assert.True(((IPyDict)d).ContainsKeyObject(u));
        Assert.False(Py.Truth(Upper.Of("")));
    }

    [Fact]
    public void A_factory_taking_star_args_is_constructed_through_the_class_value()
    {
        var v = Dyn.Call(typeof(Vec), new PyInt(1), new PyInt(2), new PyInt(3));
        Assert.Equal("(1, 2, 3)", Repr.Of(v));
        Assert.Equal("()", Repr.Of(Dyn.Call(typeof(Vec))));
    }
}
