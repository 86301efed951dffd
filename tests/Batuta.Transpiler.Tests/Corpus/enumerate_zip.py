names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i, n, a)
pairs = dict(zip(names, ages))
print(pairs)
for idx, ch in enumerate("abc"):
    print(idx, ch, end="; ")
print()
print(list(zip("abc", [1, 2], [True, False, True])))
oldest = max(zip(ages, names))
print(oldest)
