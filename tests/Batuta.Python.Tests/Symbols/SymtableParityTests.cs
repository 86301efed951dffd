using System.Text;
using Batuta.Python.Symbols;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Symbols;

/// <summary>Symbol tables against CPython's own <c>symtable</c> module: scopes, and every name's flags and scope.</summary>
public class SymtableParityTests
{
    /// <summary>The same listing oracle.py prints: scope headers, then names sorted with CPython's packed value.</summary>
    internal static string Listing(SymbolTableResult st)
    {
        if (!st.Success) return "ERR " + st.Diagnostics[0].Line + " " + st.Diagnostics[0].Message;
        var sb = new StringBuilder();
        Append(st.Top, sb, 0);
        return sb.ToString().TrimEnd('\n');
    }

    private static void Append(Scope s, StringBuilder sb, int depth)
    {
        string kind = s.Kind switch { ScopeKind.Module => "module", ScopeKind.Class => "class", ScopeKind.Function => "function", _ => "annotation" };
        string pad = new(' ', 2 * depth);
        sb.Append(pad).Append($"T {kind} {s.Name} {s.Line} {(s.IsNested ? 1 : 0)}\n");
        foreach (var sym in s.Symbols.OrderBy(x => x.Name, StringComparer.Ordinal)) sb.Append(pad).Append($" S {sym.Name} {sym.PackedValue}\n");
        foreach (var c in s.Children) Append(c, sb, depth + 1);
    }

    private static string Ours(ParseResult r)
    {
        if (!r.Success) return "ERR " + r.Diagnostics.First(d => d.IsError).Line + " " + r.Diagnostics.First(d => d.IsError).Message;
        return Listing(SymbolTableBuilder.Build(r));
    }

    private static string Theirs(OracleAnswer a) => a.Ok ? a.Dump! : "ERR " + Math.Max(1, a.Line) + " " + a.Message;

    [Fact]
    public void Stdlib_sample_symbol_tables_equal_cpython()
    {
        var files = Oracle.Corpus.Sample(StdlibSampleSize);
        var answers = CPython.AskFiles("symtable", files);
        var failures = new StringBuilder();
        for (int i = 0; i < files.Count; i++)
        {
            string ours = Ours(PythonParser.Parse(File.ReadAllBytes(files[i]), files[i]));
            string theirs = Theirs(answers[i]);
            if (ours.StartsWith("ERR", StringComparison.Ordinal) && theirs.StartsWith("ERR 1 ", StringComparison.Ordinal) && answers[i].Line == 0) continue;
            if (ours != theirs) failures.AppendLine($"{files[i]}: first difference at line {FirstDifference(theirs, ours)}");
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private const int StdlibSampleSize = 60;

    /// <summary>Scoping corners: cells and frees, global/nonlocal, class scopes, comprehensions and walrus, mangling, annotations.</summary>
    public static IEnumerable<object[]> Corners() => new[]
    {
        "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
        "def f():\n    def g():\n        nonlocal x\n        x = 2\n    x = 1\n",
        "x = 1\ndef f():\n    global x\n    x = 2\n    y = x\n",
        "class C:\n    x = 1\n    def m(self):\n        return x\n    def n(self):\n        return __class__\n",
        "class C:\n    def m(self):\n        super().m()\n",
        "def f(a, /, b=1, *c, d, e=2, **g):\n    return [a for a in c if b]\n",
        "def f():\n    [y := i for i in range(3)]\n    return y\n",
        "[z := i for i in range(3)]\nprint(z)\n",
        "class C:\n    __private = 1\n    def m(self):\n        return self.__private, __dunder__, __x\n",
        "from __future__ import annotations\ndef f(a: int) -> str:\n    x: list[int] = []\n",
        "def f(a: int) -> str:\n    x: list[int] = []\n",
        "import a.b.c, d as e\nfrom f import g, h as i\n",
        "def f():\n    try:\n        pass\n    except E as e:\n        pass\n    with a as (b, c):\n        pass\n    for d in e: pass\n",
        "match x:\n    case [a, *b] | {'k': a, **b} | C(a, b=b) as c:\n        pass\n",
        "lambda x, *y, **z: (x, y, z, w)\n",
        "def gen():\n    yield from (x for x in y)\nasync def co():\n    await z\n",
        "def outer():\n    a = 1\n    class Inner:\n        a = 2\n        def m(self):\n            return a\n",
        "def f():\n    global g\n    def h():\n        return g\n",
        "def f(x):\n    global x\n",
        "def f():\n    x = 1\n    global x\n",
        "def f():\n    print(x)\n    nonlocal x\n",
        "nonlocal x\n",
        "def f():\n    def g():\n        nonlocal q\n",
        "def f(a, a): pass\n",
        "def f():\n    from os import *\n",
        "def f():\n    [i := 0 for i in range(3)]\n",
        "class C:\n    [y := 1 for i in range(3)]\n",
        "[x for x in (y := [1, 2])]\n",
        "def f():\n    x: int\n    global x\n",
        "f = lambda: [(yield) for x in y]\n",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Corners))]
    public void Corner_cases_equal_cpython(string source)
    {
        var answer = CPython.AskSources("symtable", new[] { source })[0];
        Assert.Equal(Theirs(answer), Ours(PythonParser.Parse(source)));
    }

    [Fact]
    public void Classification_reads_like_python_symtable()
    {
        var st = SymbolTableBuilder.Build(PythonParser.Parse("x = 1\ndef f(a):\n    b = a\n    def g():\n        return b + x\n    return g\n"));
        Assert.True(st.Success);
        var f = st.Top.Children.Single();
        var g = f.Children.Single();
        Assert.Equal(ScopeKind.Function, f.Kind);
        Assert.Equal(new[] { "a" }, f.Parameters);
        Assert.True(f.Lookup("b")!.IsCell);
        Assert.True(f.Lookup("b")!.IsLocal);
        Assert.True(g.Lookup("b")!.IsFree);
        Assert.True(g.Lookup("x")!.IsGlobal);
        Assert.False(g.Lookup("x")!.IsDeclaredGlobal);
        Assert.True(st.Top.Lookup("f")!.IsNamespace);
        Assert.True(g.IsNested);
        Assert.Equal(new[] { "b" }, f.Cells);
        Assert.Equal(new[] { "b" }, g.Frees);
    }

    private static int FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        int i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        return i + 1;
    }
}
