namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// The <c>logging</c> module as scripts use it: the root logger and its module functions (configured by the first
/// call as CPython's <c>basicConfig()</c>), named loggers in a dotted hierarchy, stream and file handlers, and
/// <c>%</c>-style formatters.
/// </summary>
public static class LoggingModule
{
    public const long CRITICAL = 50, ERROR = 40, WARNING = 30, INFO = 20, DEBUG = 10, NOTSET = 0;

    internal const string BasicFormat = "%(levelname)s:%(name)s:%(message)s";

    private static readonly Dictionary<long, string> LevelToName = new()
    {
        [CRITICAL] = "CRITICAL", [ERROR] = "ERROR", [WARNING] = "WARNING", [INFO] = "INFO", [DEBUG] = "DEBUG", [NOTSET] = "NOTSET",
    };

    private static readonly Dictionary<string, long> NameToLevel = new(StringComparer.Ordinal)
    {
        ["CRITICAL"] = CRITICAL, ["FATAL"] = CRITICAL, ["ERROR"] = ERROR, ["WARN"] = WARNING, ["WARNING"] = WARNING, ["INFO"] = INFO, ["DEBUG"] = DEBUG, ["NOTSET"] = NOTSET,
    };

    private static readonly Dictionary<string, Logger> Loggers = new(StringComparer.Ordinal);

    public static Logger Root { get; } = new("root", WARNING, isRoot: true);

    /// <summary>logging.lastResort: what a record that finds no handler goes to (its message alone, on stderr).</summary>
    internal static LogHandler LastResort { get; } = new(null) { Level = WARNING };

    /// <summary>logging.disable()'s level: records at or below it are dropped everywhere.</summary>
    internal static long DisabledLevel { get; private set; }

    public static Logger GetLogger(object? name = null)
    {
        if (name is null || name is string { Length: 0 }) return Root;
        if (name is not string s) throw new TypeError("A logger name must be a string");
        if (!Loggers.TryGetValue(s, out var logger)) Loggers[s] = logger = new Logger(s, NOTSET, isRoot: false);
        return logger;
    }

    /// <summary>The nearest existing ancestor by dotted name, else the root (CPython's placeholders fix parents up the same way).</summary>
    internal static Logger ParentOf(string name)
    {
        for (int dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
            if (Loggers.TryGetValue(name[..dot], out var parent)) return parent;
        return Root;
    }

    public static void BasicConfig(object? level = null, object? format = null, object? datefmt = null, object? stream = null,
        object? filename = null, object? filemode = null, bool force = false, object? handlers = null)
    {
        if (force)
        {
            foreach (var h in Root.Handlers.ToList()) { Root.RemoveHandler(h); h.Close(); }
        }
        // a configured root is left as it is, level included
        if (Root.Handlers.Count > 0) return;
        AddBasicHandlers(format, datefmt, stream, filename, filemode, handlers);
        if (level is not null) Root.SetLevel(level);
    }

    private static void AddBasicHandlers(object? format, object? datefmt, object? stream, object? filename, object? filemode, object? handlers)
    {
        if (stream is not null && filename is not null) throw new ValueError("'stream' and 'filename' should not be specified together");
        var formatter = new LogFormatter(format ?? BasicFormat, datefmt);
        var list = handlers is not null ? Dyn.Iter(handlers).Cast<LogHandler>().ToList()
            : [filename is not null ? LogHandler.File(Str.Of(filename), filemode is null ? "a" : Str.Of(filemode)) : new LogHandler(stream ?? Sys.Stderr)];
        foreach (var h in list)
        {
            h.Formatter ??= formatter;
            Root.AddHandler(h);
        }
    }

    /// <summary>The module functions log on the root logger, configuring it first when it has no handler.</summary>
    private static void RootLog(SourceSite site, long level, object?[] args, PyDict<string, object?>? kwargs = null)
    {
        if (Root.Handlers.Count == 0) BasicConfig();
        Root.Log(level, args, kwargs ?? new PyDict<string, object?>(), site);
    }

    /// <summary>A module function called with keywords: the root logger's method of that name, after the implicit basicConfig().</summary>
    public static object? RootCall(SourceSite site, string name, PyDict<string, object?> kwargs, params object?[] args)
    {
        if (Root.Handlers.Count == 0) BasicConfig();
        return Root.CallMethodAt(name, args, kwargs, site);
    }

    /// <summary>
    /// <c>x.info(...)</c> (or debug, warning, error, exception, critical, log) on a value the transpiler cannot type: a
    /// Logger logs with the call site, anything else has the method called by name.
    /// </summary>
    public static object? MethodAt(SourceSite site, object? receiver, string name, PyDict<string, object?> kwargs, params object?[] args)
    {
        if (receiver is Logger logger) return logger.CallMethodAt(name, args, kwargs, site);
        return kwargs.Count == 0 ? Dyn.CallMethod(receiver, name, args) : Dyn.CallMethodKw(receiver, name, kwargs, args);
    }

    public static void Debug(SourceSite site, params object?[] args) => RootLog(site, DEBUG, args);

    public static void Info(SourceSite site, params object?[] args) => RootLog(site, INFO, args);

    public static void Warning(SourceSite site, params object?[] args) => RootLog(site, WARNING, args);

    public static void Error(SourceSite site, params object?[] args) => RootLog(site, ERROR, args);

    public static void Critical(SourceSite site, params object?[] args) => RootLog(site, CRITICAL, args);

    public static void Exception(SourceSite site, params object?[] args) => RootLog(site, ERROR, args, new PyDict<string, object?> { ["exc_info"] = true });

    public static void Log(SourceSite site, object? level, params object?[] args) => RootLog(site, LevelArgument(level), args);

    /// <summary>Logger.log's level: an integer (a name is a TypeError there, unlike setLevel).</summary>
    internal static long LevelArgument(object? level) => AsLevel(level) ?? throw new TypeError("level must be an integer");

    internal static long? AsLevel(object? level) => level switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        int i => i,
        PyInt p => (long)p,
        _ => null,
    };

    /// <summary>logging._checkLevel: an integer, or a registered level name.</summary>
    internal static long CheckLevel(object? level)
    {
        if (AsLevel(level) is { } l) return l;
        if (level is string s) return NameToLevel.TryGetValue(s, out var named) ? named : throw new ValueError($"Unknown level: {Repr.Of(s)}");
        throw new TypeError($"Level not an integer or a valid string: {Repr.Of(level)}");
    }

    public static object GetLevelName(object? level)
    {
        if (AsLevel(level) is { } l && LevelToName.TryGetValue(l, out var name)) return name;
        if (level is string s && NameToLevel.TryGetValue(s, out var value)) return (PyInt)value;
        return "Level " + Str.Of(level);
    }

    internal static string LevelName(long level) => LevelToName.TryGetValue(level, out var name) ? name : "Level " + level;

    public static void Disable(object? level = null) => DisabledLevel = level is null ? CRITICAL : CheckLevel(level);

    public static void AddLevelName(object? level, string name)
    {
        long l = LevelArgument(level);
        LevelToName[l] = name;
        NameToLevel[name] = l;
    }

    // the classes as factories, so that a program's own Logger or Formatter class does not shadow them
    public static LogHandler StreamHandler(object? stream = null) => new(stream);

    public static LogHandler FileHandler(string filename, string mode = "a") => LogHandler.File(filename, mode);

    public static LogFormatter Formatter(object? fmt = null, object? datefmt = null, object? style = null) => new(fmt, datefmt, style);

    public static void Shutdown()
    {
        foreach (var h in Root.Handlers.Concat(Loggers.Values.SelectMany(l => l.Handlers))) h.Flush();
    }
}
