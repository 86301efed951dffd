using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>Bad Python gives clean diagnostics at the right file and line, and never a crash.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void Syntax_error_is_T002_at_the_line_CPython_reports()
    {
        var r = TestTranspiler.Transpile("x = 1\nif x > 0\n    print(x)\n", "broken.py");
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.SyntaxError);
        Assert.Equal("broken.py", d.Path);
        Assert.Equal(2, d.Line);
        Assert.Equal(TranspilerSeverity.Error, d.Severity);
        Assert.Contains("expected ':'", d.Message);
        Assert.True(r.HasErrors);
    }

    [Fact]
    public void Syntax_error_in_one_module_keeps_the_others()
    {
        var r = PythonTranspiler.Transpile(new[] { ("main.py", "import util\nprint(util.f())\n"), ("util.py", "def f(:\n    pass\n") }, new TranspileOptions { EntryModule = "main.py" });
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.SyntaxError);
        Assert.Equal("util.py", d.Path);
        Assert.Equal(1, d.Line);
        Assert.Contains(r.Files, f => f.Path == "MainModule.g.cs");
    }

    [Theory]
    [InlineData("def f():\n    return 1\n\nx = eval('1 + 2')\nprint(x)\n", 4, "eval()")]
    [InlineData("print('a')\nexec('print(1)')\nprint('b')\n", 2, "exec()")]
    [InlineData("import sys\n\nclass Meta(type):\n    pass\n\nclass A(metaclass=Meta):\n    pass\n", 6, "metaclass")]
    [InlineData("def g():\n    yield 1\n\nx = 5\nasync def h():\n    pass\n", 5, "async")]
    [InlineData("def g(xs):\n    for x in xs:\n        try:\n            yield int(x)\n            if x == 'q':\n                break\n        except ValueError:\n            pass\n\nprint(list(g(['1'])))\n", 3, "yield inside try/except")]
    [InlineData("import sys\n\n\nclass Symbols(set):\n    pass\n\nprint(Symbols([1]))\n", 4, "subclassing the builtin set")]
    [InlineData("class Symbol(str):\n    def __init__(self, v, n):\n        self.n = n\n\nprint(Symbol('a', 1))\n", 1, "subclassing the builtin str")]
    [InlineData("class Symbol(str):\n    pass\n\nprint(Symbol('a', 'utf-8'))\n", 4, "Symbol(...) with more than one argument")]
    [InlineData("class AD(dict):\n    def __setattr__(self, k, v):\n        self[k] = v\n\n    def __init__(self):\n        self.a = 1\n\nprint(AD())\n", 6, "whose attributes are its entries")]
    [InlineData("class P:\n    def __new__(cls, *a):\n        return object.__new__(cls)\n\nclass Q(P):\n    def __init__(self, x):\n        self.x = x\n\nprint(Q(1).x)\n", 2, "__new__ of class P")]
    [InlineData("class B:\n    @classmethod\n    def f(cls):\n        return 'B'\n\nclass L(B):\n    @classmethod\n    def f(cls):\n        return 'L' + super().f()\n\nclass R(B):\n    @classmethod\n    def f(cls):\n        return 'R' + super().f()\n\nclass C(L, R):\n    pass\n\nprint(C.f())\n", 16, "cooperative super() across the bases of class C")]
    [InlineData("from dataclasses import dataclass\n\ndef f():\n    @dataclass\n    class P:\n        x: int = 0\n    print('made')\n\nf()\n", 5, "a decorated class (or one with metaclass=) defined inside a function")]
    [InlineData("def f():\n    n = 0\n\n    class C:\n        def bump(self):\n            nonlocal n\n            n += 1\n    print('made')\n\nf()\n", 4, "(nonlocal)")]
    [InlineData("class H:\n    def make(self):\n        class I:\n            pass\n        print('x')\n\nH().make()\n", 3, "a class defined inside a function")]
    [InlineData("from optparse import OptionParser\n\n\nclass Quiet(OptionParser):\n    pass\n\nprint(Quiet())\n", 4, "subclassing optparse.OptionParser")]
    [InlineData("import optparse\nopts = ['-a']\np = optparse.Option(*opts)\nprint(p)\n", 3, "optparse.Option() with *args")]
    public void Unsupported_construct_is_T004_at_its_line(string source, int line, string what)
    {
        var r = TestTranspiler.Transpile(source, "app.py");
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.Unsupported);
        Assert.Equal(line, d.Line);
        Assert.Equal("app.py", d.Path);
        Assert.Contains(what, d.Message);
        Assert.False(r.HasErrors);
        Assert.Contains(r.Files, f => f.Path == "AppModule.g.cs");
    }

    [Fact]
    public void Unsupported_construct_throws_NotSupportedException_there_and_the_rest_runs()
    {
        var source = "print('before')\nx = eval('1 + 2')\nprint('after')\n";
        var r = TestTranspiler.Transpile(source, "app.py");
        var code = TestTranspiler.Code(r);
        Assert.Contains("Py.Unsupported(\"eval()\", \"app.py:2\")", code);
        Assert.Contains("Py.Print(\"before\")", code);
        Assert.Contains("Py.Print(\"after\")", code);

        var dir = Path.Combine(Path.GetTempPath(), "batuta-diag-" + Guid.NewGuid().ToString("N"));
        try
        {
            var trees = InMemoryCompiler.Parse(r.Files.Select(f => (f.Path, f.Text)));
            var compiled = InMemoryCompiler.Compile(trees, Path.Combine(dir, "app.dll"));
            Assert.True(compiled.Success, string.Join("\n", compiled.Errors));
            var run = ProcessRunner.Run("dotnet", new[] { "exec", Path.Combine(dir, "app.dll") }, dir);
            Assert.Equal("before\n", run.Stdout);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("NotImplementedError: eval() is not supported by Batuta (BATUTA-T-004 at app.py:2)", run.Stderr);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("import sys\nprint('before')\nprint(sys.getwindowsversion)\n", "sys.getwindowsversion")]
    [InlineData("from zlib import ZLIB_RUNTIME_VERSION\nprint('before')\nprint(ZLIB_RUNTIME_VERSION)\n", "zlib.ZLIB_RUNTIME_VERSION")]
    [InlineData("from os import getloadavg\nprint('before')\nprint(getloadavg)\n", "os.getloadavg")]
    [InlineData("from math import nextafter\nprint('before')\nprint(nextafter)\n", "math.nextafter")]
    [InlineData("import math\nprint('before')\nf = math.nextafter\nprint(f(1, 2))\n", "math.nextafter")]
    [InlineData("import os\nprint('before')\nx = os.getloadavg\nprint(x)\n", "os.getloadavg")]
    [InlineData("from math import ulp as unit\nprint('before')\nfs = [unit]\nprint(fs)\n", "math.ulp")]
    [InlineData("import math\nprint('before')\nm = math\nprint(m.pi)\n", "the module math used as a value")]
    [InlineData("import random\nprint('before')\nrandom.seed = print\nrandom.seed(1)\n", "assigning random.seed")]
    public void Unmapped_module_member_is_T004_and_the_program_still_compiles(string source, string what)
    {
        var r = TestTranspiler.Transpile(source, "app.py");
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.Unsupported);
        Assert.Equal(3, d.Line);
        Assert.Contains(what, d.Message);
        var dir = Path.Combine(Path.GetTempPath(), "batuta-diag-" + Guid.NewGuid().ToString("N"));
        try
        {
            var compiled = InMemoryCompiler.Compile(InMemoryCompiler.Parse(r.Files.Select(f => (f.Path, f.Text))), Path.Combine(dir, "app.dll"));
            Assert.True(compiled.Success, string.Join("\n", compiled.Errors));
            var run = ProcessRunner.Run("dotnet", new[] { "exec", Path.Combine(dir, "app.dll") }, dir);
            Assert.Equal("before\n", run.Stdout);
            Assert.Contains($"NotImplementedError: {what} is not supported by Batuta (BATUTA-T-004 at app.py:3)", run.Stderr);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Uninferable_type_is_T003_and_dynamic()
    {
        var r = TestTranspiler.Transpile("def show(x):\n    return x\n", "lib.py");
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.DynamicFallback && d.Message.Contains("parameter 'x'"));
        Assert.Equal(1, d.Line);
        Assert.Contains("object? x", TestTranspiler.Code(r));
    }

    [Fact]
    public void Unknown_module_is_T005()
    {
        var r = TestTranspiler.Transpile("import requests\n\nprint(1)\n", "main.py");
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.UnknownModule);
        Assert.Equal(1, d.Line);
        Assert.Contains("requests", d.Message);
    }

    [Fact]
    public void Urllib_submodules_other_than_parse_are_T005()
    {
        var r = TestTranspiler.Transpile("from urllib import parse, request\n\nprint(parse.quote('a b'))\n", "main.py");
        var d = Assert.Single(r.Diagnostics, d => d.Code == TranspilerCodes.UnknownModule);
        Assert.Contains("'urllib.request'", d.Message);
        Assert.Contains("UrlQuoting.Quote(", TestTranspiler.Code(r));
    }

    [Fact]
    public void Urlparse_and_fnmatch_over_bytes_are_T004()
    {
        var r = TestTranspiler.Transpile("import fnmatch\nfrom urllib.parse import urlparse\n\nprint(urlparse(b'http://x/'))\nprint(fnmatch.fnmatch(b'a', 'a'))\n", "main.py");
        var lines = r.Diagnostics.Where(d => d.Code == TranspilerCodes.Unsupported).Select(d => d.Line).ToArray();
        Assert.Equal(new[] { 4, 5 }, lines);
    }

    [Fact]
    public void Transpile_is_deterministic()
    {
        var src = File.ReadAllText(Path.Combine(Paths.Corpus, "dataclass_basic.py"));
        var a = TestTranspiler.Code(TestTranspiler.Transpile(src));
        var b = TestTranspiler.Code(TestTranspiler.Transpile(src));
        Assert.Equal(a, b);
    }

    /// <summary>
    /// Argument shapes a mapping row does not bind (found by StdlibFuzzTests on unmutated stdlib files): a diagnostic at
    /// the call, never an internal error (BATUTA-T-099). Functions fall back to NotSupportedException, methods to the dynamic call.
    /// </summary>
    [Theory]
    [InlineData("C = type(name='C', bases=(), dict={})\nprint(C)\n", 1, TranspilerCodes.Unsupported, "type()")]
    [InlineData("print('a')\nprint(abs())\n", 2, TranspilerCodes.Unsupported, "abs()")]
    [InlineData("xs = [1]\nxs.append()\nprint(xs)\n", 2, TranspilerCodes.DynamicFallback, ".append()")]
    [InlineData("s = 'abc'\n\nprint(s.startswith())\n", 3, TranspilerCodes.DynamicFallback, ".startswith()")]
    public void Argument_shape_a_mapping_does_not_bind_is_a_diagnostic_not_an_internal_error(string source, int line, string code, string what)
    {
        var r = TestTranspiler.Transpile(source, "app.py");
        Assert.DoesNotContain(r.Diagnostics, d => d.Code == TranspilerCodes.Internal);
        var d = Assert.Single(r.Diagnostics, d => d.Code == code && d.Message.Contains(what));
        Assert.Equal(line, d.Line);
        Assert.False(r.HasErrors);
    }

    /// <summary>
    /// Types that nest themselves (test_json/test_recursion.py's `l, d = [l], {'k': d}`) reach a fixed point, and lambdas
    /// nested up to the parser's limit transpile in linear-ish time: the part past the type depth limit is dynamic.
    /// </summary>
    [Fact]
    public void Self_nesting_types_and_deep_lambdas_transpile_quickly()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var lambdas = TestTranspiler.Transpile("x = " + string.Concat(Enumerable.Repeat("lambda: ", 990)) + "1\nprint(x())\n", "app.py");
        var recursive = TestTranspiler.Transpile("class T:\n    def test(self):\n        l, d = [], {}\n        for x in range(100000):\n            l, d = [l], {'k': d}\n        return l, d\n\n\nl, d = [], {}\nfor x in range(10):\n    l, d = [l], {'k': d}\nx = []\nx.append(x)\nprint(l, d, T().test()[0] is not None)\n", "app.py");
        sw.Stop();
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
        Assert.DoesNotContain(lambdas.Diagnostics.Concat(recursive.Diagnostics), d => d.Code == TranspilerCodes.Internal || d.Severity == TranspilerSeverity.Error);
        Assert.Contains(lambdas.Diagnostics, d => d.Code == TranspilerCodes.DynamicFallback && d.Message.Contains("lambdas nested"));
        Assert.Contains("PyList<object?> l", TestTranspiler.Code(recursive));
    }
}
