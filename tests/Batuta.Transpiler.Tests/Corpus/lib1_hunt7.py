# Seventh hunt, library batch: islice on a shared iterator, groupby (key=None, groups as iterators), filter with a
# predicate variable of None, pairwise over tuples, wraps copying __doc__, Counters of other key types added,
# set methods with *args, Flag/IntEnum members of value 0, round/divmod/pow as values and with *args, divmod of bools.
from collections import Counter
from enum import Flag, IntEnum, auto
from functools import wraps
from itertools import filterfalse, groupby, islice, pairwise, permutations

# islice stops before pulling past its slice: the shared iterator keeps the next item
it = iter(range(20))
print(list(islice(it, 3)), list(islice(it, 3)), list(islice(it, 1, 6, 2)), next(it))
words = iter("alpha beta gamma delta".split())
print(list(islice(words, 2)), list(words))


# groupby: key=None groups by the items themselves; each group is an iterator
def run_keys(iterable, key=None):
    return [k for k, _ in groupby(iterable, key)]


print(run_keys("aabbba"), run_keys("aAbB", str.lower), run_keys([1, 1, 2, 3, 3], None))
for key, grp in groupby("aaabbc"):
    print(key, next(grp), list(grp))
for parity, grp in groupby([2, 4, 1, 3, 6], key=lambda n: n % 2):
    print(parity, sum(grp))
runs = [(k, len(list(g))) for k, g in groupby("mississippi")]
print(runs)


# filter / filterfalse with a predicate that may be None
def first_true(iterable, default=None, pred=None):
    return next(filter(pred, iterable), default)


def falsy(iterable, pred=None):
    return list(filterfalse(pred, iterable))


print(first_true([0, "", 5, 7]), first_true([0, 0], "none"), first_true([1, 2, 3], pred=lambda x: x > 1))
print(falsy([0, 1, "", "x", None]), falsy([1, 2, 3, 4], lambda x: x % 2))

# pairwise over tuples: a permutation, a tuple variable
for p in permutations(range(3)):
    print(p, [b - a for a, b in pairwise(p)])
t = (3, 1, 4, 1, 5)
print(list(pairwise(t)), [max(a, b) for a, b in pairwise(t)])


# functools.wraps copies the wrapped function's __doc__
def logged(fn):
    @wraps(fn)
    def inner(*args):
        return fn(*args)
    return inner


@logged
def area(r):
    """Area of a circle."""
    return 3 * r * r


@logged
def plain(x):
    return x


print(area(2), area.__name__, area.__doc__, plain.__doc__)

# an empty Counter() plus Counters of str keys
total = Counter()
for line in ["a b", "b c", "c c"]:
    total = total + Counter(line.split())
print(total, total.most_common(1))
print(Counter() | Counter("aab"), Counter("abc") - Counter())

# set methods with star-args spread their iterables
parts = [frozenset({1, 2}), frozenset({3})]
u = frozenset().union(*parts)
print(len(u), 3 in u, sorted(u))
s = {1, 2, 5, 9}
lists = [[2, 5, 7], [2, 9, 5]]
print(sorted(s.union(*lists)), s.intersection(*lists), sorted(s.difference(*lists)))
grown = set()
grown.update(*lists, [8])
print(sorted(grown))
kept = {2, 5, 7, 9}
kept.intersection_update(*lists)
print(sorted(kept))
print(sorted(set().union(*[[1], [2, 3]], [4])))


# Flag and IntEnum members of value 0 are false
class Fault(Flag):
    NONE = 0
    JAM = auto()
    HOT = auto()


class Level(IntEnum):
    OFF = 0
    LOW = 1


f = Fault.NONE
print(bool(f), "faults!" if f else "no faults", bool(Fault.JAM), bool(Fault.JAM & Fault.HOT), not Fault.HOT)
lv = Level.OFF
print(bool(lv), "on" if lv else "off", bool(Level.LOW))

# round, divmod and pow as values and with *args; divmod of bools
FUNCS = {"round": round, "divmod": divmod, "pow": pow}
print(FUNCS["round"](14.875, 2), FUNCS["round"](2.5), FUNCS["round"](7), FUNCS["divmod"](17, 5), FUNCS["pow"](2, 10))
args = (3.14159, 2)
pair = [7, 2]
print(round(*args), round(*[2.675]), divmod(*pair), pow(*pair))
flag = True
print(divmod(flag, 2), divmod(7, flag), divmod(False, 3), flag % 2, flag // 2)


# a key=None parameter passed on to sorted/max; groups end when groupby advances; pow(*args) with a modulus
def ordered(xs, key=None):
    return sorted(xs, key=key), max(xs, key=key)


print(ordered([3, 1, 2]), ordered(["b", "A", "c"], str.lower))
print([(k, list(g)) for k, g in list(groupby("aabbc"))])
print(pow(*[2, 10, 1000]), pow(*(2.0, 3)))
