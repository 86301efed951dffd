# Tenth hunt, batch b: Counter with float counts (the multiset operators, unary + and -, update/subtract with dicts,
# total, most_common), csv.Dialect subclasses and csv.QUOTE_NONNUMERIC, calendar's year layouts (TextCalendar.formatyear,
# calendar.calendar, HTMLCalendar), configparser's ExtendedInterpolation and RawConfigParser.
import calendar
import configparser
import csv
import io
from collections import Counter


def float_counters():
    a = Counter({"x": 1.5, "y": 2.0, "z": -1.0})
    b = Counter({"x": 0.5, "y": 3.0, "w": 2.5})
    print(a + b, a - b, a | b, a & b)
    print(+a, -a, +Counter({"q": 0.0}))
    i = Counter("xxy")
    print(a + i, a - i, a | i, a & i)
    a.update({"x": 1.0})
    a.subtract({"y": 0.5})
    print(a, a.total(), a.most_common(2))


class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = "'"
    doublequote = True
    skipinitialspace = True
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


def csv_dialects():
    buf = io.StringIO()
    w = csv.writer(buf, dialect=Semi)
    w.writerow(["a", "b;c", "it's", 3])
    w.writerows([[1.5, None]])
    print(repr(buf.getvalue()))
    print(list(csv.reader(io.StringIO(buf.getvalue()), Semi)))
    csv.register_dialect("semi10", Semi)
    print(list(csv.reader(["x; y;z"], "semi10")), csv.get_dialect("semi10").delimiter)
    for row in csv.reader(io.StringIO('"a",1,2.5,\n"b",3,-4e1,""\n'), quoting=csv.QUOTE_NONNUMERIC):
        print(row, [type(v).__name__ for v in row])
    try:
        list(csv.reader(["abc,1"], quoting=csv.QUOTE_NONNUMERIC))
    except ValueError as e:
        print("ValueError:", e)
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerow(["s", 1, 2.5, None, True])
    print(repr(out.getvalue()))


def calendars():
    print(calendar.TextCalendar(calendar.SUNDAY).formatyear(2024, 2, 1, 1, 3))
    print(calendar.TextCalendar().formatyear(2025, w=3, l=2, c=4, m=4))
    print(calendar.calendar(2023))
    h = calendar.HTMLCalendar()
    print(h.formatmonth(2024, 2))
    print(calendar.HTMLCalendar(6).formatmonth(2023, 12, withyear=False))
    print(h.formatyear(2021, 4))


def interpolation():
    cp = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
    cp.read_string("""
[DEFAULT]
root = /r
[paths]
home = ${root}/home/u
data = ${home}/data
[app]
log = ${paths:data}/app.log
cost = $$5
bad = ${nowhere:x}
""")
    print(cp["paths"]["data"], cp.get("app", "log"), cp["app"]["cost"])
    print(cp.get("app", "log", raw=True))
    try:
        cp.get("app", "bad")
    except configparser.InterpolationMissingOptionError:
        print("InterpolationMissingOptionError")
    try:
        cp.set("app", "price", "$5")
    except ValueError as e:
        print("ValueError:", e)
    raw = configparser.RawConfigParser()
    raw.read_string("[s]\nv = %(x)s ${y}\n")
    print(raw.get("s", "v"))


float_counters()
csv_dialects()
calendars()
interpolation()
