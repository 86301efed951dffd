data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print([x * 2 for x in data if x > 2])
print({x for x in data})
print({x: x ** 2 for x in data if x % 2})
print([(i, j) for i in range(3) for j in range(i)])
print(sum(x for x in data), any(x > 8 for x in data), all(x > 0 for x in data))
words = ["apple", "Banana", "cherry", "date"]
print([w.upper() for w in words if len(w) > 4], sorted(words, key=str.lower))
nested = [[1, 2], [3], [4, 5, 6]]
print([y for row in nested for y in row], [len(r) for r in nested])
print({w[0].lower(): w for w in words})
