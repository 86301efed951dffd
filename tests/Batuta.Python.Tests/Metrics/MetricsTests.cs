using Batuta.Python.Metrics;

namespace Batuta.Python.Tests.Metrics;

/// <summary>Complexity, line and import metrics, checked against counts worked out by hand from the documented rules.</summary>
public class MetricsTests
{
    private static FunctionMetrics Function(string source, string name = "f") =>
        PythonMetrics.Compute(source).Functions.Single(f => f.Name == name);

    [Fact]
    public void Cyclomatic_counts_every_decision_point()
    {
        const string source = @"
def f(a, b):
    if a and b:
        return 1
    elif a or b:
        return 2
    for x in a:
        pass
    else:
        pass
    while b:
        break
    try:
        pass
    except E:
        pass
    except F:
        pass
    else:
        pass
    y = [i for i in a if i]
    z = 1 if a else 2
    assert a
    with a:
        pass
    return y
";
        // 1 + if + and + elif + or + for + for-else + while + 2 except + try-else + comprehension for + its if + ternary + assert
        Assert.Equal(15, Function(source).Cyclomatic);
    }

    [Fact]
    public void Cyclomatic_of_match_skips_a_final_wildcard()
    {
        const string source = "def f(x):\n    match x:\n        case 1: pass\n        case 2 if x: pass\n        case _: pass\n";
        Assert.Equal(3, Function(source).Cyclomatic);
    }

    [Fact]
    public void Nested_functions_are_measured_on_their_own()
    {
        var m = PythonMetrics.Compute("def outer():\n    if a: pass\n    def inner():\n        if b: pass\n        if c: pass\n    return inner\n");
        Assert.Equal(2, m.Functions.Single(f => f.Name == "outer").Cyclomatic);
        var inner = m.Functions.Single(f => f.Name == "inner");
        Assert.Equal(3, inner.Cyclomatic);
        Assert.Equal("outer.<locals>.inner", inner.QualifiedName);
    }

    [Fact]
    public void Cognitive_sum_of_primes_matches_the_whitepaper()
    {
        const string source = @"
def sum_of_primes(max):
    total = 0
    for i in range(1, max + 1):
        for j in range(2, i):
            if i % j == 0:
                break
        total += i
    return total
";
        var f = Function(source, "sum_of_primes");
        Assert.Equal(6, f.Cognitive);
        Assert.Equal(3, f.MaxNesting);
    }

    [Fact]
    public void Cognitive_match_counts_once()
    {
        Assert.Equal(1, Function("def f(n):\n    match n:\n        case 1: return 'one'\n        case 2: return 'two'\n        case _: return 'many'\n").Cognitive);
    }

    [Fact]
    public void Cognitive_elif_and_else_add_without_nesting()
    {
        Assert.Equal(3, Function("def f(x):\n    if x:\n        pass\n    elif y:\n        pass\n    else:\n        pass\n").Cognitive);
        // An if inside else is nested, unlike elif.
        Assert.Equal(4, Function("def f(x):\n    if x:\n        pass\n    else:\n        if y:\n            pass\n").Cognitive);
    }

    [Fact]
    public void Cognitive_boolean_sequences_and_recursion()
    {
        Assert.Equal(3, Function("def f(a, b, c):\n    if a and b or c:\n        pass\n").Cognitive);
        Assert.Equal(2, Function("def f(a, b, c):\n    if a and b and c:\n        pass\n").Cognitive);
        Assert.Equal(2, Function("def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\n", "fact").Cognitive);
    }

    [Fact]
    public void Cognitive_except_nests_but_try_does_not()
    {
        Assert.Equal(4, Function("def f():\n    try:\n        if a:\n            pass\n    except E:\n        if b:\n            pass\n").Cognitive);
    }

    [Fact]
    public void Line_counts_classify_each_line_once()
    {
        const string source = "\"\"\"Module\ndocstring.\"\"\"\n# comment\n\nx = 1  # trailing\ns = '''a\n\nb'''\n\ndef f():\n    pass\n";
        var lines = PythonMetrics.Compute(source).Lines;
        Assert.Equal(11, lines.Total);
        Assert.Equal(8, lines.Code);
        Assert.Equal(1, lines.CommentOnly);
        Assert.Equal(2, lines.WithComment);
        Assert.Equal(2, lines.Blank);
        Assert.Equal(2, lines.Docstring);
    }

    [Fact]
    public void Imports_list_modules_with_their_context()
    {
        const string source = @"
import os, sys as system
import xml.etree.ElementTree as ET
from . import sibling
from ..pkg.mod import a, b
try:
    import numpy
except ImportError:
    numpy = None
def f():
    import json
";
        var m = PythonMetrics.Compute(source);
        Assert.Equal(new[] { "os", "sys", "xml.etree.ElementTree", ".", "..pkg.mod", "numpy", "json" }, m.Imports.Select(i => i.Module));
        Assert.Equal(new[] { "json", "numpy", "os", "sys", "xml" }, m.TopLevelImports);
        Assert.True(m.Imports.Single(i => i.Module == "numpy").IsConditional);
        Assert.True(m.Imports.Single(i => i.Module == "json").IsNested);
        var rel = m.Imports.Single(i => i.Module == "..pkg.mod");
        Assert.Equal(2, rel.Level);
        Assert.Equal(new[] { "a", "b" }, rel.Names);
    }

    [Fact]
    public void Methods_and_classes_are_counted()
    {
        var m = PythonMetrics.Compute("class A:\n    def m(self, x, *a, k=1, **kw): pass\n    class B:\n        async def n(self): pass\n");
        Assert.Equal(2, m.ClassCount);
        var mm = m.Functions.Single(f => f.Name == "m");
        Assert.True(mm.IsMethod);
        Assert.Equal("A.m", mm.QualifiedName);
        Assert.Equal(5, mm.ParameterCount);
        var n = m.Functions.Single(f => f.Name == "n");
        Assert.True(n.IsAsync);
        Assert.Equal("A.B.n", n.QualifiedName);
    }

    [Fact]
    public void Broken_files_still_give_metrics_for_what_parsed()
    {
        var m = PythonMetrics.Compute("def good():\n    if x: pass\n\ndef bad(:\n    pass\n\ndef also_good():\n    return 1\n");
        Assert.False(m.ParsedCleanly);
        Assert.Contains(m.Functions, f => f.Name == "good" && f.Cyclomatic == 2);
        Assert.Contains(m.Functions, f => f.Name == "also_good");
    }
}
