namespace Batuta.Python.Runtime.Tests;

public sealed class ExceptionAttributeTests
{
    [Fact]
    public void Cause_context_and_args_read_dynamically_as_CPython()
    {
        var expected = CPython.Lines("try:\n  try:\n    1 / 0\n  except ZeroDivisionError as e:\n    raise ValueError('bad', 2) from e\n"
            + "except ValueError as e:\n  print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__, e.args)\n"
            + "e = KeyError('k')\nprint(e.__cause__, e.__context__, e.__suppress_context__, e.args)");
        var inner = new ZeroDivisionError("division by zero");
        var outer = new ValueError("bad", new PyInt(2)).WithCause(inner);
        var plain = new KeyError("k");
        string Line(object e) => string.Join(" ", new[] { "__cause__", "__context__", "__suppress_context__", "args" }.Select(n => Repr.Of(Dyn.GetAttr(e, n))));
        Assert.Equal(expected[0], Line(outer));
        Assert.Equal(expected[1], string.Join(" ", new[] { "__cause__", "__context__", "__suppress_context__", "args" }.Select(n => Str.Of(Dyn.GetAttr(plain, n)))));
        Assert.Throws<AttributeError>(() => Dyn.GetAttr(plain, "nope"));
    }
}
