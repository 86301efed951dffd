namespace Batuta.Python.Runtime.Tests;

public sealed class ClassAttributeTests
{
    public class Animal(string name) : PyObject
    {
        public string Name { get; } = name;

        public static string Sound { get; set; } = "...";

        public virtual string Speak() => Name + " says " + Sound;

        public static string Kingdom() => "Animalia";
    }

    public sealed class Dog(string name) : Animal(name)
    {
        public string Fetch(object? thing) => Name + " fetches the " + Str.Of(thing);

        public static new string Kingdom() => "Canidae";
    }

    public sealed class Loud(string name) : Animal(name)
    {
        public override string Speak() => "LOUD " + Name;
    }

    [Fact]
    public void A_method_read_from_a_base_class_runs_that_class_definition_not_the_override()
    {
        var loud = new Loud("Max");
        Assert.Equal("Max says ...", Dyn.Call(Dyn.GetAttr(typeof(Animal), "speak"), loud));
        Assert.Equal("LOUD Max", Dyn.Call(Dyn.GetAttr(typeof(Loud), "speak"), loud));
    }

    [Fact]
    public void Methods_read_from_the_class_are_found_and_called_as_CPython()
    {
        var d = new Dog("Rex");
        Assert.True(Py.HasAttr(typeof(Dog), "speak"));
        Assert.True(Py.HasAttr(typeof(Dog), "fetch"));
        Assert.False(Py.HasAttr(typeof(Animal), "fetch"));
        Assert.False(Py.HasAttr(typeof(Dog), "fly"));
        // System.Type's own members (Type.Missing, Name) are not the class's attributes
        Assert.False(Py.HasAttr(typeof(Dog), "missing"));
        Assert.Equal("Rex fetches the stick", Dyn.Call(Dyn.GetAttr(typeof(Dog), "fetch"), d, "stick"));
        Assert.Equal("Rex says ...", Dyn.Call(Dyn.GetAttr(typeof(Animal), "speak"), d));
        // the most derived static method, as Python's lookup along the MRO finds it
        Assert.Equal("Canidae", Dyn.Call(Dyn.GetAttr(typeof(Dog), "kingdom")));
        Assert.Equal("Animalia", Dyn.Call(Dyn.GetAttr(typeof(Animal), "kingdom")));
        Assert.Equal("...", Dyn.GetAttr(typeof(Dog), "sound"));
    }

    [Fact]
    public void A_missing_class_attribute_raises_CPythons_AttributeError()
    {
        var expected = CPython.Lines("class Animal:\n  pass\ntry:\n  getattr(Animal, 'fetch')\nexcept AttributeError as e:\n  print(e)");
        var e = Assert.Throws<AttributeError>(() => Dyn.GetAttr(typeof(Animal), "fetch"));
        Assert.Equal(expected[0], e.Message);
    }
}
