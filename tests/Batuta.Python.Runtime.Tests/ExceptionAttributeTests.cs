using Batuta.Python.Runtime.Text;

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

public sealed class UnicodeErrorTests
{
    [Fact]
    public void Codec_errors_carry_CPythons_attributes_and_messages()
    {
        var expected = CPython.Lines("for f in (lambda: 'aü'.encode('ascii'), lambda: b'a\\xff'.decode('utf-8'), lambda: b'\\xe2\\x82'.decode('utf-8'), lambda: b'\\x80'.decode('ascii')):\n"
            + "  try:\n    f()\n  except UnicodeError as e:\n    print(type(e).__name__, e.encoding, e.start, e.end, e.reason, '/', e)");
        var actions = new Action[]
        {
            () => Codecs.Encode("aü", "ascii"),
            () => Codecs.Decode(new byte[] { 0x61, 0xff }, "utf-8"),
            () => Codecs.Decode(new byte[] { 0xe2, 0x82 }, "utf-8"),
            () => Codecs.Decode(new byte[] { 0x80 }, "ascii"),
        };
        for (int i = 0; i < actions.Length; i++)
        {
            var e = Assert.ThrowsAny<UnicodeError>(actions[i]);
            string Attr(string n) => Str.Of(Dyn.GetAttr(e, n));
            Assert.Equal(expected[i], $"{e.PythonName} {Attr("encoding")} {Attr("start")} {Attr("end")} {Attr("reason")} / {e.PyStr()}");
        }
    }
}
