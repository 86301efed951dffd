using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class ExceptionToolingTests
{
    private static ExceptionGroup Mixed() => new("mixed", new PyList<object?>
    {
        new ValueError(new PyInt(1)), new TypeError(new PyInt(2)),
        new ExceptionGroup("nested", new PyList<object?> { new ValueError(new PyInt(3)), new KeyError(new PyInt(4)) }),
    });

    [Fact]
    public void Split_and_subgroup_keep_the_nesting_as_CPython()
    {
        var expected = CPython.Lines("eg = ExceptionGroup('mixed', [ValueError(1), TypeError(2), ExceptionGroup('nested', [ValueError(3), KeyError(4)])])\n"
            + "print(repr(eg)); print(eg)\nm, r = eg.split(ValueError)\nprint(repr(m)); print(repr(r))\n"
            + "print(repr(eg.subgroup((KeyError, TypeError))), eg.subgroup(OSError))");
        var eg = Mixed();
        Assert.Equal(expected[0], Repr.Of(eg));
        Assert.Equal(expected[1], Str.Of(eg));
        var parts = eg.Split(typeof(ValueError));
        Assert.Equal(expected[2], Repr.Of(parts[0]));
        Assert.Equal(expected[3], Repr.Of(parts[1]));
        Assert.Equal(expected[4], Repr.Of(eg.Subgroup(new PyTuple(new object?[] { typeof(KeyError), typeof(TypeError) }))) + " " + Repr.Of(eg.Subgroup(typeof(OSError))));
    }

    [Fact]
    public void Constructor_checks_its_arguments_as_CPython()
    {
        Assert.Equal("second argument (exceptions) must be a non-empty sequence", Assert.Throws<ValueError>(() => new ExceptionGroup("x", new PyList<object?>())).PyStr());
        Assert.Equal("Item 0 of second argument (exceptions) is not an exception", Assert.Throws<ValueError>(() => new ExceptionGroup("x", new PyList<object?> { new PyInt(1) })).PyStr());
        Assert.Equal("Cannot nest BaseExceptions in an ExceptionGroup", Assert.Throws<TypeError>(() => new ExceptionGroup("x", new PyList<object?> { new KeyboardInterrupt() })).PyStr());
        Assert.Equal("argument 1 must be str, not int", Assert.Throws<TypeError>(() => new ExceptionGroup(new PyInt(1), new PyList<object?> { new ValueError() })).PyStr());
    }

    [Fact]
    public void Except_star_regroups_what_is_left_and_what_the_clauses_raise()
    {
        // except* ValueError: raise RuntimeError  over  ExceptionGroup('work', [ValueError('v'), TypeError('t')])
        var star = new ExceptStar(new ExceptionGroup("work", new PyList<object?> { new ValueError("v"), new TypeError("t") }));
        var match = star.Match(e => e is ValueError);
        Assert.NotNull(match);
        Assert.Equal("ExceptionGroup('work', [ValueError('v')])", Repr.Of(match));
        star.Raised(new RuntimeError("replaced"), match);
        var left = Assert.Throws<ExceptionGroup>(star.Finish);
        Assert.Equal("ExceptionGroup('', [RuntimeError('replaced'), ExceptionGroup('work', [TypeError('t')])])", Repr.Of(left));
        Assert.Same(match, ((PyBaseException)left.Members[0]).PyContext);
    }

    [Fact]
    public void Except_star_wraps_a_naked_exception_and_lets_an_unmatched_one_through()
    {
        var naked = new ValueError("naked");
        var star = new ExceptStar(naked);
        Assert.Null(star.Match(e => e is TypeError));
        Assert.Equal("ExceptionGroup('', (ValueError('naked'),))", Repr.Of(star.Match(e => e is ValueError)));
        star.Finish();
        var unmatched = new ExceptStar(new KeyError("k"));
        Assert.Null(unmatched.Match(e => e is ValueError));
        Assert.Throws<KeyError>(unmatched.Finish);
    }

    [Fact]
    public void An_uncaught_group_prints_CPython_s_margins_and_notes()
    {
        var eg = Mixed();
        eg.AddNote("while importing");
        var lines = TracebackFormatter.Format(eg, "prog.py").TrimEnd('\n').Split('\n');
        Assert.Equal(new[]
        {
            "  + Exception Group Traceback (most recent call last):",
            "  |   File \"prog.py\", line 1, in <module>",
            "  | ExceptionGroup: mixed (3 sub-exceptions)",
            "  | while importing",
            "  +-+---------------- 1 ----------------",
            "    | ValueError: 1",
            "    +---------------- 2 ----------------",
            "    | TypeError: 2",
            "    +---------------- 3 ----------------",
            "    | ExceptionGroup: nested (2 sub-exceptions)",
            "    +-+---------------- 1 ----------------",
            "      | ValueError: 3",
            "      +---------------- 2 ----------------",
            "      | KeyError: 4",
            "      +------------------------------------",
        }, lines);
    }

    [Fact]
    public void Notes_follow_the_last_line_and_must_be_str()
    {
        var e = new ValueError("base");
        Assert.False(Py.HasAttr(e, "__notes__"));
        e.AddNote("first");
        e.AddNote("second\nline");
        Assert.Equal(new[] { "ValueError: base\n", "first\n", "second\n", "line\n" }, TracebackModule.FormatExceptionOnly(e));
        Assert.Equal("note must be a str, not 'int'", Assert.Throws<TypeError>(() => e.AddNote(new PyInt(3))).PyStr());
    }

    [Fact]
    public void Exit_stack_runs_callbacks_last_in_first_out_and_a_true_exit_suppresses()
    {
        var order = new List<string>();
        var stack = new ExitStack();
        stack.Push(new PyVariadicFunction("first", _ => { order.Add("first"); return true; }));
        stack.Callback(new PyVariadicFunction("second", a => { order.Add("second " + Str.Of(a[0])); return null; }), new object?[] { "x" }, new PyDict<string, object?>());
        Assert.True(stack.Exit(new KeyError("k")));
        Assert.Equal(new[] { "second x", "first" }, order);
        Assert.False(stack.Exit(null));
    }

    [Fact]
    public void Warnings_follow_the_filters_and_catch_warnings_records_them()
    {
        var catcher = WarningsModule.CatchWarnings(record: true);
        var log = Assert.IsType<PyList<object?>>(catcher.Enter());
        try
        {
            // the default action shows a location once; "always" every time; DeprecationWarning only in __main__
            WarningsModule.Warn("once", null, 1, new SourceSite("__main__", "prog.py", 3, "<module>"));
            WarningsModule.Warn("once", null, 1, new SourceSite("__main__", "prog.py", 3, "<module>"));
            WarningsModule.Warn("old", typeof(DeprecationWarning), 1, new SourceSite("helper", "helper.py", 4, "<module>"));
            WarningsModule.Warn("old", typeof(DeprecationWarning), 1, new SourceSite("__main__", "prog.py", 5, "<module>"));
            WarningsModule.SimpleFilter("always");
            WarningsModule.Warn("again", typeof(RuntimeWarning), 1, new SourceSite("__main__", "prog.py", 6, "<module>"));
            WarningsModule.Warn("again", typeof(RuntimeWarning), 1, new SourceSite("__main__", "prog.py", 6, "<module>"));
            WarningsModule.FilterWarnings("error", "fatal", typeof(UserWarning));
            Assert.Equal("fatal thing", Assert.Throws<UserWarning>(() => WarningsModule.Warn("fatal thing", null, 1, new SourceSite("__main__", "prog.py", 7, "<module>"))).PyStr());
            Assert.Equal("invalid action: 'loud'", Assert.Throws<ValueError>(() => WarningsModule.SimpleFilter("loud")).PyStr());
        }
        finally
        {
            catcher.Exit(null);
        }
        var seen = log.Cast<WarningMessage>().Select(w => $"{w.Category.Name}:{w.Message.PyStr()}:{w.Lineno}");
        Assert.Equal(new[] { "UserWarning:once:3", "DeprecationWarning:old:5", "RuntimeWarning:again:6", "RuntimeWarning:again:6" }, seen);
    }
}
