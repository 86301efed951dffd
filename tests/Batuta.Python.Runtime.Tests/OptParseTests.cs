using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class OptParseTests
{
    // add_option calls as Python source; the same calls are made on the runtime parser
    private static readonly (string[] Opts, (string Key, object? Value)[] Kw)[] Options =
    {
        (new[] { "-v", "--verbose" }, new (string, object?)[] { ("action", "count") }),
        (new[] { "-n", "--number" }, new (string, object?)[] { ("type", "int"), ("default", new PyInt(1)) }),
        (new[] { "-r" }, new (string, object?)[] { ("type", "float"), ("dest", "rate") }),
        (new[] { "--mode" }, new (string, object?)[] { ("type", "choice"), ("choices", new PyList<object?> { "a", "bb" }) }),
        (new[] { "-I", "--include" }, new (string, object?)[] { ("action", "append") }),
        (new[] { "--pair" }, new (string, object?)[] { ("nargs", new PyInt(2)), ("type", "int") }),
        (new[] { "--fast" }, new (string, object?)[] { ("action", "store_const"), ("const", "F"), ("dest", "speed") }),
        (new[] { "--no-color" }, new (string, object?)[] { ("action", "store_false"), ("dest", "color"), ("default", true) }),
        (new[] { "--number-of-lines" }, new (string, object?)[] { ("type", "int"), ("dest", "lines"), ("help", "show %default lines, never more than that, however large the terminal is") }),
    };

    private static readonly string[][] Argvs =
    {
        new string[0], new[] { "-vvn3", "x" }, new[] { "--verb", "--num=0x1F", "y", "-r", "2.5" }, new[] { "-n", "017", "--", "-v" },
        new[] { "--mode", "bb", "-Ia", "--include=b", "-I", "c" }, new[] { "--pair", "1", "2", "z" }, new[] { "--fast", "--no-color", "--num", "0b11" },
        new[] { "-n", "x" }, new[] { "--mode=c" }, new[] { "--num" }, new[] { "--nope" }, new[] { "-q" }, new[] { "--fast=1" }, new[] { "--pair", "1" },
        new[] { "-r", "1e3", "-n", "09" }, new[] { "--number-", "5" }, new[] { "--n", "5" },
    };

    private static string PyArgs(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(s => "'" + s + "'")) + "]";

    private static string PySource(object? v) => v switch
    {
        string s => "'" + s + "'",
        bool b => b ? "True" : "False",
        PyList<object?> l => "[" + string.Join(", ", l.Select(PySource)) + "]",
        _ => Repr.Of(v),
    };

    private static string AddOptionSource((string[] Opts, (string Key, object? Value)[] Kw) o) =>
        $"p.add_option({string.Join(", ", o.Opts.Select(s => "'" + s + "'"))}{string.Concat(o.Kw.Select(k => $", {k.Key}={PySource(k.Value)}"))})\n";

    private static OptionParser Build(PyDict<string, object?> kwargs)
    {
        var p = new OptionParser(Array.Empty<object?>(), kwargs);
        foreach (var (opts, kw) in Options)
            p.AddOption(opts.Cast<object?>().ToArray(), new PyDict<string, object?>(kw));
        return p;
    }

    [Fact]
    public void Parse_results_and_errors_match_CPython()
    {
        var script = new System.Text.StringBuilder("import optparse, io, contextlib\np = optparse.OptionParser(prog='t')\n");
        foreach (var o in Options) script.Append(AddOptionSource(o));
        script.Append("def show(argv):\n  err = io.StringIO()\n  try:\n    with contextlib.redirect_stderr(err): o, a = p.parse_args(argv)\n    print(sorted(vars(o).items()), a)\n");
        script.Append("  except SystemExit as e: print('exit', e.code, err.getvalue().splitlines()[-1])\n");
        foreach (var argv in Argvs) script.Append($"show({PyArgs(argv)})\n");
        var expected = CPython.Lines(script.ToString());

        var p = Build(new PyDict<string, object?> { ["prog"] = "t" });
        var actual = new List<string>();
        var stdout = Sys.StdoutWriter;
        try
        {
            foreach (var argv in Argvs)
            {
                // error() writes the usage and message to sys.stderr: captured here to compare its last line
                var err = new StringWriter();
                Sys.SetStreams(stdout, err, null);
                try
                {
                    var (values, rest) = p.ParseArgs(new PyList<string>(argv));
                    var items = ((OptValues)values).Dict.Items().OrderBy(kv => kv.Item1, StringComparer.Ordinal).Select(kv => new PyTuple(kv.Item1, kv.Item2));
                    actual.Add(Repr.Of(new PyList<PyTuple>(items)) + " " + Repr.Of(rest));
                }
                catch (SystemExit e)
                {
                    actual.Add($"exit {Repr.Of(e.Code)} {err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()}");
                }
            }
        }
        finally { Sys.SetStreams(stdout, null, null); }
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(false, 30)]
    [InlineData(false, 60)]
    [InlineData(false, 120)]
    [InlineData(true, 50)]
    public void Help_text_matches_CPython(bool titled, int width)
    {
        var formatter = titled ? "TitledHelpFormatter" : "IndentedHelpFormatter";
        var script = new System.Text.StringBuilder($"import optparse\np = optparse.OptionParser(prog='t', version='%prog 1', description='Does things to the files given; %prog is careful about it.', formatter=optparse.{formatter}(width={width}))\n");
        foreach (var o in Options) script.Append(AddOptionSource(o));
        script.Append("g = optparse.OptionGroup(p, 'Extra', 'More settings.')\ng.add_option('-x', help='the x')\np.add_option_group(g)\nprint(p.format_help(), end='')\n");
        var expected = CPython.Lines(script.ToString());

        var spec = OptParse.Formatter(titled, Array.Empty<object?>(), new PyDict<string, object?> { ["width"] = new PyInt(width) });
        var p = Build(new PyDict<string, object?> { ["prog"] = "t", ["version"] = "%prog 1", ["description"] = "Does things to the files given; %prog is careful about it.", ["formatter"] = spec });
        var g = OptParse.Group(new object?[] { p, "Extra", "More settings." }, new PyDict<string, object?>());
        g.AddOption(new object?[] { "-x" }, new PyDict<string, object?> { ["help"] = "the x" });
        Dyn.CallMethod(p, "add_option_group", g);
        Assert.Equal(expected, p.FormatHelp().TrimEnd('\n').Split('\n'));
    }
}
