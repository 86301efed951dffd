using System.Text;

namespace Batuta.Python.Runtime.Modules;

/// <summary>
/// Python's <c>urllib.parse</c> splitting and joining, as a port of CPython 3.11's (the Debian 3.11 build, which also
/// checks bracketed hosts): <c>urlsplit urlparse urlunsplit urlunparse urljoin urldefrag</c> over str URLs.
/// </summary>
public static class UrlParseModule
{
    private static readonly HashSet<string> UsesRelative = new(StringComparer.Ordinal)
    {
        "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms", "prospero", "rtsp", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
    };

    private static readonly HashSet<string> UsesNetloc = new(StringComparer.Ordinal)
    {
        "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync",
        "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss",
    };

    private static readonly HashSet<string> UsesParams = new(StringComparer.Ordinal)
    {
        "", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel",
    };

    // _WHATWG_C0_CONTROL_OR_SPACE
    private static readonly char[] C0ControlOrSpace = Enumerable.Range(0, 0x20).Select(i => (char)i).Append(' ').ToArray();

    public static SplitResult UrlSplit(object? url, string scheme = "", bool allowFragments = true)
    {
        string rest = RemoveUnsafe(Url(url).TrimStart(C0ControlOrSpace));
        scheme = RemoveUnsafe(scheme.Trim(C0ControlOrSpace));
        string netloc = "", query = "", fragment = "";
        int colon = rest.IndexOf(':');
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(IsSchemeChar))
        {
            scheme = rest[..colon].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            int end = rest.IndexOfAny(['/', '?', '#'], 2);
            if (end < 0) end = rest.Length;
            netloc = rest[2..end];
            rest = rest[end..];
            UrlHost.CheckBrackets(netloc);
        }
        if (allowFragments && rest.Contains('#')) (rest, fragment) = Partition(rest, '#');
        if (rest.Contains('?')) (rest, query) = Partition(rest, '?');
        UrlHost.CheckNormalization(netloc);
        return new SplitResult(scheme, netloc, rest, query, fragment);
    }

    public static ParseResult UrlParse(object? url, string scheme = "", bool allowFragments = true)
    {
        var split = UrlSplit(url, scheme, allowFragments);
        string path = split.Part(2), parameters = "";
        if (UsesParams.Contains(split.Part(0)) && path.Contains(';')) (path, parameters) = SplitParams(path);
        return new ParseResult(split.Part(0), split.Part(1), path, parameters, split.Part(3), split.Part(4));
    }

    /// <summary>The ;params of the last path segment.</summary>
    private static (string Path, string Params) SplitParams(string url)
    {
        int i = url.Contains('/') ? url.IndexOf(';', url.LastIndexOf('/')) : url.IndexOf(';');
        return i < 0 ? (url, "") : (url[..i], url[(i + 1)..]);
    }

    public static string UrlUnparse(object? components)
    {
        var parts = Components(components, 6);
        string url = parts[3].Length > 0 ? parts[2] + ";" + parts[3] : parts[2];
        return Unsplit(parts[0], parts[1], url, parts[4], parts[5]);
    }

    public static string UrlUnsplit(object? components)
    {
        var parts = Components(components, 5);
        return Unsplit(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    private static string Unsplit(string scheme, string netloc, string url, string query, string fragment)
    {
        if (netloc.Length > 0 || scheme.Length > 0 && UsesNetloc.Contains(scheme) && !url.StartsWith("//", StringComparison.Ordinal))
        {
            if (url.Length > 0 && url[0] != '/') url = "/" + url;
            url = "//" + netloc + url;
        }
        var sb = new StringBuilder();
        if (scheme.Length > 0) sb.Append(scheme).Append(':');
        sb.Append(url);
        if (query.Length > 0) sb.Append('?').Append(query);
        if (fragment.Length > 0) sb.Append('#').Append(fragment);
        return sb.ToString();
    }

    /// <summary>The items of a components tuple, unpacked as CPython unpacks them (with its _coerce_args check).</summary>
    private static string[] Components(object? components, int expected)
    {
        var items = Dyn.Iter(components).ToList();
        // CPython unpacks the items plus _coerce_args's result function
        if (items.Count > expected) throw new ValueError($"too many values to unpack (expected {expected + 1})");
        if (items.Count < expected) throw new ValueError($"not enough values to unpack (expected {expected + 1}, got {items.Count + 1})");
        Url(items[0]);
        return items.Select(x => x switch
        {
            string s => s,
            null => "",
            _ when !Dyn.Truth(x) => "",
            _ => throw new TypeError("Cannot mix str and non-str arguments"),
        }).ToArray();
    }

    public static string UrlJoin(object? @base, object? url, bool allowFragments = true)
    {
        string baseUrl = Url(@base), relative = Url(url);
        if (baseUrl.Length == 0) return relative;
        if (relative.Length == 0) return baseUrl;
        var b = UrlParse(baseUrl, "", allowFragments);
        var u = UrlParse(relative, b.Part(0), allowFragments);
        string scheme = u.Part(0), netloc = u.Part(1), path = u.Part(2), parameters = u.Part(3), query = u.Part(4), fragment = u.Part(5);
        if (scheme != b.Part(0) || !UsesRelative.Contains(scheme)) return relative;
        if (UsesNetloc.Contains(scheme))
        {
            if (netloc.Length > 0) return UrlUnparse(u);
            netloc = b.Netloc;
        }
        if (path.Length == 0 && parameters.Length == 0)
        {
            return UrlUnparse(new ParseResult(scheme, netloc, b.Part(2), b.Part(3), query.Length > 0 ? query : b.Part(4), fragment));
        }
        string resolved = RemoveDotSegments(b.Part(2), path);
        return UrlUnparse(new ParseResult(scheme, netloc, resolved, parameters, query, fragment));
    }

    /// <summary>urljoin's merge of the base path and a relative path, and its removal of . and .. segments.</summary>
    private static string RemoveDotSegments(string basePath, string path)
    {
        var segments = path.StartsWith('/') ? path.Split('/').ToList() : Merge(basePath, path);
        var resolved = new List<string>();
        foreach (var seg in segments)
        {
            if (seg == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
            }
            else if (seg != ".") resolved.Add(seg);
        }
        if (segments[^1] is "." or "..") resolved.Add("");
        string joined = string.Join("/", resolved);
        return joined.Length > 0 ? joined : "/";
    }

    /// <summary>A relative path after the base path's directory, empty segments between dropped.</summary>
    private static List<string> Merge(string basePath, string path)
    {
        var baseParts = basePath.Split('/').ToList();
        if (baseParts[^1].Length > 0) baseParts.RemoveAt(baseParts.Count - 1);
        var segments = baseParts.Concat(path.Split('/')).ToList();
        // segments[1:-1] = filter(None, segments[1:-1])
        if (segments.Count <= 2) return segments;
        return segments.Take(1).Concat(segments.Skip(1).Take(segments.Count - 2).Where(s => s.Length > 0)).Append(segments[^1]).ToList();
    }

    public static DefragResult UrlDefrag(object? url)
    {
        string text = Url(url);
        if (!text.Contains('#')) return new DefragResult(text, "");
        var p = UrlParse(text);
        return new DefragResult(UrlUnparse(new ParseResult(p.Part(0), p.Part(1), p.Part(2), p.Part(3), p.Part(4), "")), p.Part(5));
    }

    internal static string Url(object? url) => StrArgument.Of(url, "urllib.parse");

    /// <summary>str.partition: the text before the first separator and after it ("" when absent).</summary>
    internal static (string Before, string After) Partition(string s, char separator)
    {
        int i = s.IndexOf(separator);
        return i < 0 ? (s, "") : (s[..i], s[(i + 1)..]);
    }

    private static bool IsSchemeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.';

    // _UNSAFE_URL_BYTES_TO_REMOVE
    private static string RemoveUnsafe(string s) => s.Replace("\t", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
}
