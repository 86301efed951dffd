using Batuta.Python.Runtime.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>logging.Formatter with the <c>%</c> style: a record's attributes into the format string, the traceback after.</summary>
public sealed class LogFormatter : IPyObject, IPyTyped, IPyAttributes
{
    private readonly string _fmt;
    private readonly string? _datefmt;

    public LogFormatter(object? fmt = null, object? datefmt = null, object? style = null)
    {
        if (style is not null && Str.Of(style) != "%") throw new NotImplementedError("Batuta's logging.Formatter supports the '%' style only");
        _fmt = fmt is null ? "%(message)s" : Str.Of(fmt);
        _datefmt = datefmt is null ? null : Str.Of(datefmt);
    }

    public string PyTypeName => "Formatter";

    public string PyRepr() => $"<logging.Formatter object at 0x{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this):x12}>";

    public string PyStr() => PyRepr();

    internal string Format(LogRecord record)
    {
        var attributes = record.Attributes;
        attributes["message"] = record.GetMessage();
        if (_fmt.Contains("%(asctime)", StringComparison.Ordinal)) attributes["asctime"] = FormatTime(record);
        string s = PercentFormat.Format(_fmt, attributes);
        if (!record.HasException) return s;
        return s + (s.EndsWith('\n') ? "" : "\n") + record.ExceptionText();
    }

    /// <summary>Formatter.formatTime: time.strftime(datefmt), else "%Y-%m-%d %H:%M:%S,mmm".</summary>
    private string FormatTime(LogRecord record) => _datefmt is not null ? DateTimeFormat.StrFTime(record.Time, _datefmt)
        : DateTimeFormat.StrFTime(record.Time, "%Y-%m-%d %H:%M:%S") + "," + record.Time.Millisecond.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    public bool TryGetAttr(string name, out object? value)
    {
        value = name switch
        {
            "_fmt" => _fmt,
            "datefmt" => _datefmt,
            _ => this,
        };
        return !ReferenceEquals(value, this);
    }
}
