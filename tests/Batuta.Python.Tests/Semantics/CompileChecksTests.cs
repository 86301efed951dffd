using System.Text;
using Batuta.Python.Semantics;
using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Semantics;

/// <summary>compile()-time errors (future imports, scopes, context) against CPython's compile().</summary>
public class CompileChecksTests
{
    public static IEnumerable<object[]> Cases() => new[]
    {
        "return 1\n", "yield 1\n", "await x\n", "break\n", "continue\n", "def f():\n    break\n",
        "for x in y:\n    def f():\n        continue\n", "class C:\n    return\n", "async def f():\n    yield 1\n    return 2\n",
        "async def f():\n    yield from x\n", "def f():\n    await x\n", "def f():\n    async with a: pass\n",
        "def f():\n    async for a in b: pass\n", "def f():\n    return [x async for x in y]\n", "*a = b\n", "a, *b, *c = d\n",
        "print(*a)\n", "x = *a\n", "f(a=1, a=2)\n", "__debug__ = 1\n", "def f(__debug__): pass\n", "del __debug__\n",
        "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "from __future__ import braces\n",
        "from __future__ import nested_scopes, rested_snopes\n", "import os\nfrom __future__ import annotations\n",
        "\"doc\"\nfrom __future__ import annotations\nfrom __future__ import division\n", "from __future__ import annotations; import os; from __future__ import division\n",
        "def f():\n    from __future__ import division\n", "def f():\n    x = 1\n    global x\n", "def f():\n    nonlocal y\n",
        "async def f():\n    return [await x for x in y]\n", "def f():\n    return (await x for x in y)\n", "lambda: (yield)\n",
        "def f(a:(yield)): pass\n", "class C(*bases, **kw): pass\n", "def f(*args: *Ts): pass\n", "with a as b: pass\n",
        new string('\n', 0) + string.Concat(Enumerable.Range(0, 21).Select(i => new string(' ', i) + "for x in y:\n")) + new string(' ', 21) + "pass\n",
        "while 1:\n    try:\n        break\n    finally:\n        continue\n",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_compile_error_matches_cpython(string source)
    {
        var expected = CPython.AskSources("compile", new[] { source })[0];
        var ours = CompileChecks.Check(PythonParser.Parse(source));
        if (expected.Ok)
        {
            Assert.True(ours.Count == 0, ours.Count == 0 ? "" : ours[0].Format());
            return;
        }
        Assert.True(ours.Count > 0, $"CPython rejects at line {expected.Line}: {expected.Message}");
        Assert.Equal(expected.Line, ours[0].Line);
        Assert.Equal(expected.Message, ours[0].Message);
    }

    [Fact]
    public void Stdlib_sample_compiles_like_cpython()
    {
        var files = Corpus.Sample(60);
        var answers = CPython.AskFiles("compile", files);
        var failures = new StringBuilder();
        for (int i = 0; i < files.Count; i++)
        {
            var ours = CompileChecks.Check(PythonParser.Parse(File.ReadAllBytes(files[i]), files[i]));
            if (answers[i].Ok && ours.Count > 0) failures.AppendLine($"{files[i]}: CPython compiles it, we report {ours[0].Format()}");
            else if (!answers[i].Ok && (ours.Count == 0 || (ours[0].Line != answers[i].Line && answers[i].Line != 0)))
                failures.AppendLine($"{files[i]}: CPython rejects at line {answers[i].Line} ({answers[i].Message}); ours: {(ours.Count == 0 ? "accepted" : ours[0].Format())}");
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }
}
