namespace Batuta.Python.Runtime.Tests;

/// <summary>super().__init__(**kwargs) reaching object at the end of a cooperative chain.</summary>
public sealed class ObjectInitKwargsTests
{
    [Fact]
    public void Empty_keywords_pass()
    {
        Py.ObjectInitKwargs(new PyDict<string, object?>());
        Py.ObjectInitKwargs(new PyDict<string, object?>(), new PyDict<string, string>());
    }

    [Fact]
    public void Leftover_keyword_raises_CPythons_TypeError()
    {
        var kwargs = new PyDict<string, object?> { ["colour"] = "red" };
        var e = Assert.Throws<TypeError>(() => Py.ObjectInitKwargs(kwargs));
        Assert.Equal("object.__init__() takes exactly one argument (the instance to initialize)", e.Message);
    }
}
