d = dict(a=1, b=2)
d.update({"c": 3, "a": 10})
print(d, d.setdefault("d", 4), d.setdefault("a", 0), d)
print(d.pop("b"), d.pop("zz", -1), d)
keys = list(d)
print(keys, sorted(d, reverse=True), len(d))
merged = {**d, "e": 5}
print(merged)
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[(2, 2)], sum(grid.values()), max(grid, key=lambda k: grid[k]))
nested: dict[str, list[int]] = {}
for i in range(6):
    nested.setdefault("even" if i % 2 == 0 else "odd", []).append(i)
print(nested)
copy = d.copy()
copy["new"] = 1
print(len(d), len(copy), d == copy, {"x": 1} == {"x": 1})
print(list(d.items())[:2], dict.fromkeys("ab", 0))
