namespace Batuta.Python.Runtime.Tests;

/// <summary>The class objects of classes defined inside functions (what the transpiler's hoisted classes run on).</summary>
public sealed class LocalClassTests
{
    /// <summary>What a hoisted <c>class Item</c> looks like: it keeps the class object that constructs it.</summary>
    public sealed class Item : PyObject, IPyLocalClassInstance
    {
        public Item(object? name) => Name = name;

        public PyLocalClass PyClass { get; } = PyLocalClass.Take();
        public object? Name;

        public static string Describe(string what = "item") => "an " + what;

        public override string PyTypeName => "Item";
    }

    private static PyLocalClass NewItemClass(Func<object?> prefix) =>
        new PyLocalClass(typeof(Item), "Item", "make_item_class.<locals>.Item", "__main__").Cell("prefix", prefix).Attribute("count", new PyInt(0));

    [Fact]
    public void Each_run_of_the_class_statement_is_its_own_class()
    {
        var a = NewItemClass(() => "a-");
        var b = NewItemClass(() => "b-");
        var x = Assert.IsType<Item>(Dyn.Call(a, "one"));
        var y = Assert.IsType<Item>(Dyn.Call(b, "two"));
        Dyn.SetAttr(a, "count", Dyn.Add(Dyn.GetAttr(a, "count"), new PyInt(1)));
        Assert.Equal(new PyInt(1), Dyn.GetAttr(a, "count"));
        Assert.Equal(new PyInt(0), Dyn.GetAttr(b, "count"));
        Assert.Same(a, x.PyClass);
        Assert.Same(b, y.PyClass);
        Assert.True(Py.IsInstanceOf(x, a));
        Assert.False(Py.IsInstanceOf(x, b));
        Assert.Same(b, Py.Type(y));
        Assert.NotEqual<PyTypeObject>(a, b);
        // a class attribute read through an instance that does not shadow it
        Assert.Equal(new PyInt(1), Dyn.GetAttr(x, "count"));
    }

    [Fact]
    public void Captured_variables_are_read_when_the_methods_run()
    {
        string prefix = "old-";
        var a = NewItemClass(() => prefix);
        prefix = "new-";
        Assert.Equal("new-", a.Read("prefix"));
        Assert.Throws<NameError>(() => a.Read("missing"));
    }

    [Fact]
    public void Names_repr_and_static_methods_are_CPythons()
    {
        var a = NewItemClass(() => "");
        Assert.Equal("Item", Dyn.GetAttr(a, "__name__"));
        Assert.Equal("make_item_class.<locals>.Item", Dyn.GetAttr(a, "__qualname__"));
        Assert.Equal("<class '__main__.make_item_class.<locals>.Item'>", Repr.Of(a));
        Assert.Equal("an item", Dyn.CallMethod(a, "describe"));
        Assert.Equal("an apple", Dyn.CallMethod(a, "describe", "apple"));
        Assert.Throws<AttributeError>(() => Dyn.CallMethod(a, "missing"));
    }

    [Fact]
    public void The_class_is_constructed_only_through_a_class_object()
    {
        Assert.Throws<TypeError>(() => new Item("x"));
    }
}
