"""Counter built and updated from values known only at run time (json data, dict values): mappings add counts, iterables count items."""
import json
from collections import Counter

records = json.loads('[{"user": "ann", "words": {"a": 4, "b": 3}}, {"user": "bo", "words": {"a": 1, "c": 2}}]')
total = Counter()
for r in records:
    total.update(r["words"])
print(total, total.most_common(1))
print(Counter(json.loads('{"x": 5, "y": 1}')), Counter(json.loads('["p", "q", "p"]')))
per_user = {"ann": Counter("aab"), "bo": Counter("bcc")}
merged = Counter()
for name in sorted(per_user):
    merged.update(per_user[name])
print(merged)
left = Counter(json.loads('{"a": 10, "b": 2}'))
left.subtract({"a": 3, "b": 5})
print(left, +left)
