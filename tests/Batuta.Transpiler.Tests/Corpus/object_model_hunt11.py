# Settings layered with ChainMap, a small plugin registry of classes, and instance overrides of class defaults.
from collections import ChainMap

DEFAULTS = {"color": "blue", "size": "M", "qty": 1}


def layered(user, session):
    cm = ChainMap(session, user, DEFAULTS)
    cm["qty"] = 5
    cm["gift"] = True
    return cm


user = {"size": "L"}
session = {}
cm = layered(user, session)
print(user, session, cm["qty"], cm["size"], cm["color"], cm["gift"])
print(sorted(dict(cm).items(), key=lambda kv: kv[0]))
prefs = {"theme": "dark"}
child = ChainMap(prefs)
child["font_size"] = 12
child["ratio"] = 1.5
print(prefs, len(child), "font_size" in prefs)


class Plugin:
    name = "base"
    priority = 10
    enabled = True

    def __init__(self, label):
        self.label = label

    def run(self, data):
        return "%s[%s] ran on %s" % (self.name, self.label, data)

    def describe(self):
        return "%s (priority %d, %s)" % (self.name, self.priority, "on" if self.enabled else "off")

    @staticmethod
    def version():
        return "1.0"

    @classmethod
    def build(cls, label):
        return cls(label)


class Uppercase(Plugin):
    name = "upper"

    def run(self, data):
        return data.upper()

    def undo(self, data):
        return data.lower()


class Reverse(Plugin):
    name = "reverse"
    priority = 5

    def run(self, data):
        return data[::-1]


registry = [Plugin, Uppercase, Reverse]
for cls in registry:
    caps = [m for m in ("run", "undo", "describe", "version", "build", "priority", "missing") if hasattr(cls, m)]
    print(cls.__name__, caps, getattr(cls, "priority"), getattr(cls, "version")())
    plugin = getattr(cls, "build")("p-" + cls.__name__.lower())
    print("  ", getattr(cls, "run")(plugin, "Hello"), "|", getattr(cls, "describe")(plugin))
    if hasattr(cls, "undo"):
        print("   undo:", getattr(cls, "undo")(plugin, "ABC"))
try:
    getattr(Reverse, "undo")
except AttributeError as exc:
    print("AttributeError:", exc)
print(getattr(Reverse, "undo", None), getattr(Plugin, "missing", "n/a"))
shout = Uppercase("base-call")
print(getattr(Plugin, "run")(shout, "data"), "|", getattr(Uppercase, "run")(shout, "data"))

p = Uppercase("shout")
print(vars(p), p.__dict__, "enabled" in vars(p), p.describe())
p.enabled = False
print(vars(p), "enabled" in vars(p), p.describe(), Uppercase.enabled)
p.priority = 1
print(sorted(vars(p)), p.__dict__ == {"label": "shout", "priority": 1, "enabled": False}, p.describe())
q = Uppercase("quiet")
print(vars(q), q.describe())
r = Reverse("mirror")
r.enabled = False
print(r.__dict__, r.describe(), Reverse.enabled)
del r.enabled
print(r.__dict__, r.describe(), hasattr(r, "enabled"))
try:
    del r.enabled
except AttributeError as exc:
    print("AttributeError:", exc)
