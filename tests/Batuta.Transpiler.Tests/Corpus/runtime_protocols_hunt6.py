"""Runtime protocols a migrated program relies on: copy hooks, deepcopy sharing, float counters,
functools.wraps metadata and generator objects."""
import copy
import functools
from itertools import count, islice


class Account:
    def __init__(self, owner, history):
        self.owner = owner
        self.history = history
        self.copies = 0

    def __copy__(self):
        clone = Account(self.owner, list(self.history))
        clone.copies = self.copies + 1
        return clone

    def __deepcopy__(self, memo):
        clone = Account(self.owner, copy.deepcopy(self.history, memo))
        clone.copies = self.copies + 10
        return clone


def audit(func):
    @functools.wraps(func)
    def wrapper(*args):
        result = func(*args)
        print(f"audit {func.__name__}{args} -> {result}")
        return result
    return wrapper


@audit
def transfer(amount, fee):
    return amount - fee


def doubled(func):
    @functools.wraps(func)
    def wrapper(a, b):
        return func(a, b) * 2
    return wrapper


@doubled
def area(w, h):
    return w * h


class Node:
    def __init__(self, label):
        self.label = label
        self.children = []


def ticks(n):
    try:
        for i in range(n):
            yield i * 10
    finally:
        print("ticks cleanup")


def main():
    acct = Account("ada", [1, 2])
    shallow = copy.copy(acct)
    deep = copy.deepcopy(acct)
    shallow.history.append(3)
    print(acct.history, shallow.history, shallow.copies, deep.copies, deep.history)

    shared = [1, 2]
    snapshot = copy.deepcopy({"x": shared, "t": (shared, 5)})
    print(snapshot["t"][0] is snapshot["x"], snapshot["x"] is shared, snapshot["t"][1])
    snapshot["x"].append(9)
    print(snapshot["t"][0], shared)

    root = Node("root")
    leaf = Node("leaf")
    root.children.append(leaf)
    tree = copy.deepcopy([root, (leaf, leaf)])
    print(tree[1][0] is tree[1][1], tree[0].children[0] is tree[1][0], tree[1][0] is leaf, tree[1][0].label)

    print(list(islice(count(1.5, 0.5), 4)))
    print(list(islice(count(1, 0.25), 3)), list(islice(count(3, -1), 3)))
    print(list(islice(count(0.1, 0.1), 5)))
    print(list(islice(count(2.0), 3)))

    print(transfer(100, 3), transfer.__name__, transfer.__wrapped__(50, 5))
    print(area(2, 3), area.__name__, area.__wrapped__(2, 3))

    squares = (x * x for x in range(5))
    print(type(squares).__name__, type(ticks(2)).__name__)
    pairs = enumerate("ab")
    print(type(pairs).__name__, type(zip([1], [2])).__name__, type(map(str, [1])).__name__,
          type(filter(None, [0, 1])).__name__, type(reversed([1])).__name__, type(count()).__name__,
          type(islice([1], 1)).__name__)
    print(next(squares), next(squares))
    squares.close()
    print(list(squares))
    t = ticks(4)
    print(next(t))
    t.close()
    print("after close")
    t.close()
    print(list(t), next(t, "done"))
    (x for x in "unused").close()
    print("closed in place")


main()
