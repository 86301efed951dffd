using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

/// <summary>A logging call's site (what the transpiler passes) in the record's frame fields.</summary>
public sealed class LoggingSiteTests
{
    private static (Logger Logger, PyTextIO Stream) Captured(string name, string format)
    {
        var logger = LoggingModule.GetLogger(name);
        logger.Propagate = false;
        logger.SetLevel(LoggingModule.DEBUG);
        var stream = PyTextIO.StringIO();
        logger.AddHandler(new LogHandler(stream) { Formatter = new LogFormatter(format) });
        return (logger, stream);
    }

    private static PyDict<string, object?> NoKeywords() => new();

    [Fact]
    public void Logger_methods_record_the_call_site()
    {
        var (logger, stream) = Captured("site.methods", "%(levelname)s|%(name)s|%(module)s|%(filename)s|%(funcName)s|%(lineno)d|%(message)s");
        LoggingModule.MethodAt(new SourceSite("__main__", "jobs.py", 12, "load"), logger, "info", NoKeywords(), "loading %s", "a.txt");
        LoggingModule.MethodAt(new SourceSite("__main__", "jobs.py", 20, "save"), logger, "log", NoKeywords(), new PyInt(30), "saving %d", new PyInt(3));
        LoggingModule.MethodAt(new SourceSite("__main__", "jobs.py", 31, "<module>"), logger, "critical", new PyDict<string, object?> { ["extra"] = new PyDict<string, object?>() }, "top");
        Assert.Equal(
            "INFO|site.methods|jobs|jobs.py|load|12|loading a.txt\n"
            + "WARNING|site.methods|jobs|jobs.py|save|20|saving 3\n"
            + "CRITICAL|site.methods|jobs|jobs.py|<module>|31|top\n",
            stream.GetValue());
    }

    [Fact]
    public void An_imported_module_names_its_own_file_and_full_path()
    {
        var (logger, stream) = Captured("site.imported", "%(module)s %(filename)s %(lineno)d %(pathname)s");
        LoggingModule.MethodAt(new SourceSite("pkg.store", "pkg/store.py", 7, "put"), logger, "warning", NoKeywords(), "x");
        string line = stream.GetValue().TrimEnd('\n');
        Assert.StartsWith("store store.py 7 ", line);
        string path = line.Substring("store store.py 7 ".Length);
        Assert.True(Path.IsPathRooted(path), path);
        Assert.EndsWith(Path.Combine("pkg", "store.py"), path);
    }

    [Fact]
    public void A_call_without_a_site_keeps_the_module_level_defaults()
    {
        var (logger, stream) = Captured("site.unknown", "%(funcName)s:%(lineno)d %(message)s");
        logger.CallMethod("error", ["plain"], NoKeywords());
        Assert.Equal("<module>:0 plain\n", stream.GetValue());
    }

    [Fact]
    public void Another_receiver_has_the_method_called_by_name()
    {
        var list = new PyList<object?>();
        var site = new SourceSite("__main__", "jobs.py", 3, "<module>");
        var stream = PyTextIO.StringIO();
        LoggingModule.MethodAt(site, stream, "write", NoKeywords(), "not a logger");
        Assert.Equal("not a logger", stream.GetValue());
        Assert.Throws<AttributeError>(() => LoggingModule.MethodAt(site, list, "info", NoKeywords(), "x"));
    }
}

/// <summary>stacklevel=2: the site a kept call of the function was made at.</summary>
public sealed class SourceSiteTests
{
    private static readonly SourceSite InOldApi = new("__main__", "jobs.py", 4, "old_api");

    [Fact]
    public void Stacklevel_two_names_the_kept_call_of_the_function()
    {
        var caller = new SourceSite("__main__", "jobs.py", 9, "main");
        var seen = SourceSite.Call(caller, "old_api", () => InOldApi.Up(2));
        Assert.Same(caller, seen);
        Assert.Same(InOldApi, InOldApi.Up(1));
    }

    [Fact]
    public void Nested_kept_calls_find_their_own_callers_and_unwind()
    {
        var inMain = new SourceSite("__main__", "jobs.py", 20, "main");
        var inWrapper = new SourceSite("__main__", "jobs.py", 12, "wrapper");
        var (two, three) = SourceSite.Call(inMain, "wrapper", () => SourceSite.Call(inWrapper, "old_api", () => (InOldApi.Up(2), InOldApi.Up(3))));
        Assert.Same(inWrapper, two);
        Assert.Same(inMain, three);
        // after the calls (and after one that raised) nothing is kept: the function names its own line
        Assert.Throws<ValueError>(() => SourceSite.Call(inMain, "old_api", (Action)(() => throw new ValueError("x"))));
        Assert.Same(InOldApi, InOldApi.Up(2));
    }

    [Fact]
    public void A_record_with_stacklevel_two_names_the_caller()
    {
        var logger = LoggingModule.GetLogger("site.stacklevel");
        logger.Propagate = false;
        var stream = PyTextIO.StringIO();
        logger.AddHandler(new LogHandler(stream) { Formatter = new LogFormatter("%(funcName)s:%(lineno)d %(message)s") });
        var inAudit = new SourceSite("__main__", "jobs.py", 30, "audit");
        var kwargs = new PyDict<string, object?> { ["stacklevel"] = new PyInt(2) };
        SourceSite.Call(new SourceSite("__main__", "jobs.py", 41, "handle"), "audit", () => LoggingModule.MethodAt(inAudit, logger, "warning", kwargs, "audited"));
        LoggingModule.MethodAt(inAudit, logger, "warning", new PyDict<string, object?> { ["stacklevel"] = new PyInt(2) }, "not kept");
        Assert.Equal("handle:41 audited\naudit:30 not kept\n", stream.GetValue());
    }
}
