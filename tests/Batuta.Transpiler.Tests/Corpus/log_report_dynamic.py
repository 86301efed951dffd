"""A log report: regex parsing into dicts of mixed values, Counter, grouping, json.dumps of records, re.sub with a function."""
import re
import json
from collections import Counter, defaultdict

LOG = """2024-01-01 10:00:01 INFO user=alice action=login ms=120
2024-01-01 10:00:05 WARN user=bob action=upload ms=3400 size=12.5
2024-01-01 10:01:00 ERROR user=alice action=upload ms=5000 err="disk full"
2024-01-01 10:02:30 INFO user=carol action=login ms=95
garbage line
2024-01-01 10:03:00 INFO user=bob action=logout ms=10
"""
PAT = re.compile(r'^(\S+) (\S+) (\w+) (.*)$')
KV = re.compile(r'(\w+)=("[^"]*"|\S+)')

def parse_line(line):
    m = PAT.match(line)
    if not m:
        return None
    date, time, level, rest = m.groups()
    fields = {k: v.strip('"') for k, v in KV.findall(rest)}
    for k in ("ms", "size"):
        if k in fields:
            fields[k] = float(fields[k]) if "." in fields[k] else int(fields[k])
    return {"ts": f"{date}T{time}", "level": level, **fields}

records = [r for r in map(parse_line, LOG.splitlines()) if r]
print(len(records), records[2])
levels = Counter(r["level"] for r in records)
print(levels.most_common(), dict(levels))
per_user = defaultdict(list)
for r in records:
    per_user[r["user"]].append(r["ms"])
for user, times in sorted(per_user.items(), key=lambda kv: -sum(kv[1])):
    avg = sum(times) / len(times)
    print(f"{user:8s} n={len(times)} total={sum(times):>6} avg={avg:8.1f} max={max(times)}")
slow = [r for r in records if r["ms"] > 1000]
print(json.dumps(slow, indent=2, sort_keys=True))
errors = {r["user"]: r.get("err", "?") for r in records if r["level"] == "ERROR"}
print(errors, any(r.get("size", 0) > 10 for r in records))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c"), re.split(r"[,;]\s*", "a, b;c"))
