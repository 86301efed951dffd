"""The AttrDict recipes of legacy config code: self.__dict__ = self, bound dict methods, nested configs."""


class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super(AttrDict, self).__init__(*args, **kwargs)
        self.__dict__ = self


class Settings(dict):
    def __getattr__(self, name):
        if name in self:
            return self[name]
        raise AttributeError("no setting %r" % name)


def load(pairs):
    cfg = AttrDict()
    for line in pairs:
        key, _, value = line.partition("=")
        key = key.strip()
        value = value.strip()
        if value.isdigit():
            value = int(value)
        cfg[key] = value
    return cfg


cfg = load(["host = example.org", "port = 8080", "user = admin"])
print(cfg.host, cfg.port + 1, cfg.user, len(cfg))
cfg.timeout = 30
print(cfg["timeout"], sorted(cfg.keys()))
cfg["retries"] = 2
print(cfg.retries, cfg)
try:
    print(cfg.password)
except AttributeError as e:
    print("AttributeError:", e)

nested = AttrDict(db=AttrDict(name="main", pool=5), debug=False)
print(nested.db.name, nested.db.pool * 2, nested.debug, nested)

s = Settings(level="info", verbose=True)
get = s.get
print(s.level, s.verbose, get("level"), get("missing", "-"), "level" in s)
try:
    s.colour
except AttributeError as e:
    print("AttributeError:", e)
merged = dict(s)
merged.update(cfg)
print(sorted(merged.items(), key=lambda kv: kv[0]))


class LegacyRecord(dict):
    """Python 2 spelling of the base call."""

    def __init__(self, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.__dict__ = self


class Batch(list):
    def __init__(self, items):
        list.__init__(self, items)

    def add(self, item):
        list.append(self, item)


rec = LegacyRecord({"id": 7}, kind="job")
print(rec.id, rec.kind, rec)
batch = Batch([1, 2])
batch.add(3)
print(batch, len(batch))
