# Ninth hunt, small stdlib modules: html (escape, unescape with numeric and named references), shlex (POSIX split,
# quote, join), calendar (leap years, weekdays, month ranges and matrices, the names, TextCalendar's text byte for
# byte), configparser (reading, DEFAULT inheritance, %(name)s interpolation, typed getters with fallback=, mapping
# access, write, the module's errors).
import calendar
import configparser
import html
import io
import shlex


def html_cases():
    s = "<script>alert('x & y')</script>"
    e = html.escape(s)
    print(e, html.unescape(e) == s)
    print(html.escape('<a href="x">', quote=False))
    print(html.unescape("&#65;&#x42;&#0;|&#128;&#150;|&#xD800;|&#1;|&amp|&ampx|&lt;&gt;&quot;&apos;"))
    print(html.unescape("&copy; &eacute; &hellip; &nosuch; & plain &#;"))


def shlex_cases():
    for c in ['git commit -m "fix: handle \\"quotes\\""', "echo 'single' \"dbl $HOME\" plain\\ text", 'a "" b', 'x # kept']:
        print(shlex.split(c))
    print(shlex.split("cmd arg # comment\nnext", comments=True))
    print([shlex.quote(s) for s in ["plain", "with space", "", "it's", "ok/path-1.txt"]])
    print(shlex.join(["ls", "-la", "/tmp/my dir"]), shlex.split(shlex.join(["x y", "z'w", ""])))
    for bad in ['unterminated "quote', "trailing\\"]:
        try:
            shlex.split(bad)
        except ValueError as e:
            print("ValueError:", e)


def calendar_cases():
    print(calendar.isleap(2024), calendar.isleap(1900), calendar.leapdays(2000, 2025))
    print(calendar.monthrange(2024, 2), calendar.weekday(2024, 3, 15), calendar.day_name[calendar.weekday(2000, 2, 29)])
    print(calendar.month_name[0] == "", calendar.month_abbr[12], list(calendar.day_abbr), len(calendar.month_name))
    print(calendar.monthcalendar(2024, 3))
    print(calendar.MONDAY, calendar.SUNDAY)
    print(calendar.month(2024, 3))
    cal = calendar.TextCalendar(calendar.SUNDAY)
    print(cal.formatmonth(2021, 8, w=3, l=2))
    cal.prmonth(1999, 12)
    try:
        calendar.monthrange(2024, 13)
    except ValueError as e:
        print(type(e).__name__, e)


def configparser_cases():
    cp = configparser.ConfigParser()
    cp.read_string("""
# comment
[DEFAULT]
home = /home/me
debug = no

[server]
host = example.com
Port: 8080
path = %(home)s/srv
pct = 50%%
multi = line one
    line two

    line three

[client]
debug = yes
""")
    print(cp.sections(), cp.has_section("server"), cp.has_option("client", "HOME"))
    print(cp.get("server", "path"), cp.get("server", "path", raw=True), cp.get("server", "pct"), repr(cp.get("server", "multi")))
    print(cp.getint("server", "port") + 1, cp.getboolean("client", "debug"), cp.getboolean("server", "debug"))
    print(cp.get("server", "missing", fallback="dflt"), cp.getfloat("nosuch", "x", fallback=1.5))
    print(cp.options("client"), cp.items("client"))
    sec = cp["server"]
    print(sec.name, sec["host"], sec.get("missing"), "PORT" in sec, len(sec), dict(cp["client"]))
    for name in cp:
        print(name, list(cp[name]))
    cp.add_section("new")
    cp.set("new", "key", "value")
    cp["new"]["other"] = "x"
    cp["extra"] = {"a": "1", "b": "2"}
    print(cp.remove_option("new", "other"), cp.remove_section("extra"), cp.remove_section("extra"))
    out = io.StringIO()
    cp.write(out)
    print(out.getvalue())
    for call in [lambda: cp.get("nope", "x"), lambda: cp.get("server", "nope"), lambda: cp.add_section("new"),
                 lambda: cp.set("new", "bad", 5), lambda: cp.getint("server", "host"), lambda: cp["missing"]]:
        try:
            call()
        except configparser.Error as e:
            print(type(e).__name__, e)
        except (TypeError, ValueError, KeyError) as e:
            print(type(e).__name__, e)
    bad = configparser.ConfigParser()
    bad.read_string("[s]\nk = %(missing)s\n")
    try:
        bad.get("s", "k")
    except configparser.InterpolationMissingOptionError as e:
        print(e)
    raw = configparser.ConfigParser(interpolation=None)
    raw.read_string("[s]\nk = 100%\n")
    print(raw.get("s", "k"), cp.read("no-such-file.ini"))


html_cases()
shlex_cases()
calendar_cases()
configparser_cases()
