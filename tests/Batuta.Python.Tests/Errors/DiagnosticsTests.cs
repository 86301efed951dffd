using System.Text;

namespace Batuta.Python.Tests.Errors;

/// <summary>What a caller (the CLI, the generator, Core) gets on bad input: never an exception, located diagnostics with hints.</summary>
public class DiagnosticsTests
{
    [Fact]
    public void Syntax_error_is_a_located_diagnostic_with_a_hint()
    {
        var r = PythonParser.Parse("def f(x):\n    return x +\n", "pkg/mod.py");
        Assert.False(r.Success);
        var d = r.Diagnostics[0];
        Assert.Equal("BATUTA-P-001", d.Code);
        Assert.Equal("invalid syntax", d.Message);
        Assert.Equal(2, d.Line);
        Assert.Equal(15, d.Column);
        Assert.Equal("pkg/mod.py", d.Path);
        Assert.False(string.IsNullOrEmpty(d.Hint));
        Assert.StartsWith("pkg/mod.py:2:15: error BATUTA-P-001: invalid syntax", d.Format());
        Assert.Contains("hint:", d.Format());
    }

    [Theory]
    [InlineData("x = (1,\ny = 2\n\ndef f(:\n    pass\n\nclass C\n    pass\n\nprint 'hi'\nz = 3\n", 4)]
    [InlineData("x = foo(1, 2\ny = 3\nz = [4,\nw = 5 5\n", 2)]
    [InlineData("s = 'unterminated\nt = 0777\nu = $\nv = 1 +\n", 4)]
    public void Several_errors_are_reported_the_first_one_like_cpython(string source, int atLeast)
    {
        var r = PythonParser.Parse(source);
        var errors = r.Errors.ToList();
        Assert.True(errors.Count >= atLeast, string.Join("\n", errors.Select(e => e.Format())));
        var cpython = Oracle.CPython.AskSources("dump", new[] { source })[0];
        Assert.Equal(cpython.Line, errors[0].Line);
        Assert.Equal(cpython.Message, errors[0].Message);
        Assert.True(errors.Select(e => e.Line).SequenceEqual(errors.Select(e => e.Line).OrderBy(l => l)) || errors[0].Line > errors[1].Line,
            "after the first error, the others come in source order");
        Assert.NotNull(r.Module);
    }

    [Fact]
    public void Errors_in_separate_statements_are_all_reported()
    {
        var r = PythonParser.Parse("a = = 1\nb = 2\nc = )\nif x\n    pass\nprint 'x'\n");
        var lines = r.Errors.Select(e => e.Line).ToList();
        Assert.Contains(1, lines);
        Assert.Contains(4, lines);
        Assert.Contains(6, lines);
        Assert.Contains(r.Module!.Body, s => s is Batuta.Python.Ast.Assign a && a.Line == 2);
    }

    [Fact]
    public void Indentation_errors_name_the_statement_and_its_line()
    {
        var r = PythonParser.Parse("for x in y:\nprint(x)\n");
        Assert.Equal("expected an indented block after 'for' statement on line 1", r.Diagnostics[0].Message);
        Assert.Equal("IndentationError", r.Diagnostics[0].ErrorType);
        Assert.Equal(2, r.Diagnostics[0].Line);
    }

    [Fact]
    public void Invalid_escape_is_a_warning_not_an_error()
    {
        var r = PythonParser.Parse("x = '\\d'\n");
        Assert.True(r.Success);
        var w = Assert.Single(r.Warnings);
        Assert.Equal("invalid escape sequence '\\d'", w.Message);
        Assert.Equal(DiagnosticCodes.DeprecatedSyntax, w.Code);
    }

    [Fact]
    public void Garbage_never_throws()
    {
        var random = new Random(7);
        for (int i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            var r = PythonParser.Parse(bytes);
            Assert.NotNull(r);
            if (!r.Success) Assert.NotEmpty(r.Errors);
        }
        Assert.False(PythonParser.Parse(Encoding.UTF8.GetBytes("\uFFFF\uD7FF")).Success);
    }

    [Fact]
    public void Dump_is_null_when_parsing_failed()
    {
        Assert.Null(PythonParser.Parse("x = (").Dump());
        Assert.Equal("Module(body=[Pass()], type_ignores=[])", PythonParser.Parse("pass").Dump());
    }
}
