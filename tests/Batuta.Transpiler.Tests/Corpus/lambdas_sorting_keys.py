records = [{"name": "x", "score": 3}, {"name": "y", "score": 9}, {"name": "z", "score": 5}]
best = max(records, key=lambda r: r["score"])
print(best["name"], sorted(r["name"] for r in records))
by_score = sorted(records, key=lambda r: r["score"], reverse=True)
print([r["name"] for r in by_score])
square = lambda n: n * n
print(square(7), (lambda a, b: a - b)(10, 3))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(ops["add"](2, 3), ops["mul"](2, 3))
