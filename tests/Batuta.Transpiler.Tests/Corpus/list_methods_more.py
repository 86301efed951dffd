xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(xs.count(1), xs.index(4), xs.index(1, 2))
ys = xs.copy()
ys.clear()
print(xs, ys)
xs.insert(-1, 99)
print(xs, xs.pop(-2), xs)
zs = sorted(xs)
print(zs[len(zs) // 2], zs[0], zs[-1])
words = ["b", "a", "c"]
words += ["d"]
words.extend("ef")
print(words, words * 2, len(words * 0))
nested = [[1, 2], [3, 4]]
flat = []
for row in nested:
    flat += row
print(flat, [[0] * 2 for _ in range(2)])
print(list(map(int, "1 2 3".split())), [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
