using System.Text.RegularExpressions;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>warnings</c>: warn() through the filters (CPython's defaults: DeprecationWarning shown in __main__
/// only, PendingDeprecation/Import/ResourceWarning ignored), each location shown once under the "default" action,
/// "error" raising the warning, catch_warnings saving the filters and recording with record=True. A warning shows as
/// "file:line: Category: message" and the source line, read from the script as CPython's linecache does.
/// </summary>
public static class WarningsModule
{
    private sealed record Filter(string Action, Regex? Message, Type Category, Regex? Module, long Line);

    private static List<Filter> _filters = DefaultFilters();
    private static readonly HashSet<(string Module, string Text, Type Category, long Line)> Registry = new();
    private static readonly HashSet<(string Text, Type Category)> OnceRegistry = new();
    private static PyList<object?>? _log;

    private static List<Filter> DefaultFilters() => new()
    {
        new("default", null, typeof(DeprecationWarning), ModulePattern("__main__"), 0),
        new("ignore", null, typeof(DeprecationWarning), null, 0),
        new("ignore", null, typeof(PendingDeprecationWarning), null, 0),
        new("ignore", null, typeof(ImportWarning), null, 0),
        new("ignore", null, typeof(ResourceWarning), null, 0),
    };

    /// <summary>
    /// warnings.warn(message, category, stacklevel) at the call's site, or its caller's for a stacklevel of 2 and up
    /// (<see cref="SourceSite.Up"/>: the transpiler keeps the sites of calls to the functions that ask for them).
    /// </summary>
    public static void Warn(object? message, object? category, long stacklevel, SourceSite site)
    {
        var (module, filename, line, _) = site.Up(stacklevel);
        var warning = message as Warning ?? NewWarning(CategoryOf(category), message);
        var kind = warning.GetType();
        string text = warning.PyStr();
        var key = (module, text, kind, line);
        if (Registry.Contains(key)) return;
        switch (ActionFor(text, kind, module, line))
        {
            case "ignore": return;
            case "error": throw warning;
            case "once":
                Registry.Add(key);
                if (!OnceRegistry.Add((text, kind))) return;
                break;
            case "module":
                Registry.Add(key);
                if (!Registry.Add((module, text, kind, 0))) return;
                break;
            case "default":
                Registry.Add(key);
                break;
        }
        Show(new WarningMessage(warning, kind, ScriptPath(module, filename), line));
    }

    private static Type CategoryOf(object? category) => category switch
    {
        null => typeof(UserWarning),
        Type t when typeof(Warning).IsAssignableFrom(t) => t,
        PyTypeObject { ClrType: { } t } when typeof(Warning).IsAssignableFrom(t) => t,
        _ => throw new TypeError($"category must be a Warning subclass, not '{Dyn.TypeName(category)}'"),
    };

    private static Warning NewWarning(Type category, object? message) =>
        Dyn.Call(category, message) as Warning ?? new UserWarning(message);

    /// <summary>A module's co_filename: a full path (the entry script's too, as CPython 3.9+ makes it), another module beside the script.</summary>
    internal static string ScriptPath(string module, string filename)
    {
        // the module's __file__, absolute (a frame's file does not follow later changes of sys.argv)
        string path = Sys.ModuleFile(module, filename);
        return path.Length == 0 ? path : Path.GetFullPath(path);
    }

    private static string ActionFor(string text, Type category, string module, long line) =>
        _filters.FirstOrDefault(f => (f.Message is null || f.Message.IsMatch(text)) && f.Category.IsAssignableFrom(category)
            && (f.Module is null || f.Module.IsMatch(module)) && (f.Line == 0 || f.Line == line))?.Action ?? "default";

    private static void Show(WarningMessage w)
    {
        if (_log is not null)
        {
            _log.Append(w);
            return;
        }
        Sys.StdoutWriter.Flush();
        Sys.StderrWriter.Write(FormatWarning(w.Message, w.Filename, w.Lineno));
    }

    /// <summary>CPython's formatwarning: the header line, then the source line when the file can be read.</summary>
    private static string FormatWarning(Warning message, string filename, long lineno)
    {
        string header = $"{filename}:{lineno}: {message.PythonName}: {message.PyStr()}\n";
        return SourceLine(filename, lineno) is { Length: > 0 } source ? header + "  " + source + "\n" : header;
    }

    private static string? SourceLine(string filename, long lineno)
    {
        try
        {
            return File.Exists(filename) ? File.ReadLines(filename).Skip((int)lineno - 1).FirstOrDefault()?.Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static readonly string[] Actions = { "error", "ignore", "always", "default", "module", "once" };

    /// <summary>simplefilter(action, category=Warning, lineno=0, append=False)</summary>
    public static void SimpleFilter(string action, object? category = null, long lineno = 0, bool append = false) =>
        AddFilter(new Filter(CheckedAction(action), null, category is null ? typeof(Warning) : CategoryOf(category), null, lineno), append);

    /// <summary>filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False)</summary>
    public static void FilterWarnings(string action, string message = "", object? category = null, string module = "", long lineno = 0, bool append = false) =>
        AddFilter(new Filter(CheckedAction(action), message.Length == 0 ? null : new Regex("^(?:" + message + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
            category is null ? typeof(Warning) : CategoryOf(category), module.Length == 0 ? null : ModulePattern(module), lineno), append);

    private static Regex ModulePattern(string module) => new("^(?:" + module + @")\z", RegexOptions.CultureInvariant);

    private static string CheckedAction(string action) => Actions.Contains(action) ? action : throw new ValueError($"invalid action: {Repr.Of(action)}");

    private static void AddFilter(Filter filter, bool append)
    {
        _filters.RemoveAll(f => f == filter);
        if (append) _filters.Add(filter);
        else _filters.Insert(0, filter);
        FiltersChanged();
    }

    /// <summary>resetwarnings(): no filters at all (every warning then takes the "default" action).</summary>
    public static void ResetWarnings()
    {
        _filters.Clear();
        FiltersChanged();
    }

    /// <summary>As CPython's filter version: a change of the filters forgets which warnings were shown.</summary>
    private static void FiltersChanged()
    {
        Registry.Clear();
        OnceRegistry.Clear();
    }

    /// <summary>catch_warnings(record=False): the filters (and the record) as they were come back when the block ends.</summary>
    public static WarningsCatcher CatchWarnings(bool record = false) => new(record);

    /// <summary>The state catch_warnings saves.</summary>
    public sealed class WarningsCatcher(bool record) : IPyContextManager, IPyObject
    {
        private readonly Stack<(List<Filter> Filters, PyList<object?>? Log)> _saved = new();

        public object? Enter()
        {
            _saved.Push((_filters, _log));
            _filters = new List<Filter>(_filters);
            FiltersChanged();
            if (!record) return null;
            _log = new PyList<object?>();
            return _log;
        }

        public bool Exit(PyBaseException? raised)
        {
            (_filters, _log) = _saved.Pop();
            FiltersChanged();
            return false;
        }

        public string PyRepr() => $"catch_warnings(record={(record ? "True" : "False")})";
        public string PyStr() => PyRepr();
    }
}

/// <summary>One recorded warning (catch_warnings(record=True)): message, category, filename, lineno.</summary>
public sealed class WarningMessage(Warning message, Type category, string filename, long lineno) : IPyObject, IPyAttributes
{
    public Warning Message { get; } = message;
    public Type Category { get; } = category;
    public string Filename { get; } = filename;
    public long Lineno { get; } = lineno;

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "message" => Message,
            "category" => Category,
            "filename" => Filename,
            "lineno" => new PyInt(Lineno),
            "file" or "line" or "source" => null,
            _ => this,
        };
        return !ReferenceEquals(value, this);
    }

    public string PyStr() => $"{{message : {Repr.Of(Message)}, category : {Repr.Of(Category.Name)}, filename : {Repr.Of(Filename)}, lineno : {Lineno}, line : None}}";
    public string PyRepr() => $"<warnings.WarningMessage object>";
}
