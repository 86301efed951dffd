# A subclass whose __init__ never calls the base's: the base's initialiser does not run, its attributes are missing.


class Record:
    created = 0

    def __init__(self, key):
        print("Record.__init__", key)
        Record.created += 1
        self.key = key
        self.tags = []

    def label(self):
        return "record %s (%d tags)" % (self.key, len(self.tags))


class LightRecord(Record):
    def __init__(self, key, weight):
        # legacy shortcut: only the cheap fields
        self.weight = weight
        self.name = "light-" + str(key)


class FullRecord(Record):
    def __init__(self, key):
        super().__init__(key)
        self.tags.append("full")


r = Record("a")
f = FullRecord("b")
l = LightRecord("c", 2.5)
print(r.label(), "|", f.label())
print(hasattr(l, "key"), hasattr(l, "tags"), hasattr(l, "weight"), l.name, l.weight)
print(getattr(l, "key", "<no key>"), getattr(f, "key", "<no key>"))
try:
    print(l.label())
except AttributeError as e:
    print("AttributeError:", e)
print("created:", Record.created)
