using Batuta.Python.Runtime.Modules;
using System.Text;

namespace Batuta.Python.Runtime.Tests;

/// <summary>The csv module against CPython 3.11 on generated (often malformed) input, and writer → reader round trips.</summary>
public sealed class CsvTests
{
    private const string Alphabet = "ab,\"\n; ";
    private const string FieldChars = "a,\"\n\r x";

    /// <summary>Random CSV-ish text: quotes, delimiters, spaces and every line ending, often unbalanced.</summary>
    private static List<string> Texts(int count, int seed)
    {
        var rng = new System.Random(seed);
        var texts = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            int len = rng.Next(0, 24);
            for (int j = 0; j < len; j++)
            {
                int k = rng.Next(Alphabet.Length + 2);
                sb.Append(k < Alphabet.Length ? Alphabet[k].ToString() : k == Alphabet.Length ? "\r\n" : "\r");
            }
            texts.Add(sb.ToString());
        }
        return texts;
    }

    /// <summary>io.StringIO(text, newline="") line splitting: after \n, after \r\n, after a lone \r; endings kept.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            else if (text[i] is not ('\r' or '\n')) continue;
            lines.Add(text.Substring(start, i + 1 - start));
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text.Substring(start));
        return lines;
    }

    private static string Outcome(Func<IEnumerable<PyList<string>>> read)
    {
        try
        {
            return Json.Dumps(new PyList<PyList<string>>(read()));
        }
        catch (CsvError e)
        {
            return "ERR " + e.Message;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reader_matches_CPython_on_generated_input(bool skipInitialSpace)
    {
        var texts = Texts(400, skipInitialSpace ? 7 : 3);
        var script = new StringBuilder("import csv, io, json\ntexts = TEXTS\n");
        script.Append("for t in texts:\n    try:\n        print(json.dumps(list(csv.reader(io.StringIO(t, newline=''), skipinitialspace=").Append(skipInitialSpace ? "True" : "False").Append("))))\n");
        script.Append("    except csv.Error as e:\n        print('ERR', e)\n");
        string program = script.ToString().Replace("TEXTS", Json.Dumps(new PyList<string>(texts)));
        var expected = CPython.Lines(program);
        Assert.Equal(texts.Count, expected.Length);
        for (int i = 0; i < texts.Count; i++)
        {
            string got = Outcome(() => CsvModule.Reader(Lines(texts[i]), CsvDialect.Of(skipinitialspace: skipInitialSpace)));
            Assert.True(expected[i] == got, $"input {Json.Dumps(texts[i])}: CPython {expected[i]}, Batuta {got}");
        }
    }

    [Fact]
    public void Writer_then_reader_gives_the_rows_back()
    {
        var rng = new System.Random(11);
        var path = Path.Combine(Path.GetTempPath(), $"batuta-csv-{Guid.NewGuid():N}.csv");
        try
        {
            for (int round = 0; round < 50; round++)
            {
                var rows = new List<PyList<string>>();
                for (int r = rng.Next(0, 6); r > 0; r--)
                {
                    var row = new PyList<string>();
                    for (int f = rng.Next(0, 5); f > 0; f--)
                        row.Append(new string(Enumerable.Range(0, rng.Next(0, 6)).Select(_ => FieldChars[rng.Next(FieldChars.Length)]).ToArray()));
                    rows.Add(row);
                }
                using (var file = BuiltinsOpen(path, "w"))
                {
                    var w = CsvModule.Writer(file);
                    foreach (var row in rows) w.WriteRow(row);
                }
                using var input = BuiltinsOpen(path, "r");
                var back = CsvModule.Reader(input).ToList();
                Assert.Equal(rows.Count, back.Count);
                for (int i = 0; i < rows.Count; i++) Assert.Equal(rows[i].ToList(), back[i].ToList());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Line_num_counts_source_lines_read_including_those_of_a_quoted_field()
    {
        var reader = (CsvReader)CsvModule.Reader(new[] { "a,\"x\n", "y\"\n", "\n", "b,c\n" });
        var seen = new List<long>();
        Assert.True(reader.TryGetAttr("line_num", out var before));
        Assert.Equal(new PyInt(0), before);
        foreach (var _ in reader) seen.Add(reader.LineNum);
        Assert.Equal(new long[] { 2, 3, 4 }, seen);
        Assert.False(reader.TryGetAttr("dialect_x", out _));
    }

    private static PyTextIO BuiltinsOpen(string path, string mode) => Py.Open(path, mode, newline: "");
}
