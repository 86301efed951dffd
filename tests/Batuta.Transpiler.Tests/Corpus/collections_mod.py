from collections import Counter, defaultdict, deque, OrderedDict

words = "the cat and the hat and the bat".split()
c = Counter(words)
print(c.most_common(2), c["the"], c["dog"], len(c))
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(dict(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.popleft(), q.pop(), list(q), len(q))
q.rotate(1)
print(list(q))
od = OrderedDict()
od["z"] = 1
od["a"] = 2
print(list(od.keys()))
