namespace Batuta.Python.Tests.Oracle;

/// <summary>The CPython 3.11 standard library and test suite as a parser corpus, and the fixed CI sample of it.</summary>
public static class Corpus
{
    public const string Root = "/usr/lib/python3.11";

    /// <summary>Files a sample always contains: the corpus's syntax errors and its hardest syntax.</summary>
    private static readonly string[] MustInclude =
    {
        "test/test_fstring.py", "test/test_grammar.py", "test/test_patma.py", "test/test_syntax.py",
        "test/test_unicode_identifiers.py", "test/test_string_literals.py", "test/test_named_expressions.py",
        "test/test_positional_only_arg.py", "test/test_exception_group.py", "test/test_except_star.py",
        "test/test_coroutines.py", "test/test_codecs.py", "test/test_unicode.py",
        "test/bad_coding.py", "test/bad_coding2.py", "test/badsyntax_3131.py", "test/badsyntax_pep3120.py",
        "test/badsyntax_future3.py", "test/badsyntax_future10.py",
        "test/encoded_modules/module_iso_8859_1.py", "test/encoded_modules/module_koi8_r.py",
        "lib2to3/tests/data/bom.py", "lib2to3/tests/data/crlf.py", "lib2to3/tests/data/different_encoding.py",
        "lib2to3/tests/data/false_encoding.py", "lib2to3/tests/data/py2_test_grammar.py",
        "lib2to3/tests/data/py3_test_grammar.py", "typing.py", "dataclasses.py", "ast.py",
    };

    /// <summary>Every .py file of the corpus, sorted by ordinal path.</summary>
    public static IReadOnlyList<string> AllFiles()
    {
        if (!Directory.Exists(Path.Combine(Root, "test")))
            throw new InvalidOperationException($"{Root}/test is missing: install CPython's test suite (apt-get install -y libpython3.11-testsuite)");
        return Directory.EnumerateFiles(Root, "*.py", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/site-packages/", StringComparison.Ordinal) && !p.Contains("/dist-packages/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A deterministic sample: every k-th file plus <see cref="MustInclude"/> (about <paramref name="size"/> files).</summary>
    public static IReadOnlyList<string> Sample(int size)
    {
        var all = AllFiles();
        int step = Math.Max(1, all.Count / size);
        var picked = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < all.Count; i += step) picked.Add(all[i]);
        foreach (var m in MustInclude)
        {
            var full = Path.Combine(Root, m);
            if (File.Exists(full)) picked.Add(full);
        }
        return picked.ToList();
    }
}
