using System.Collections;
using System.Runtime.CompilerServices;

namespace Batuta.Python.Runtime.Modules;

/// <summary>urllib.parse's query strings as CPython 3.11's: <c>parse_qs parse_qsl urlencode</c>.</summary>
public static class UrlQuery
{
    public static PyDict<string, PyList<string>> ParseQs(object? qs, bool keepBlankValues = false, bool strictParsing = false,
        object? encoding = null, object? errors = null, object? maxNumFields = null, object? separator = null)
    {
        var result = new PyDict<string, PyList<string>>();
        foreach (var (name, value) in ParseQsl(qs, keepBlankValues, strictParsing, encoding, errors, maxNumFields, separator))
        {
            if (result.TryGetValue(name, out var values)) values.Append(value);
            else result[name] = new PyList<string> { value };
        }
        return result;
    }

    public static PyList<(string, string)> ParseQsl(object? qs, bool keepBlankValues = false, bool strictParsing = false,
        object? encoding = null, object? errors = null, object? maxNumFields = null, object? separator = null)
    {
        string sep = Separator(separator);
        // parse_qsl(None) is CPython's empty bytes query
        string query = qs is null ? "" : UrlParseModule.Url(qs);
        if (maxNumFields is not null && Dyn.Cast<long>(maxNumFields) < (query.Length > 0 ? 1 + Count(query, sep) : 0)) throw new ValueError("Max number of fields exceeded");
        var result = new PyList<(string, string)>();
        if (query.Length == 0) return result;
        foreach (var field in query.Split(sep))
        {
            if (Field(field, keepBlankValues, strictParsing) is not { } nv) continue;
            result.Append((Unquote(nv.Name, encoding, errors), Unquote(nv.Value, encoding, errors)));
        }
        return result;
    }

    private static string Separator(object? separator) => separator switch
    {
        null => "&",
        string { Length: > 0 } s => s,
        PyBytes => throw new NotSupportedException("parse_qsl(separator=bytes) is not supported by Batuta"),
        _ => throw new ValueError("Separator must be of type string or bytes."),
    };

    /// <summary>One name=value field, or null where it is dropped (blank, or without '=' and not kept).</summary>
    private static (string Name, string Value)? Field(string field, bool keepBlankValues, bool strictParsing)
    {
        if (field.Length == 0 && !strictParsing) return null;
        int eq = field.IndexOf('=');
        if (eq < 0)
        {
            if (strictParsing) throw new ValueError("bad query field: " + Repr.Of(field));
            return keepBlankValues ? (field, "") : null;
        }
        string value = field[(eq + 1)..];
        return value.Length > 0 || keepBlankValues ? (field[..eq], value) : null;
    }

    private static string Unquote(string s, object? encoding, object? errors) => UrlQuoting.Unquote(s.Replace('+', ' '), encoding ?? "utf-8", errors ?? "replace");

    private static int Count(string s, string sep)
    {
        int n = 0;
        for (int i = s.IndexOf(sep, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sep, i + sep.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    public static string UrlEncode(object? query, bool doseq = false, object? safe = null, object? encoding = null, object? errors = null, object? quoteVia = null)
    {
        safe ??= "";
        var parts = new List<string>();
        foreach (var (k, v) in Pairs(query))
        {
            string key = QuoteOne(k, safe, encoding, errors, quoteVia);
            if (doseq && v is not (string or PyBytes) && HasLength(v))
                parts.AddRange(Dyn.Iter(v).Select(item => key + "=" + QuoteOne(item, safe, encoding, errors, quoteVia)));
            else parts.Add(key + "=" + QuoteOne(v, safe, encoding, errors, quoteVia));
        }
        return string.Join("&", parts);
    }

    /// <summary>A mapping's items, or a sequence of pairs (its first item must be a tuple, as CPython checks).</summary>
    private static IEnumerable<(object? Key, object? Value)> Pairs(object? query)
    {
        if (query is IPyDict d) return d.ItemsObject().Select(kv => (kv.Key, kv.Value));
        if (!HasLength(query) || Dyn.Len(query) > 0 && Dyn.Iter(query).First() is not ITuple)
            throw new TypeError("not a valid non-string sequence or mapping object");
        return Dyn.Iter(query).Select(Pair);
    }

    private static (object?, object?) Pair(object? item)
    {
        var kv = Dyn.Iter(item).ToList();
        if (kv.Count > 2) throw new ValueError("too many values to unpack (expected 2)");
        if (kv.Count < 2) throw new ValueError($"not enough values to unpack (expected 2, got {kv.Count})");
        return (kv[0], kv[1]);
    }

    private static bool HasLength(object? o) => o is string or IPySized or ITuple or ICollection;

    /// <summary>quote_via(x, safe) for bytes, quote_via(str(x), safe, encoding, errors) for anything else.</summary>
    private static string QuoteOne(object? x, object safe, object? encoding, object? errors, object? quoteVia)
    {
        bool bytes = x is PyBytes;
        object? s = bytes ? x : Py.Str(x);
        switch (quoteVia)
        {
            case null or UrlQuoting.QuotePlusMarker:
                return bytes ? UrlQuoting.QuotePlus(s, safe) : UrlQuoting.QuotePlus(s, safe, encoding, errors);
            case UrlQuoting.QuoteMarker:
                return bytes ? UrlQuoting.Quote(s, safe) : UrlQuoting.Quote(s, safe, encoding, errors);
            default:
                return Dyn.Cast<string>(bytes ? Dyn.Call(quoteVia, s, safe) : Dyn.Call(quoteVia, s, safe, encoding, errors));
        }
    }
}
