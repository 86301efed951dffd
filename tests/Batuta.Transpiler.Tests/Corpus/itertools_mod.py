import itertools

print(list(itertools.permutations([1, 2, 3])))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.product([0, 1], repeat=2)))
print(list(itertools.chain([1, 2], [3], [4, 5])))
print(list(itertools.islice(itertools.count(10), 5)))
print(list(itertools.accumulate([1, 2, 3, 4])))
for k, g in itertools.groupby("aaabbc"):
    print(k, list(g))
print(list(zip(range(3), itertools.cycle("xy"))))
