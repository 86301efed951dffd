#!/usr/bin/env python3
"""Parse an access log given on stdin, summarize per host and status."""
import sys
import re
import datetime
from collections import defaultdict, Counter, namedtuple

LINE_RE = re.compile(
    r'^(?P<host>\S+) \S+ \S+ \[(?P<ts>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) [^"]*" (?P<status>\d{3}) (?P<size>\d+|-)'
)
Hit = namedtuple("Hit", "host when method path status size")


def parse_line(line):
    m = LINE_RE.match(line)
    if not m:
        return None
    when = datetime.datetime.strptime(m.group("ts"), "%d/%b/%Y:%H:%M:%S %z")
    size = 0 if m.group("size") == "-" else int(m.group("size"))
    return Hit(m.group("host"), when, m.group("method"), m.group("path"), int(m.group("status")), size)


def main(stream):
    hits, bad = [], 0
    for lineno, line in enumerate(stream, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        hit = parse_line(line)
        if hit is None:
            bad += 1
            sys.stderr.write("line %d: cannot parse\n" % lineno)
            continue
        hits.append(hit)
    per_host = defaultdict(lambda: {"n": 0, "bytes": 0})
    for h in hits:
        per_host[h.host]["n"] += 1
        per_host[h.host]["bytes"] += h.size
    for host, st in sorted(per_host.items(), key=lambda kv: (-kv[1]["bytes"], kv[0])):
        print("%-15s %3d %8d" % (host, st["n"], st["bytes"]))
    statuses = Counter(h.status // 100 * 100 for h in hits)
    print(dict(sorted(statuses.items())))
    first = min(h.when for h in hits)
    last = max(h.when for h in hits)
    print(first.isoformat(), last.isoformat(), last - first, (last - first).total_seconds())
    print(first.strftime("%A %d %B %Y %I:%M %p %j %Z"), first.utcoffset(), first.tzname())
    by_hour = Counter(h.when.hour for h in hits)
    for hour in range(min(by_hour), max(by_hour) + 1):
        print("%02d:00 %s" % (hour, "#" * by_hour.get(hour, 0)))
    paths = Counter(h.path.split("?")[0] for h in hits)
    print(paths.most_common(2))
    print("bad lines:", bad)
    print(hits[0]._asdict()["path"], hits[0]._replace(size=1).size, Hit._fields)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.stdin))
