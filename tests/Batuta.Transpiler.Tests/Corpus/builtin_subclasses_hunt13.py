"""Legacy-style subclasses of the builtins: dict, list, str, int, float."""
import json


class AttrDict(dict):
    """Config access by attribute, the classic recipe."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


class DefaultingConfig(dict):
    def __init__(self, name, *args, **kwargs):
        super(DefaultingConfig, self).__init__(*args, **kwargs)
        self.name = name

    def __missing__(self, key):
        return "<unset:%s>" % key

    def describe(self):
        keys = ", ".join(sorted(self.keys()))
        return "%s[%s]" % (self.name, keys)


class CaseInsensitiveDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())


class Registry(dict):
    def register(self, name):
        self[name] = len(self) + 1
        return self[name]


class SubRegistry(Registry):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix

    def register(self, name):
        return Registry.register(self, self.prefix + name)


class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1] if self else None

    def is_empty(self):
        return len(self) == 0


class History(list):
    def __init__(self, items=(), limit=3):
        super().__init__(items)
        self.limit = limit

    def add(self, item):
        self.append(item)
        while len(self) > self.limit:
            del self[0]

    def __repr__(self):
        return "History(%s, limit=%d)" % (list.__repr__(self), self.limit)


class Tag(str):
    def __init__(self, text):
        self.length = len(text)

    def wrap(self):
        return "<%s>" % self


class Celsius(float):
    def to_fahrenheit(self):
        return self * 9 / 5 + 32

    def __repr__(self):
        return "Celsius(%s)" % float.__repr__(self)


class Permissions(int):
    READ = 4
    WRITE = 2
    EXEC = 1

    def can(self, bit):
        return (self & bit) == bit

    def __str__(self):
        return "".join(c if self.can(b) else "-" for c, b in (("r", 4), ("w", 2), ("x", 1)))


def section(title):
    print("== " + title + " ==")


section("AttrDict")
cfg = AttrDict(host="localhost", port=8080)
cfg.debug = True
print(cfg.host, cfg.port, cfg.debug)
print(cfg)
print(len(cfg), "host" in cfg, sorted(cfg), isinstance(cfg, dict))
print(json.dumps(cfg, sort_keys=True))
try:
    print(cfg.missing)
except AttributeError as e:
    print("AttributeError:", e)
print(cfg == {"host": "localhost", "port": 8080, "debug": True}, dict(cfg) == cfg)

section("__missing__ and super().__init__")
dc = DefaultingConfig("db", {"user": "admin"}, timeout=30)
print(dc, dc.name, dc["user"], dc["password"], dc.get("password", "none"))
print(dc.describe(), len(dc), list(dc.items()))
dc.update(retries=3)
dc.setdefault("timeout", 99)
print(dc.pop("retries"), dc)

section("overridden item access")
ci = CaseInsensitiveDict()
ci["Content-Type"] = "text/html"
ci["ACCEPT"] = "*/*"
print(ci, ci["content-type"], ci["Accept"], "CONTENT-TYPE" in ci, "missing" in ci)
for key in ci:
    print("header", key, ci[key])

section("registries")
reg = Registry()
print(reg.register("alpha"), reg.register("beta"), reg)
sub = SubRegistry("x-")
sub.register("one")
sub.register("two")
print(sub, sub.prefix, isinstance(sub, Registry), isinstance(sub, dict), type(sub).__name__)

section("Stack")
s = Stack()
print(s.is_empty(), s.peek(), s, bool(s))
for n in range(1, 6):
    s.push(n * n)
print(s, s.peek(), len(s), s[1:3], s[-2], 9 in s, sum(s), max(s))
print(s.pop(), s.pop(0), s, s.index(9), s.count(4))
s += [100, 200]
s.extend(range(2))
s.insert(0, -1)
print(s, type(s).__name__, isinstance(s, list), s == [-1, 4, 9, 16, 100, 200, 0, 1])
s.sort()
s.reverse()
print(s, sorted(s), [x * 2 for x in s if x > 10], s + [7])
s[0] = 999
del s[-1]
print(s, list(reversed(s))[:3], ", ".join(str(v) for v in s))

section("History")
h = History(["a"], limit=3)
for item in "bcde":
    h.add(item)
print(h, len(h), h[0], list(h), str(h))

section("str subclass")
t = Tag("hello")
print(t, t.length, t.upper(), t.wrap(), len(t), t == "hello", isinstance(t, str))
print(t + "!", t * 2, t[1:3], "-".join([t, Tag("b")]), t.startswith("he"), sorted([Tag("b"), Tag("a")]))
print("%s|%5s|%r" % (t, Tag("ab"), t), "{0:>7}".format(t), {t: 1}["hello"])

section("float subclass")
c = Celsius(21.5)
print(c, c.to_fahrenheit(), c + 1, c - 1.5, c * 2, c / 4, -c, abs(Celsius(-2.5)))
print(isinstance(c, float), type(c).__name__, c == 21.5, c < 30, round(c), int(c), "%.2f" % c, f"{c:8.3f}")
temps = [Celsius(30.25), Celsius(-4), Celsius(12)]
print(sorted(temps), max(temps), min(temps), sum(temps), [t.to_fahrenheit() for t in temps])

section("int subclass")
p = Permissions(6)
print(p, repr(p), p.can(Permissions.READ), p.can(Permissions.EXEC), p | 1, p + 1, p * 2, p // 4, p % 4)
print(isinstance(p, int), int(p), hex(p), "%d/%o" % (p, p), p == 6, p > 5, bool(Permissions(0)), Permissions("7"))
print(["zero", "one", "two", "three", "four", "five", "six"][p], {p: "rw-"}[6], str(Permissions(5)))

section("through untyped helpers")


def put(mapping, key, value):
    mapping[key] = value


def has(container, item):
    return item in container


put(ci, "X-Trace", "on")
print(ci, has(ci, "x-TRACE"), has(ci, "nope"), has(s, 999), has(cfg, "host"))
put(s, 0, -5)
print(s, has({"a": 1}, "A"))
