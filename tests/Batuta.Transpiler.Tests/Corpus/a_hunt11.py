#!/usr/bin/env python
"""Link report and file sweeper in the old style: urllib.parse and fnmatch."""
import sys
import fnmatch
import urllib.parse
from urllib.parse import urlparse, urlsplit, urlunsplit, urljoin, urldefrag
from urllib.parse import quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl

LINKS = """
http://Example.COM:8080/docs/index.html?lang=en&v=2#intro
https://user:s3cret@files.example.org/pub/a%20b.tar.gz
ftp://mirror.example.net/pub/;type=i
/local/page.php?id=7&id=8&empty=
mailto:webmaster@example.com
http://[::1]:8000/admin?debug=1
https://example.com/search?q=caf%C3%A9+au+lait&page=2
HTTP://EXAMPLE.com/Upper/Case/
//cdn.example.com/lib.js
news:comp.lang.python
"""


def describe(url):
    p = urlparse(url)
    host = p.hostname or "-"
    try:
        port = p.port
    except ValueError as exc:
        port = "bad (%s)" % exc
    return "%-6s host=%-22s port=%-5s path=%s" % (p.scheme or "?", host, port, p.path or "/")


def group_by_host(urls):
    groups = {}
    for u in urls:
        host = urlsplit(u).hostname
        groups.setdefault(host or "(none)", []).append(u)
    return groups


links = [line.strip() for line in LINKS.splitlines() if line.strip()]
print("== describe")
for link in links:
    print(describe(link))

print("== named tuple behaviour")
first = urlparse(links[0])
print(first)
scheme, netloc, path, params, query, fragment = first
print(scheme, netloc, path, repr(params), query, fragment)
print(first[1], first[-1], len(first), first == tuple(first))
print(first._replace(fragment="", query="lang=de").geturl())
print(urlsplit(links[1]).username, urlsplit(links[1]).password)
print(urlparse(links[2]).params, urlsplit(links[2]).path)

print("== groups")
groups = group_by_host(links)
for host in sorted(groups):
    print("%-20s %d" % (host, len(groups[host])))

print("== queries")
for link in links:
    q = urlsplit(link).query
    if not q:
        continue
    print(link[:30], parse_qs(q), parse_qsl(q, keep_blank_values=True))
params = parse_qs(urlsplit(links[6]).query)
print(params["q"][0].upper(), int(params["page"][0]) + 1)

print("== encoding")
query = urlencode([("q", "fish & chips"), ("lang", "en"), ("n", 3)])
print(query)
print(urlencode({"tag": ["red", "green"], "x": "a/b"}, doseq=True))
print(urlencode({"path": "/a b/"}, quote_via=quote))
print(quote("/spaces and ümlauts/"), quote("a/b", safe=""), quote_plus("1 + 1 = 2"))
print(unquote("caf%C3%A9%20%E2%82%AC"), unquote_plus("a+b%2Bc"), unquote("100%"))
rebuilt = urlunsplit(("https", "example.com", "/search", query, ""))
print(rebuilt, rebuilt == urllib.parse.urlunsplit(urlsplit(rebuilt)))

print("== joins")
base = "http://example.com/a/b/c.html?x=1"
for rel in ["d.html", "../e.html", "../../../f", "/g", "?y=2", "#top", "./h/./i/../j", "https://other.org/", "//cdn.org/x.js", ""]:
    print("%-20r -> %s" % (rel, urljoin(base, rel)))
print(urldefrag(links[0]))
print(urldefrag("http://example.com/no-fragment").fragment == "")

print("== bad netlocs")
for bad in ["http://[::1/", "http://[example]/", "http://host:port/"]:
    try:
        r = urlsplit(bad)
        print(bad, "->", r.netloc, r.port)
    except ValueError as exc:
        print(bad, "-> ValueError:", exc)

print("== fnmatch")
FILES = ["setup.py", "README.md", "src/app.py", "src/app.pyc", "src/util_test.py", "docs/index.rst",
         "data/2023-01.csv", "data/2023-12.csv", "data/notes.txt", ".hidden", "Makefile", "build/out.o"]
patterns = ["*.py", "src/*", "*_test.py", "data/2023-[0-1][0-9].csv", "[!.]*", "*.[oa]", "?akefile", "*.PY"]
for pat in patterns:
    hits = fnmatch.filter(FILES, pat)
    print("%-26s %2d %s" % (pat, len(hits), hits))
print(fnmatch.fnmatch("Notes.TXT", "*.txt"), fnmatch.fnmatchcase("notes.txt", "*.txt"))
print(fnmatch.translate("*.py"), fnmatch.translate("data/[!x]?[a-c]*"))
ignored = [f for f in FILES if any(fnmatch.fnmatch(f, p) for p in ("*.pyc", "*.o", ".*"))]
print("ignored:", ignored)
sys.exit(0 if len(ignored) == 3 else 1)
