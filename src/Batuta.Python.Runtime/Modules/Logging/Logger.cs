namespace Batuta.Python.Runtime.Modules;

/// <summary>logging.Logger (and the root logger): levels, handlers, propagation up the dotted hierarchy.</summary>
public sealed class Logger : IPyObject, IPyTyped, IPyKeywordMethods, IPyAttributes, IPySetAttr
{
    private readonly bool _isRoot;

    internal Logger(string name, long level, bool isRoot)
    {
        Name = name;
        Level = level;
        _isRoot = isRoot;
    }

    public string Name { get; }

    public long Level { get; private set; }

    public bool Propagate { get; set; } = true;

    public bool Disabled { get; set; }

    public PyList<LogHandler> Handlers { get; } = new();

    public Logger? Parent => _isRoot ? null : LoggingModule.ParentOf(Name);

    public string PyTypeName => _isRoot ? "RootLogger" : "Logger";

    public string PyRepr() => $"<{PyTypeName} {Name} ({LoggingModule.LevelName(GetEffectiveLevel())})>";

    public string PyStr() => PyRepr();

    public void SetLevel(object? level) => Level = LoggingModule.CheckLevel(level);

    public long GetEffectiveLevel()
    {
        for (var logger = this; logger is not null; logger = logger.Parent)
            if (logger.Level != 0) return logger.Level;
        return LoggingModule.NOTSET;
    }

    public bool IsEnabledFor(long level) => !Disabled && LoggingModule.DisabledLevel < level && level >= GetEffectiveLevel();

    public void AddHandler(LogHandler handler)
    {
        if (!Handlers.Contains(handler)) Handlers.Add(handler);
    }

    public void RemoveHandler(LogHandler handler) => Handlers.Remove(handler);

    public bool HasHandlers()
    {
        for (var logger = this; logger is not null; logger = logger.Propagate ? logger.Parent : null)
            if (logger.Handlers.Count > 0) return true;
        return false;
    }

    /// <summary>Logger._log: a record (msg, args, exc_info, extra) handed to every handler up the propagation chain.</summary>
    internal void Log(long level, object?[] args, PyDict<string, object?> kwargs, SourceSite? site)
    {
        if (!IsEnabledFor(level)) return;
        if (args.Length == 0) throw new TypeError("missing 1 required positional argument: 'msg'");
        var record = LogRecord.Create(Name, level, args[0], args[1..], kwargs, site?.Up(StackLevel(kwargs)));
        CallHandlers(record);
    }

    /// <summary>stacklevel=: which frame the record names (1, the logging call's own).</summary>
    private static long StackLevel(PyDict<string, object?> kwargs) =>
        kwargs.Get("stacklevel") is { } level ? LoggingModule.AsLevel(level) ?? throw new TypeError($"'{Dyn.TypeName(level)}' object cannot be interpreted as an integer") : 1;

    private void CallHandlers(LogRecord record)
    {
        int found = 0;
        for (var logger = this; logger is not null; logger = logger.Propagate ? logger.Parent : null)
        {
            foreach (var h in logger.Handlers.ToList())
            {
                found++;
                if (record.Level >= h.Level) h.Handle(record);
            }
        }
        if (found == 0 && record.Level >= LoggingModule.LastResort.Level) LoggingModule.LastResort.Handle(record);
    }

    private static readonly Dictionary<string, long> LevelMethods = new(StringComparer.Ordinal)
    {
        ["debug"] = LoggingModule.DEBUG, ["info"] = LoggingModule.INFO, ["warning"] = LoggingModule.WARNING, ["warn"] = LoggingModule.WARNING,
        ["error"] = LoggingModule.ERROR, ["exception"] = LoggingModule.ERROR, ["critical"] = LoggingModule.CRITICAL, ["fatal"] = LoggingModule.CRITICAL,
    };

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => CallMethodAt(name, args, kwargs, null);

    /// <summary>A method called where the transpiler knows the call site: the logging methods record it.</summary>
    internal object? CallMethodAt(string name, object?[] args, PyDict<string, object?> kwargs, SourceSite? site)
    {
        if (LevelMethods.TryGetValue(name, out var level))
        {
            if (name == "exception" && !kwargs.ContainsKey("exc_info")) kwargs["exc_info"] = true;
            Log(level, args, kwargs, site);
            return null;
        }
        if (name == "log")
        {
            if (args.Length == 0) throw new TypeError("Logger.log() missing 1 required positional argument: 'level'");
            Log(LoggingModule.LevelArgument(args[0]), args[1..], kwargs, site);
            return null;
        }
        return OtherMethod(name, args, kwargs);
    }

    private object? OtherMethod(string name, object?[] args, PyDict<string, object?> kwargs)
    {
        var a = new ConfigParser.ConfigArgs(name, args, kwargs);
        return name switch
        {
            "setLevel" => Done(() => SetLevel(a.Required(0, "level"))),
            "getEffectiveLevel" => (PyInt)GetEffectiveLevel(),
            "isEnabledFor" => IsEnabledFor(LoggingModule.LevelArgument(a.Required(0, "level"))),
            "addHandler" => Done(() => AddHandler(Handler(a.Required(0, "hdlr")))),
            "removeHandler" => Done(() => RemoveHandler(Handler(a.Required(0, "hdlr")))),
            "hasHandlers" => HasHandlers(),
            "getChild" => LoggingModule.GetLogger(_isRoot ? a.Str(0, "suffix") : Name + "." + a.Str(0, "suffix")),
            _ => throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'"),
        };
    }

    private static object? Done(Action action)
    {
        action();
        return null;
    }

    private static LogHandler Handler(object? o) => o as LogHandler ?? throw new TypeError($"Batuta's logging takes its own handlers, not '{Dyn.TypeName(o)}'");

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "name" => Name,
            "level" => (PyInt)Level,
            "parent" => Parent,
            "propagate" => Propagate,
            "handlers" => Handlers,
            "disabled" => Disabled,
            "root" => LoggingModule.Root,
            _ when IsMethod(name) => new PyKeywordMethod(this, name, "Logger"),
            _ => this,
        };
        return !ReferenceEquals(value, this);
    }

    /// <summary>A method read as a value (<c>emit = log.warning</c>, <c>getattr(log, level)</c>): called later as the logger's method.</summary>
    private static bool IsMethod(string name) =>
        LevelMethods.ContainsKey(name) || name is "log" or "setLevel" or "getEffectiveLevel" or "isEnabledFor" or "addHandler" or "removeHandler" or "hasHandlers" or "getChild";

    public void SetAttr(string name, object? value)
    {
        switch (name)
        {
            case "propagate": Propagate = Dyn.Truth(value); break;
            case "disabled": Disabled = Dyn.Truth(value); break;
            case "level": Level = LoggingModule.CheckLevel(value); break;
            default: throw new AttributeError($"Batuta's '{PyTypeName}' object has no settable attribute '{name}'");
        }
    }
}
