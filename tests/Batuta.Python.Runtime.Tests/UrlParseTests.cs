using Batuta.Python.Runtime.Modules;

namespace Batuta.Python.Runtime.Tests;

public sealed class UrlParseTests
{
    private static readonly string[] Relatives =
    [
        "g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../",
        "../g", "../..", "../../", "../../g", "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g",
        "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "http:g", "https:g",
    ];

    private static string PyList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(s => Repr.Of(s))) + "]";

    [Fact]
    public void Urljoin_resolves_RFC_3986_references_as_CPython()
    {
        var expected = CPython.Lines($$"""
from urllib.parse import urljoin
for rel in {{PyList(Relatives)}}:
    print(urljoin("http://a/b/c/d;p?q", rel))
""");
        Assert.Equal(expected, Relatives.Select(rel => UrlParseModule.UrlJoin("http://a/b/c/d;p?q", rel)).ToArray());
    }

    private static readonly string[] Urls =
    [
        "http://user:pw@Example.COM:8080/p/a;x?q=1#f", "https://[::1]:443/", "http://[FE80::1%25Eth0]/", "mailto:a@b.c", "path;p?q",
        "//host/x", "file:///etc", "tel:+1;ext=2", "", "http://h:/", "ws://h/p?#", "svn+ssh://h/r", "  http://sp/", "HTTP://x\t.y/",
    ];

    [Fact]
    public void Urlparse_results_repr_and_netloc_parts_match_CPython()
    {
        var expected = CPython.Lines($$"""
from urllib.parse import urlparse
for u in {{PyList(Urls)}}:
    p = urlparse(u)
    print(repr(p), p.hostname, p.port, p.username, p.password, p.geturl())
""");
        var actual = Urls.Select(u =>
        {
            var p = UrlParseModule.UrlParse(u);
            string Attr(string name) => p.TryGetAttr(name, out var v) ? Py.Str(v) : "?";
            return $"{p.PyRepr()} {Attr("hostname")} {Attr("port")} {Attr("username")} {Attr("password")} {p.GetUrl()}";
        });
        Assert.Equal(expected, actual.ToArray());
    }

    [Theory]
    [InlineData("http://[::1/", "Invalid IPv6 URL")]
    [InlineData("http://x[::1]/", "Invalid IPv6 URL")]
    [InlineData("http://[1.2.3.4]/", "An IPv4 address cannot be in brackets")]
    [InlineData("http://[host]/", "'host' does not appear to be an IPv4 or IPv6 address")]
    [InlineData("http://[vz.1]/", "IPvFuture address is invalid")]
    public void Bad_bracketed_hosts_raise_CPythons_ValueError(string url, string message)
    {
        var e = Assert.Throws<ValueError>(() => UrlParseModule.UrlSplit(url));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("http://h:x1/", "Port could not be cast to integer value as 'x1'")]
    [InlineData("http://h:65536/", "Port out of range 0-65535")]
    public void Bad_ports_raise_when_read(string url, string message)
    {
        var p = UrlParseModule.UrlSplit(url);
        var e = Assert.Throws<ValueError>(() => p.TryGetAttr("port", out _));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Replace_keeps_the_class_and_rejects_unknown_fields()
    {
        var p = UrlParseModule.UrlSplit("http://h/p?q");
        var kw = new PyDict<string, object?> { ["query"] = "", ["scheme"] = "https" };
        Assert.Equal("https://h/p", Dyn.Cast<string>(Dyn.CallMethod(p.CallMethod("_replace", [], kw), "geturl")));
        var bad = Assert.Throws<ValueError>(() => p.CallMethod("_replace", [], new PyDict<string, object?> { ["port"] = "1" }));
        Assert.Equal("Got unexpected field names: ['port']", bad.Message);
        Assert.True(p.Equals(new PyTuple(["http", "h", "/p", "q", ""])));
    }

    private static readonly string[] Texts = ["", "a b/c", "~_.-", "é€𝄞", "a+b=c&d", "100%", "%41%zz%4", "%E2%82%AC%FF", "x%2Fy+z"];

    [Fact]
    public void Quoting_matches_CPython()
    {
        var expected = CPython.Lines($$"""
from urllib.parse import quote, quote_plus, unquote, unquote_plus
for s in {{PyList(Texts)}}:
    print(repr(quote(s)), repr(quote(s, safe="")), repr(quote_plus(s)), repr(unquote(s)), repr(unquote_plus(s)))
""");
        var actual = Texts.Select(s => string.Join(" ",
            Repr.Of(UrlQuoting.Quote(s)), Repr.Of(UrlQuoting.Quote(s, "")), Repr.Of(UrlQuoting.QuotePlus(s)), Repr.Of(UrlQuoting.Unquote(s)), Repr.Of(UrlQuoting.UnquotePlus(s))));
        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public void Query_strings_parse_and_encode_as_CPython()
    {
        string[] queries = ["", "a=1&b=2&a=3", "x", "x=", "=y", "a=b=c&&d=%20+e", "k=%zz"];
        var expected = CPython.Lines($$"""
from urllib.parse import parse_qs, parse_qsl, urlencode
for q in {{PyList(queries)}}:
    print(parse_qs(q), parse_qsl(q, keep_blank_values=True), urlencode(parse_qsl(q, True)), urlencode(parse_qs(q, True), doseq=True))
""");
        var actual = queries.Select(q => string.Join(" ",
            Repr.Of(UrlQuery.ParseQs(q)), Repr.Of(UrlQuery.ParseQsl(q, keepBlankValues: true)),
            UrlQuery.UrlEncode(UrlQuery.ParseQsl(q, true)), UrlQuery.UrlEncode(UrlQuery.ParseQs(q, true), doseq: true)));
        Assert.Equal(expected, actual.ToArray());
    }

    private static readonly string[] Patterns =
    [
        "*", "**a**b", "*.py", "?x?", "[abc]", "[!abc]", "[a-z]*", "[z-a]", "[]]", "[!]]", "[", "[!", "a[", "[a-c-e]", "[^x]", "[\\]",
        "x\\y", "[&~|]", "a.b+c(d)", "[!]", "[]", "[a-]", "[-a]", "[--0]", "[b-a-c]", "[[]", "ä*{1}",
    ];

    [Fact]
    public void Fnmatch_translate_builds_CPythons_regex_text()
    {
        var expected = CPython.Lines($$"""
from fnmatch import translate
for p in {{PyList(Patterns)}}:
    print(translate(p))
""");
        Assert.Equal(expected, Patterns.Select(p => FnMatch.Translate(p)).ToArray());
    }

    [Fact]
    public void Fnmatch_is_case_sensitive_on_posix_and_filter_keeps_order()
    {
        Assert.False(FnMatch.Match("A.PY", "*.py"));
        Assert.True(FnMatch.MatchCase("a\nb.py", "*.py"));
        Assert.False(FnMatch.MatchCase("a.py\n", "*.py"));
        Assert.Equal(["b.c", "a.c"], FnMatch.Filter(new PyList<string>(["b.c", "x.h", "a.c"]), "*.[c]").ToArray());
        Assert.Throws<NotSupportedException>(() => FnMatch.Match(new PyBytes([97]), "a"));
    }
}
