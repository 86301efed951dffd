# Ninth hunt, csv/json/ChainMap batch: csv dialects (excel-tab, unix, registered ones, get_dialect's attributes),
# escapechar/doublequote/strict, DictReader with a restval that is not a str, json.loads/load with object_hook,
# parse_float and parse_int, json.dumps(default=), and collections.ChainMap (lookups, key order, writes to the first
# map, new_child, parents, maps, copy, pop, update).
import csv
import io
import json
from collections import ChainMap
import collections


def csv_writers():
    buf = io.StringIO()
    csv.writer(buf, dialect="excel-tab").writerow(["a", "b c", "d\te"])
    csv.writer(buf, "unix").writerow(["x", 1, "y,z"])
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(["q", 2])
    csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, quotechar="'", lineterminator="\n").writerow(["q", 2, 3.5, "it's"])
    csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n").writerow(["a,b", 'say "hi"', "back\\slash"])
    csv.writer(buf, escapechar="\\", doublequote=False, lineterminator="\n").writerow(['say "hi"', "x,y"])
    csv.writer(buf, escapechar="\\", lineterminator="\n").writerow(["a\\b", "x,y", 'q"r', "c\rd"])
    print(repr(buf.getvalue()))
    try:
        csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
    except csv.Error as e:
        print("Error:", e)
    try:
        csv.writer(io.StringIO(), delimiter="::")
    except TypeError as e:
        print("TypeError:", e)


def csv_dialects():
    csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    print(csv.list_dialects())
    buf = io.StringIO()
    csv.writer(buf, dialect="pipes").writerow(["a|b", "c"])
    dw = csv.DictWriter(buf, fieldnames=["n", "v"], dialect="pipes")
    dw.writeheader()
    dw.writerow({"n": "k", "v": "1|2"})
    print(repr(buf.getvalue()))
    for row in csv.reader(io.StringIO(buf.getvalue()), dialect="pipes"):
        print(row)
    d = csv.get_dialect("pipes")
    print(d.delimiter, repr(d.lineterminator), d.quoting, d.quotechar, d.escapechar, d.doublequote)
    print(csv.get_dialect("excel-tab").delimiter == "\t", csv.get_dialect("unix").quoting == csv.QUOTE_ALL)
    csv.register_dialect("semi", "excel", delimiter=";", skipinitialspace=True)
    print(list(csv.reader(["a; b;  c", "'d'; e"], "semi")))
    csv.unregister_dialect("semi")
    print(csv.list_dialects())
    try:
        csv.get_dialect("semi")
    except csv.Error as e:
        print("Error:", e)
    tab = csv.get_dialect("excel-tab")
    out = io.StringIO()
    csv.writer(out, tab, quoting=csv.QUOTE_NONNUMERIC).writerow(["a", 1, 2.0, None])
    print(repr(out.getvalue()))


def csv_readers():
    for row in csv.DictReader(io.StringIO("a\tb\n1\t2\n"), dialect="excel-tab"):
        print(row)
    print(list(csv.reader(io.StringIO('a\\,b,c\n"x\\"y",z\n'), escapechar="\\")))
    print(list(csv.reader(["a\\", "b,c"], escapechar="\\")))
    print(list(csv.reader(io.StringIO("'a,b';c\n"), delimiter=";", quotechar="'")))
    print(list(csv.reader(['"a"b,c'])))
    try:
        list(csv.reader(['"a"b,c'], strict=True))
    except csv.Error as e:
        print("Error:", e)
    print(list(csv.DictReader(io.StringIO("Bo\n"), fieldnames=["name", "age"], restval=0)))
    for row in csv.DictReader(io.StringIO("name,age,city\nBo,3\nAl,40,Oslo\n"), restval=None):
        print(row, row["city"] is None)
    rows = list(csv.DictReader(io.StringIO("a;b\n1\n"), restval=-1, delimiter=";"))
    print(rows, rows[0]["b"] + 1)
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=["a", "b", "c"], restval=0, dialect="unix")
    w.writeheader()
    w.writerow({"a": "x"})
    w.writerows([{"a": 1, "b": 2.5}, {"c": None}])
    print(out.getvalue(), end="")


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def as_point(d):
    if "x" in d and "y" in d:
        return Point(d["x"], d["y"])
    return d


def json_hooks():
    print(json.loads('{"a": {"x": 1, "y": 2}, "b": [{"x": 3, "y": 4}, {"z": 5}], "e": {}}', object_hook=as_point))
    seen = []

    def record(d):
        seen.append(sorted(d))
        return len(d)

    print(json.loads('{"p": {"q": {"r": 1}}, "s": 2}', object_hook=record), seen)
    print(json.loads('[1.5, 2, 3.25]', parse_float=str))
    print(json.loads('{"v": 1.10}', parse_float=lambda s: "F" + s))
    print(json.loads('[1, 2, -3]', parse_int=float))
    print(json.load(io.StringIO('{"k": {"x": 7, "y": 8}}'), object_hook=as_point))

    def encode(o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        if isinstance(o, set):
            return sorted(o)
        raise TypeError(f"not serializable: {type(o).__name__}")

    text = json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, default=encode)
    print(text, json.loads(text, object_hook=as_point))


def chainmap_basics():
    defaults = {"color": "red", "user": "guest", "size": 10}
    env = {"user": "admin"}
    cli = {"size": 12, "debug": True}
    cfg = ChainMap(cli, env, defaults)
    print(cfg["user"], cfg["size"], cfg["color"])
    print("debug" in cfg, "missing" in cfg, cfg.get("missing"), cfg.get("missing", 0))
    print(len(cfg), list(cfg), list(cfg.keys()), list(cfg.items()), list(cfg.values()))
    print(cfg)
    cfg["color"] = "blue"
    print(cli, defaults["color"])
    child = cfg.new_child()
    child["user"] = "root"
    print(child["user"], cfg["user"], len(child.maps), child.parents["user"], child.maps[0])
    del cfg["color"]
    print(cfg["color"])
    try:
        del cfg["user"]
    except KeyError as e:
        print("KeyError", e)
    try:
        cfg["nope"]
    except KeyError as e:
        print("KeyError", e)
    print(dict(cfg))
    for k, v in cfg.items():
        print(k, v)
    print(ChainMap(), ChainMap({"a": 1}).new_child({"b": 2}))
    print(cfg.pop("debug"), cli)


def chainmap_scopes():
    scopes = [{"x": 1}, {"x": 2, "y": 3}, {"z": 4}]
    cm = collections.ChainMap(*scopes)
    print(cm.get("x"), cm.get("w", "<undefined>"), sorted(cm), len(cm), bool(cm), bool(collections.ChainMap()))
    print(cm == {"x": 1, "y": 3, "z": 4}, {k: v * 10 for k, v in cm.items()})
    cm.update({"y": 30, "q": 5})
    cm.update([("r", 6)])
    print(cm.maps[0], cm.setdefault("z", 0), cm.setdefault("n", 7), scopes[0])
    cm.maps.append({"last": 0})
    print(list(cm), cm.parents)
    counts = {"a": 1}
    totals = collections.ChainMap(counts, {"a": 100, "b": 200})
    totals["a"] += 1
    totals["b"] += 1
    print(counts, totals["b"], totals.maps[1])
    snap = totals.copy()
    snap["c"] = 3
    print(snap, "c" in totals, totals.pop("zz", "none"))
    try:
        totals.pop("zz")
    except KeyError as e:
        print("KeyError:", e)
    print(totals.popitem(), totals)
    totals.clear()
    print(totals, max(collections.ChainMap({"p": 5}, {"q": 9}).values()))


csv_writers()
csv_dialects()
csv_readers()
json_hooks()
chainmap_basics()
chainmap_scopes()
