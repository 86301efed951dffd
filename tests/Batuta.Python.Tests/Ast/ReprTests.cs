using System.Numerics;
using Batuta.Python.Ast;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Ast;

/// <summary>Python repr of constants, which ast.dump prints: floats, complex, big ints, quotes, escapes.</summary>
public class ReprTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(123456789.123456789, "123456789.12345679")]
    [InlineData(2.5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(100.0, "100.0")]
    public void Floats_use_shortest_round_trip_like_python(double value, string repr)
    {
        Assert.Equal(repr, PythonRepr.Float(value));
    }

    [Fact]
    public void Complex_and_integers()
    {
        Assert.Equal("1j", PythonRepr.ComplexValue(new Complex(0, 1)));
        Assert.Equal("1.5j", PythonRepr.ComplexValue(new Complex(0, 1.5)));
        Assert.Equal("1e+16j", PythonRepr.ComplexValue(new Complex(0, 1e16)));
        Assert.Equal("infj", PythonRepr.ComplexValue(new Complex(0, double.PositiveInfinity)));
        Assert.Equal("(1+2j)", PythonRepr.ComplexValue(new Complex(1, 2)));
        Assert.Equal("123456789012345678901234567890", PythonRepr.Of(BigInteger.Parse("123456789012345678901234567890")));
    }

    [Theory]
    [InlineData("it's", "\"it's\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("tab\tnl\ncr\r", "'tab\\tnl\\ncr\\r'")]
    [InlineData("\u0000\u007f\u0085\u00a0é\u200b\u2028", "'\\x00\\x7f\\x85\\xa0é\\u200b\\u2028'")]
    [InlineData("😀", "'😀'")]
    public void Strings_choose_quotes_and_escape_like_python(string value, string repr)
    {
        Assert.Equal(repr, PythonRepr.Str(value));
    }

    [Fact]
    public void Bytes_repr_like_python()
    {
        Assert.Equal("b'\\x00\\xff\\n\\\\\\'\"'", PythonRepr.Bytes(new byte[] { 0, 255, 10, 92, 39, 34 }));
        Assert.Equal("b\"it's\"", PythonRepr.Bytes(System.Text.Encoding.ASCII.GetBytes("it's")));
    }

    [Fact]
    public void Number_literals_dump_like_cpython()
    {
        var sources = new[]
        {
            "x = 0.1, 1/3, 2.675, 1e308 * 10, 4.35, 0.3, 1e-7, 123e-4, 5e-324, 9007199254740993, 0x7fffffffffffffff + 1",
            "x = 1.0e1, 1_2.3_4e-5_6, 6.02214076e23, 3.14159265358979323846264338327950288",
            "x = 2**63, 10**30, 1e100j, .5j, 0xdeadbeefcafebabe0123456789",
        };
        var answers = CPython.AskSources("dump", sources);
        for (int i = 0; i < sources.Length; i++)
            Assert.Equal(answers[i].Dump, AstDump.Dump(PythonParser.Parse(sources[i]).Module!));
    }
}
