namespace Batuta.Python.Runtime.Tests;

/// <summary>Python defaults filled by dynamic calls (getattr, a class through a value) and identity-first element equality.</summary>
public sealed class DynamicDefaultsTests
{
    /// <summary>Shaped as the transpiler writes a class whose defaults C# cannot state as <c>= value</c>.</summary>
    public sealed class Service : PyObject
    {
        internal static readonly PyList<object?> __default_Service_Remember_seen = new();

        public override string PyTypeName => "Service";

        public string Fetch(object? key, [System.Runtime.InteropServices.Optional, System.Runtime.InteropServices.DefaultParameterValue("none")] object? @default,
            [System.Runtime.InteropServices.Optional, System.Runtime.InteropServices.DefaultParameterValue(3L)] object? retries) =>
            Str.Of(key) + ":" + Str.Of(@default) + ":" + Repr.Of(retries) + ":" + Dyn.TypeName(retries);

        public string Scale(double v, [PyDefault(2L)] double factor, [PyDefault(-1L)] PyInt offset) => Str.Of(v * factor + offset.ToDouble());

        public string Export(object? rows, [PyKeywordOnly, PyDefault(true)] bool header) => Str.Of(rows) + (header ? "+h" : "");

        public PyInt Remember(object? x, [PyDefaultFrom("__default_Service_Remember_seen")] PyList<object?> seen)
        {
            seen.Append(x);
            return new PyInt(seen.Count);
        }
    }

    /// <summary>A dataclass constructor: a constant default and a default_factory's maker.</summary>
    public sealed class Item(string name, [PyDefault(1L)] PyInt qty, [PyDefaultFrom("__dataclass_default_Item_tags")] PyList<object?> tags) : PyObject
    {
        public string Name { get; } = name;
        public PyInt Qty { get; } = qty;
        public PyList<object?> Tags { get; } = tags;

        public static PyList<object?> __dataclass_default_Item_tags() => new();
    }

    [Fact]
    public void A_method_from_getattr_fills_defaults_and_takes_keywords()
    {
        var fetch = Dyn.GetAttr(new Service(), "fetch");
        Assert.Equal("x:none:3:int", Dyn.Call(fetch, "x"));
        Assert.Equal("y:none:9:int", Dyn.CallKw(fetch, ["y"], new PyDict<string, object?> { ["retries"] = new PyInt(9) }));
        Assert.Equal("z:d:3:int", Dyn.CallKw(fetch, [], new PyDict<string, object?> { ["key"] = "z", ["default"] = "d" }));
    }

    [Fact]
    public void Attribute_defaults_are_converted_to_the_parameter_type()
    {
        var svc = new Service();
        Assert.Equal("2.0", Dyn.CallMethod(svc, "scale", 1.5));
        Assert.Equal("5.5", Dyn.CallMethodKw(svc, "scale", new PyDict<string, object?> { ["offset"] = new PyInt(4) }, 0.75));
    }

    [Fact]
    public void A_default_held_in_a_static_field_is_the_same_object_each_call()
    {
        var remember = Dyn.GetAttr(new Service(), "remember");
        Assert.Equal(new PyInt(1), Dyn.Call(remember, "a"));
        Assert.Equal(new PyInt(2), Dyn.Call(remember, "b"));
        Assert.Equal(new PyInt(1), Dyn.Call(remember, "c", new PyList<object?>()));
    }

    [Fact]
    public void A_class_called_through_a_value_gets_constant_and_factory_defaults()
    {
        var a = Assert.IsType<Item>(Dyn.Call(typeof(Item), "a"));
        var b = Assert.IsType<Item>(Dyn.CallKw(typeof(Item), [], new PyDict<string, object?> { ["name"] = "b", ["qty"] = new PyInt(4) }));
        Assert.Equal(new PyInt(1), a.Qty);
        Assert.Equal(new PyInt(4), b.Qty);
        Assert.NotSame(a.Tags, b.Tags);
    }

    [Fact]
    public void A_keyword_no_parameter_takes_is_a_TypeError()
    {
        Assert.Throws<TypeError>(() => Dyn.CallKw(typeof(Item), ["a"], new PyDict<string, object?> { ["colour"] = "red" }));
    }

    [Fact]
    public void Calls_the_parameters_do_not_take_raise_CPython_TypeErrors()
    {
        var fetch = Dyn.GetAttr(new Service(), "fetch");
        Assert.Equal("Service.fetch() missing 1 required positional argument: 'key'", Assert.Throws<TypeError>(() => Dyn.Call(fetch)).Message);
        Assert.Equal("Service.fetch() takes from 2 to 4 positional arguments but 5 were given", Assert.Throws<TypeError>(() => Dyn.Call(fetch, 1L, 2L, 3L, 4L)).Message);
        Assert.Equal("Item.__init__() missing 1 required positional argument: 'name'", Assert.Throws<TypeError>(() => Dyn.Call(typeof(Item))).Message);
    }

    [Fact]
    public void A_keyword_only_parameter_takes_no_positional_argument()
    {
        var export = Dyn.GetAttr(new Service(), "export");
        Assert.Equal("r+h", Dyn.Call(export, "r"));
        Assert.Equal("r", Dyn.CallKw(export, ["r"], new PyDict<string, object?> { ["header"] = false }));
        Assert.Equal("Service.export() takes 2 positional arguments but 3 were given", Assert.Throws<TypeError>(() => Dyn.Call(export, "r", false)).Message);
    }

    [Fact]
    public void Container_elements_compare_by_identity_first()
    {
        double nan = double.NaN;
        Assert.True(Dyn.Contains(new PyList<object?> { 1L, nan }, nan));
        Assert.True(Dyn.Eq(new PyList<double> { nan }, new PyList<double> { nan }));
        Assert.True(Dyn.Eq(new PyTuple(nan, 1L), new PyTuple(nan, 1L)));
        Assert.False(Dyn.Eq(nan, nan));
        Assert.Equal(1L, new PyList<object?> { "x", nan }.CountOf(nan));
    }
}
