using Batuta.Python.Tests.Oracle;

namespace Batuta.Python.Tests.Errors;

/// <summary>
/// Corners of CPython 3.11's error reporting that follow from how pegen works rather than from the grammar's
/// intent; each is checked against live CPython (line, message and column).
/// </summary>
public class CPythonQuirkTests
{
    public static readonly TheoryData<string, string> Cases = new()
    {
        // SOFT_KEYWORD matches any prefix of "match", "case" or "_" (strncmp on the token's length).
        { "soft keyword prefix", "[c x]\n" },
        { "soft keyword prefix 2", "print(ma d)\n" },
        { "not a prefix", "[cc d]\n" },
        { "longer than the keyword", "[matches d]\n" },
        // expression and disjunction are memoised by position only: results computed under
        // expression_without_invalid hide the invalid rules there later.
        { "memo hides the comma hint", "p q r(s t)\n" },
        { "memo hides, prose", "Test that open (the builtin) is correctly called\n" },
        { "if without else is still found", "Return True if the platform is Mac\n" },
        { "memo across names", "a b {d e}\n" },
        // primary genexp: genexp's invalid_comprehension runs at any ( [ { after a primary.
        { "set after a name", "p {s t}\n" },
        { "set after a number", "1 {y, z w}\n" },
        { "starred comprehension after a name", "x[*a for a in b]\n" },
        { "unparenthesised target in a subscript", "x[a, b for b in c]\n" },
        { "trailing comma target", "x[a, for a in b]\n" },
        { "set comprehension after a name", "x {*a for a in b}\n" },
        { "call with starred comprehension", "f(*a for a in b)\n" },
        { "as an assignment target", "x.y[a, b for b in c] = 3\n" },
        { "in del", "del x[a, b for b in c]\n" },
        // invalid_arguments: args ',' '*'.
        { "star without a value", "stat(path, *, dir_fd=None)\n" },
        { "star after keyword", "f(x=1, *)\n" },
        { "star after mapping", "f(**k, *b)\n" },
        { "star after mapping, bad value", "f(**k, *(a b))\n" },
        { "positional after keywords is not read in pass 1", "dict(x=34, (x for x in range 10), 1)\n" },
        // '{' invalid_double_starred_kvpairs '}' is not guarded: it raises in the first pass.
        { "dict key without value", "{y: z, w v}\n" },
        { "dict key without value after a name", "x {y: z, w v}\n" },
        { "starred dict value", "{a: 1, b: *c}\n" },
        // Columns CPython takes from the tokenizer's cursor.
        { "unexpected indent column", "    x\n" },
        { "unindent column", "if x:\n    y\n  z\n" },
        { "continuation column", "x = \\ 1\n" },
        { "eof after continuation", "a = 9+ \\" },
        { "block at end of input", "if 9==3:\n   pass\nelse:" },
        // f-string expression errors are placed within "(expr)".
        { "f-string comma", "f\"{a b}\"\n" },
        { "f-string starred", "f'{*a}'\n" },
        { "f-string nested spec", "f'{4:{/5}}'\n" },
        { "f-string lambda", "f'{lambda x:x}'\n" },
        { "f-string multi-line", "f\"\"\"\n\n\n            {\n            6\n            0=\"\"\"" },
    };

    private static readonly Lazy<Dictionary<string, OracleAnswer>> Answers = new(() =>
    {
        var sources = Cases.Select(c => (string)c[1]).ToList();
        var answers = CPython.AskSources("dump", sources);
        return sources.Select((s, i) => (s, a: answers[i])).ToDictionary(x => x.s, x => x.a);
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Same_error_as_cpython(string name, string source)
    {
        var expected = Answers.Value[source];
        Assert.False(expected.Ok, name + ": CPython accepts it");
        var first = PythonParser.Parse(source).Diagnostics.First(d => d.IsError);
        Assert.Equal((expected.Line, expected.Message, Math.Max(1, expected.Offset)), (first.Line, first.Message, first.Column));
    }
}
