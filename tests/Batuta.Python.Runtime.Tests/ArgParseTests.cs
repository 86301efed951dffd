using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class ArgParseTests
{
    // Each parser: (name or flag, nargs or null, default or null) in add_argument order.
    private static readonly (string Name, string? Nargs, string? Default)[][] Parsers =
    {
        new[] { ("--sort", (string?)null, (string?)"a"), ("files", "*", null) },
        new[] { ("--sort", (string?)null, (string?)null), ("first", null, null), ("rest", "*", null) },
        new[] { ("-v", (string?)"?", (string?)"x"), ("files", "+", null) },
        new[] { ("--n", (string?)"2", (string?)null), ("a", "?", "d"), ("b", "*", null) },
        new[] { ("--k", (string?)"*", (string?)null), ("files", "*", null) },
        new[] { ("--b", (string?)null, (string?)null), ("--a", null, null), ("pos", "?", null) },
    };

    private static readonly string[][] Argvs =
    {
        new string[0], new[] { "--sort", "q", "x", "y" }, new[] { "x", "y", "--sort", "q" }, new[] { "--sort", "q", "x" }, new[] { "x", "--sort", "q", "y" },
        new[] { "-v", "x", "y" }, new[] { "x", "-v" }, new[] { "--n", "1", "2", "x" }, new[] { "x", "--n", "1", "2", "y", "z" }, new[] { "--k", "1", "2", "--", "x" },
        new[] { "--a", "1", "--b", "2", "p" }, new[] { "p", "--b=3" }, new[] { "--", "--sort" },
    };

    private static string PyList(IEnumerable<string?> items) => "[" + string.Join(", ", items.Select(s => s is null ? "None" : "'" + s + "'")) + "]";

    [Fact]
    public void Parse_results_and_namespace_repr_match_CPython()
    {
        var script = new System.Text.StringBuilder("import argparse, io, contextlib\n");
        foreach (var spec in Parsers)
        {
            script.Append("p = argparse.ArgumentParser(prog='t')\n");
            foreach (var (name, nargs, dflt) in spec)
                script.Append($"p.add_argument('{name}'" + (nargs is null ? "" : $", nargs={(char.IsDigit(nargs[0]) ? nargs : "'" + nargs + "'")}") + (dflt is null ? "" : $", default='{dflt}'") + ")\n");
            foreach (var argv in Argvs)
                script.Append($"try:\n  with contextlib.redirect_stderr(io.StringIO()): print(p.parse_args({PyList(argv)}))\nexcept SystemExit: print('error')\n");
        }
        var expected = CPython.Lines(script.ToString());
        var actual = new List<string>();
        var stderr = Console.Error;
        Console.SetError(TextWriter.Null);
        try
        {
            foreach (var spec in Parsers)
            {
                var p = new ArgumentParser(new PyDict<string, object?> { ["prog"] = "t" });
                foreach (var (name, nargs, dflt) in spec)
                {
                    var kw = new PyDict<string, object?>();
                    if (nargs is not null) kw["nargs"] = char.IsDigit(nargs[0]) ? new PyInt(long.Parse(nargs, System.Globalization.CultureInfo.InvariantCulture)) : nargs;
                    if (dflt is not null) kw["default"] = dflt;
                    Dyn.CallMethodKw(p, "add_argument", kw, name);
                }
                foreach (var argv in Argvs)
                {
                    try { actual.Add(Repr.Of(Dyn.CallMethod(p, "parse_args", new PyList<string>(argv)))); }
                    catch (SystemExit) { actual.Add("error"); }
                }
            }
        }
        finally { Console.SetError(stderr); }
        Assert.Equal(expected, actual);
    }
}
