namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// urllib.parse's named-tuple results (str form): the tuple itself (indexing, unpacking, equal to a tuple of its
/// items), the fields by name, <c>geturl()</c>, <c>_replace(**changes)</c>, <c>_asdict()</c>, <c>_fields</c>,
/// <c>count</c> and <c>index</c>.
/// </summary>
public abstract class UrlResult : PyStructSeq, IPyKeywordMethods
{
    private readonly string[] _fields;

    private protected UrlResult(string name, string[] fields, string[] items)
        : base(name, fields, items.Select(s => (object?)s).ToArray()) => _fields = fields;

    /// <summary>The i-th field's text.</summary>
    public string Part(int i) => (string)(this[i] ?? "");

    public abstract string GetUrl();

    /// <summary>A result of the same class over other items (<c>_replace</c>).</summary>
    private protected abstract UrlResult With(string[] items);

    public override bool TryGetAttr(string name, out object? value)
    {
        if (name == "_fields")
        {
            value = new PyTuple(_fields.Select(f => (object?)f).ToArray());
            return true;
        }
        return base.TryGetAttr(name, out value);
    }

    public object? CallMethod(string name, object?[] args, PyDict<string, object?> kwargs) => name switch
    {
        "geturl" => GetUrl(),
        "_replace" => Replace(kwargs),
        "_asdict" => AsDict(),
        "count" => new PyInt(this.Count(x => Dyn.Eq(x, args[0]))),
        "index" => Index(args[0]),
        _ => throw new AttributeError($"'{PyTypeName}' object has no attribute '{name}'"),
    };

    private UrlResult Replace(PyDict<string, object?> changes)
    {
        var unknown = changes.Keys().Where(k => !_fields.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ValueError("Got unexpected field names: " + Repr.Of(new PyList<string>(unknown)));
        return With(_fields.Select((f, i) => changes.ContainsKey(f) ? Dyn.Cast<string>(changes[f]) : Part(i)).ToArray());
    }

    private PyDict<string, object?> AsDict()
    {
        var d = new PyDict<string, object?>();
        for (int i = 0; i < _fields.Length; i++) d[_fields[i]] = this[i];
        return d;
    }

    private PyInt Index(object? value)
    {
        for (int i = 0; i < Count; i++)
            if (Dyn.Eq(this[i], value)) return new PyInt(i);
        throw new ValueError("tuple.index(x): x not in tuple");
    }
}

/// <summary>The results with a netloc: its parts as <c>username password hostname port</c>.</summary>
public abstract class NetlocResult : UrlResult
{
    private protected NetlocResult(string name, string[] fields, string[] items) : base(name, fields, items)
    {
    }

    public string Netloc => Part(1);

    public override bool TryGetAttr(string name, out object? value)
    {
        switch (name)
        {
            case "username": value = UserInfo().User; return true;
            case "password": value = UserInfo().Password; return true;
            case "hostname": value = Hostname(); return true;
            case "port": value = Port(); return true;
            default: return base.TryGetAttr(name, out value);
        }
    }

    private (string? User, string? Password) UserInfo()
    {
        int at = Netloc.LastIndexOf('@');
        if (at < 0) return (null, null);
        string info = Netloc[..at];
        int colon = info.IndexOf(':');
        return colon < 0 ? (info, null) : (info[..colon], info[(colon + 1)..]);
    }

    private (string Host, string? Port) HostInfo()
    {
        string hostinfo = Netloc[(Netloc.LastIndexOf('@') + 1)..];
        int open = hostinfo.IndexOf('[');
        string host, port;
        if (open >= 0)
        {
            (host, string rest) = UrlParseModule.Partition(hostinfo[(open + 1)..], ']');
            port = UrlParseModule.Partition(rest, ':').After;
        }
        else (host, port) = UrlParseModule.Partition(hostinfo, ':');
        return (host, port.Length == 0 ? null : port);
    }

    private string? Hostname()
    {
        string host = HostInfo().Host;
        if (host.Length == 0) return null;
        // the zone of an IPv6 address keeps its case
        int percent = host.IndexOf('%');
        return percent < 0 ? Text.PyStr.Lower(host) : Text.PyStr.Lower(host[..percent]) + host[percent..];
    }

    private PyInt? Port()
    {
        if (HostInfo().Port is not { } port) return null;
        if (!port.All(char.IsAsciiDigit)) throw new ValueError("Port could not be cast to integer value as " + Repr.Of(port));
        var value = System.Numerics.BigInteger.Parse(port, System.Globalization.CultureInfo.InvariantCulture);
        if (value > 65535) throw new ValueError("Port out of range 0-65535");
        return new PyInt((long)value);
    }
}

/// <summary><c>urlsplit</c>'s result: <c>SplitResult(scheme, netloc, path, query, fragment)</c>.</summary>
public sealed class SplitResult : NetlocResult
{
    private static readonly string[] Fields = ["scheme", "netloc", "path", "query", "fragment"];

    public SplitResult(string scheme, string netloc, string path, string query, string fragment)
        : base("SplitResult", Fields, [scheme, netloc, path, query, fragment])
    {
    }

    public override string GetUrl() => UrlParseModule.UrlUnsplit(this);

    private protected override UrlResult With(string[] items) => new SplitResult(items[0], items[1], items[2], items[3], items[4]);
}

/// <summary><c>urlparse</c>'s result: <c>ParseResult(scheme, netloc, path, params, query, fragment)</c>.</summary>
public sealed class ParseResult : NetlocResult
{
    private static readonly string[] Fields = ["scheme", "netloc", "path", "params", "query", "fragment"];

    public ParseResult(string scheme, string netloc, string path, string parameters, string query, string fragment)
        : base("ParseResult", Fields, [scheme, netloc, path, parameters, query, fragment])
    {
    }

    public override string GetUrl() => UrlParseModule.UrlUnparse(this);

    private protected override UrlResult With(string[] items) => new ParseResult(items[0], items[1], items[2], items[3], items[4], items[5]);
}

/// <summary><c>urldefrag</c>'s result: <c>DefragResult(url, fragment)</c>.</summary>
public sealed class DefragResult : UrlResult
{
    private static readonly string[] Fields = ["url", "fragment"];

    public DefragResult(string url, string fragment) : base("DefragResult", Fields, [url, fragment])
    {
    }

    public override string GetUrl() => Part(1).Length > 0 ? Part(0) + "#" + Part(1) : Part(0);

    private protected override UrlResult With(string[] items) => new DefragResult(items[0], items[1]);
}
