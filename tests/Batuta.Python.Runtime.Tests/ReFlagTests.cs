using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>re.RegexFlag: printing by name, combining into flags, and int behaviour elsewhere, as CPython 3.11.</summary>
public sealed class ReFlagTests
{
    [Fact]
    public void Flags_print_and_combine_as_cpython()
    {
        var expected = CPython.Lines("import re\nprint(re.I, re.M | re.S, re.I | 1024, ~re.I, re.NOFLAG, re.A & re.I, repr(re.X), 0 | re.U, re.I + 1, f'{re.S:d}|{re.I}')");
        var actual = string.Join(" ", Str.Of(ReFlag.IGNORECASE), Str.Of(Dyn.BitOr(ReFlag.MULTILINE, ReFlag.DOTALL)), Str.Of(Dyn.BitOr(ReFlag.IGNORECASE, new PyInt(1024))),
            Str.Of(Dyn.Invert(ReFlag.IGNORECASE)), Str.Of(ReFlag.NOFLAG), Str.Of(Dyn.BitAnd(ReFlag.ASCII, ReFlag.IGNORECASE)), Repr.Of(ReFlag.VERBOSE),
            Str.Of(Dyn.BitOr(new PyInt(0), ReFlag.UNICODE)), Str.Of(Dyn.Add(ReFlag.IGNORECASE, new PyInt(1))), ReFlag.DOTALL.PyFormat("d") + "|" + ReFlag.IGNORECASE.PyFormat(""));
        Assert.Equal(expected[0], actual);
    }

    [Fact]
    public void Pattern_flags_and_repr_include_inline_and_unicode_flags()
    {
        Assert.Equal(34, ReModule.Compile("(?i)abc").Flags);
        Assert.Equal(256, ReModule.Compile("(?a)abc").Flags);
        Assert.Equal("re.compile('x', re.IGNORECASE|re.ASCII)", ReModule.Compile("x", 258).PyRepr());
        Assert.Equal("re.compile('a', 0x200)", ReModule.Compile("a", 512).PyRepr());
        Assert.Throws<ValueError>(() => ReModule.Compile("x", 256 | 32));
        Assert.Throws<ValueError>(() => ReModule.Compile("x", 4));
    }
}
