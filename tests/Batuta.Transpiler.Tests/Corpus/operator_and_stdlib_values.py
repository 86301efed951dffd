"""operator module (calls, function values, itemgetter/attrgetter), str.maketrans, str methods as values, unbound methods as keys,
defaultdict(int) with dynamic values, deque.extendleft, slice assignment changing the element type, tuples of mixed lists."""
import operator
from functools import reduce
from operator import itemgetter, attrgetter
print(reduce(operator.mul, [1, 2, 3]), reduce(operator.add, ["a", "b"]), operator.add(1, 2), operator.neg(5))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=operator.itemgetter(0)), max(rows, key=itemgetter(1)))
class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
ps = [P("x", 30), P("y", 20)]
print([p.name for p in sorted(ps, key=attrgetter("age"))], list(map(operator.sub, [5, 6], [1, 2])))
print(operator.contains([1, 2], 2), operator.getitem({"k": 9}, "k"), operator.lt(1, 2), operator.truth(0))
ops = {"+": operator.add, "-": operator.sub, "*": operator.mul}
print(ops["*"](6, 7), ops["-"](1, 4))
from collections import defaultdict, deque

t = str.maketrans("ab", "AB")
print("abc".translate(t), "hello".translate(str.maketrans("", "", "l")), "a-b".translate(str.maketrans({"-": "+"})))


def apply(f, x):
    return f(x)


print(apply(str.upper, "a"), list(map(str.strip, [" x ", "y "])))


class A:
    def __init__(self, v):
        self.v = v

    def val(self):
        return self.v


xs = [A(3), A(5), A(4)]
print(max(xs, key=A.val).v, [a.v for a in sorted(xs, key=A.val)])
hits = [{"p": "a", "n": 3}, {"p": "b", "n": 4}, {"p": "a", "n": 1}]
tot = defaultdict(int)
for h in hits:
    tot[h["p"]] += h["n"]
print(dict(tot))
d = deque()
d.extendleft([1, 2])
d.extend([3])
print(d)
lst = [1, 2, 3]
lst[0:1] = ["a"]
print(lst)
for group in ([1, 2], [1.5]):
    print(sum(group), len(group))
