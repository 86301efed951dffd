from collections import Counter, deque, defaultdict, OrderedDict, ChainMap
import collections
a = Counter("aab")
w = Counter()
w["x"] += 0.5
d = deque([1, 2])
dd = defaultdict(list)
od = OrderedDict(a=1)
cm = ChainMap({"k": 1}, {"j": 2})
things = [a, w, d, dd, od, cm, {"p": 1}, [1]]
for t in things:
    print(isinstance(t, Counter), isinstance(t, deque), isinstance(t, defaultdict), isinstance(t, OrderedDict),
          isinstance(t, ChainMap), isinstance(t, dict), isinstance(t, collections.Counter), isinstance(t, (list, deque)))
print(isinstance(a, Counter))
