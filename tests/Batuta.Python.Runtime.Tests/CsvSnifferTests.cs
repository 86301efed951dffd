namespace Batuta.Python.Runtime.Tests;

public sealed class CsvSnifferTests
{
    private static readonly string[] Samples =
    [
        "a|b|c\n1|2|3\n",
        "name,age,city\nAlice,30,Paris\nBob,25,\"New York, NY\"\n",
        "'a', 'b', 'c'\n'1', '2', '3'\n",
        "name,quote\n\"Ann\",\"She said \"\"hi\"\"\"\n\"Bo\",\"ok\"\n",
        "col1 col2 col3\n10 20 30\n40 50 60\n",
        "a,b;c\n1,2;3\n4;5,6\n",
    ];

    [Fact]
    public void Sniff_and_has_header_guess_as_CPython()
    {
        var script = "import csv\nsn = csv.Sniffer()\nfor s in " + Repr.Of(new PyList<string>(Samples)) + ":\n"
            + "  d = sn.sniff(s)\n  print(d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace, sn.has_header(s))\n";
        var expected = CPython.Lines(script);
        var sniffer = new CsvSniffer();
        var actual = Samples.Select(s =>
        {
            var d = sniffer.Sniff(s);
            string Attr(string n) => Str.Of(Dyn.GetAttr(d, n));
            return string.Join(" ", Attr("delimiter"), Attr("quotechar"), Attr("doublequote"), Attr("skipinitialspace"), Str.Of(sniffer.HasHeader(s)));
        });
        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public void No_delimiter_is_csv_Error()
    {
        var e = Assert.Throws<CsvError>(() => new CsvSniffer().Sniff("abc\ndef\n"));
        Assert.Equal("Could not determine delimiter", e.Message);
        Assert.Equal(";", Str.Of(Dyn.GetAttr(new CsvSniffer().Sniff("a,b;c\n1,2;3\n", ";"), "delimiter")));
    }
}
