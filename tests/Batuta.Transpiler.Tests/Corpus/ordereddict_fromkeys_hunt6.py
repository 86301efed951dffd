# Column registry: OrderedDict.fromkeys keeps first-seen order and drops duplicates.
from collections import OrderedDict

print(OrderedDict.fromkeys("xy", 0))
columns = ["id", "name", "email", "name", "id", "created"]
seen = OrderedDict.fromkeys(columns)
print(seen)
print(list(seen))
counts = OrderedDict.fromkeys(columns, 0)
for c in columns:
    counts[c] += 1
counts.move_to_end("id")
print(counts)
print(OrderedDict.fromkeys(range(3), "n/a"))
print(OrderedDict.fromkeys([]))
