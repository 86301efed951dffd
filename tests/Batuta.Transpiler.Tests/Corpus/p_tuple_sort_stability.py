data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[0], reverse=True))
by_second = sorted(data, key=lambda t: t[1])
print(sorted(by_second, key=lambda t: t[0]))
