using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class HtmlUnescapeTests
{
    // each name followed by text that could extend it: exercises the exact match and the longest-prefix rule
    private const string Script = """
        import html.entities, html
        for name in sorted(html.entities.html5):
            ref = '&' + name + 'z1;'
            print(name + '\t' + html.unescape(ref).encode('utf-32-be').hex())
        """;

    [Fact]
    public void Every_html5_name_unescapes_as_CPython_does()
    {
        var lines = CPython.Lines(Script);
        Assert.Equal(2231, lines.Length);
        foreach (var line in lines)
        {
            var name = line[..line.IndexOf('\t', StringComparison.Ordinal)];
            var got = HtmlModule.Unescape("&" + name + "z1;");
            var hex = Convert.ToHexStringLower(System.Text.Encoding.UTF32.GetBytes(got).Chunk(4).SelectMany(c => c.Reverse()).ToArray());
            Assert.True(line == name + "\t" + hex, $"&{name}z1; gave {hex}, CPython {line}");
        }
    }

    [Theory]
    [InlineData("&notit; &notin; &not", "\u00acit; \u2209 \u00ac")]
    [InlineData("&ampx &AMP &unknown; &;", "&x & &unknown; &;")]
    [InlineData("&#65;&#x42;&#128;&#0;&#xD800;", "AB\u20ac\ufffd\ufffd")]
    public void Unescape_follows_CPython_rules(string input, string expected) => Assert.Equal(expected, HtmlModule.Unescape(input));
}
