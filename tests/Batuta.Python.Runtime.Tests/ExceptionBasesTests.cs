namespace Batuta.Python.Runtime.Tests;

/// <summary>An exception class of two exception bases, as the transpiler writes it: C# derives from the first, __PyBases lists both.</summary>
public sealed class ExceptionBasesTests
{
    public class AppError : PyException
    {
        public AppError(params object?[] args) : base(args) { }
    }

    public class NotFound : AppError
    {
        public static readonly Type[] __PyBases = { typeof(AppError), typeof(LookupError) };

        public NotFound(params object?[] args) : base(args) { }
    }

    [Fact]
    public void Mro_is_CPythons_C3_linearization_through_the_builtin_exceptions()
    {
        var expected = CPython.Lines("class AppError(Exception): pass\nclass NotFound(AppError, LookupError): pass\nprint([k.__name__ for k in NotFound.__mro__])");
        var names = Dyn.Mro(typeof(NotFound)).Select(t => Str.Of(Dyn.GetAttr(t, "__name__")));
        Assert.Equal(expected[0], Repr.Of(new PyList<object?>(names)));
    }

    [Fact]
    public void Isinstance_and_issubclass_see_the_second_base_and_not_its_subclasses()
    {
        var e = new NotFound("x");
        Assert.True(Py.IsInstanceOf(e, typeof(LookupError)));
        Assert.True(Py.IsInstanceOf(e, typeof(AppError)));
        Assert.False(Py.IsInstanceOf(e, typeof(KeyError)));
        Assert.False(Py.IsInstanceOf(new AppError("y"), typeof(LookupError)));
        Assert.True(Py.IsSubclass(typeof(NotFound), typeof(LookupError)));
        Assert.False(Py.IsSubclass(typeof(NotFound), typeof(IndexError)));
        Assert.True(Py.IsSubclass(typeof(NotFound), typeof(PyException)));
    }
}
