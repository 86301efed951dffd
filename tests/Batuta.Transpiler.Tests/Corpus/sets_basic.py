a = {3, 1, 4, 1, 5, 9, 2, 6}
b = {5, 3, 5, 8, 9, 7}
print(a, b, len(a))
print(a | b, a & b, a - b, a ^ b)
a.add(100)
a.discard(1)
print(sorted(a), 4 in a, 1 in a)
print(set("mississippi") == {"m", "i", "s", "p"}, sorted(set("mississippi")))
s = set()
for x in [10, 20, 10, 30]:
    s.add(x)
print(s, {x % 3 for x in range(10)}, {-1, -2, 0, 1000, 64, 8})
print(set(), {1, 2} <= {1, 2, 3}, {1, 2}.isdisjoint({3}), frozenset([2, 1]))
