d = {"apple": 3, "banana": 5}
d["cherry"] = 7
d["apple"] += 1
print(d, len(d), d["banana"], d.get("kiwi"), d.get("kiwi", 0), "apple" in d)
for k, v in d.items():
    print(k, v)
print(list(d.keys()), list(d.values()), sorted(d.items(), key=lambda kv: -kv[1]))
del d["banana"]
d["banana"] = 1
print(d, d.pop("cherry"), d)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, {k: v * 2 for k, v in counts.items()})
inv = {v: k for k, v in counts.items()}
print(inv, dict(zip("abc", range(3))))
