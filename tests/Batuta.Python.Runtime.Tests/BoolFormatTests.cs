using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Tests;

public sealed class BoolFormatTests
{
    [Fact]
    public void Bool_formats_as_int_once_a_spec_is_given()
    {
        string[] specs = { "", ">5", "<3", "5", "d", "^7", ".2f", "x", "05", "+", "e", "%" };
        var expected = CPython.Lines("for b in (True, False): print('|'.join(format(b, s) for s in " + "[" + string.Join(", ", specs.Select(s => "'" + s + "'")) + "]))\n"
            + "try: format(True, 's')\nexcept ValueError as e: print(e)");
        var actual = new[] { true, false }.Select(b => string.Join("|", specs.Select(s => Format.Apply(b, s)))).ToList();
        actual.Add(Assert.Throws<ValueError>(() => Format.Apply(true, "s")).Message);
        Assert.Equal(expected, actual);
    }
}
