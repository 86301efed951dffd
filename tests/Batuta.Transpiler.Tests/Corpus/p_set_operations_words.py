a = set("the quick brown fox".split())
b = set("the lazy brown dog".split())
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
print(len(a), "fox" in a, "cat" not in b, a.issubset(a | b), sorted(a.union(b, {"cat"})))
c = {1, 2, 3}
c |= {4}
c -= {1}
print(c, c & {2, 4, 8})
