class Seq:
    def __init__(self, items=()):
        self._items = list(items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return type(self)(self._items[idx])
        return self._items[idx]

    def __setitem__(self, idx, v):
        self._items[idx] = v

    def __delitem__(self, idx):
        del self._items[idx]

    def __contains__(self, v):
        return v in self._items

    def __reversed__(self):
        return Seq(self._items[::-1])

    def __iter__(self):
        return iter(self._items)

    def __add__(self, other):
        return type(self)(self._items + list(other))

    def __radd__(self, other):
        return type(self)(list(other) + self._items)

    def __iadd__(self, other):
        self._items.extend(other)
        return self

    def __repr__(self):
        return f"{type(self).__name__}({self._items})"

    @classmethod
    def of(cls, *xs):
        return cls(xs)


class Stack(Seq):
    def push(self, v):
        self._items.append(v)
        return self

    def pop(self):
        if not self:
            raise IndexError("pop from empty Stack")
        return self._items.pop()


s = Seq.of(1, 2, 3, 4, 5)
print(len(s), s[1], s[-1], s[1:4], s[::2], 3 in s, 9 in s, list(reversed(s)))
s[0] = 10
del s[1]
print(s, s + [6], [0] + s, bool(Seq()), sum(s), sorted(s, reverse=True))
s += (7, 8)
print(s, s.__class__.__name__, isinstance(s, Seq))
st = Stack.of("x").push("y").push("z")
print(st, st.pop(), st[0:1], type(st[0:1]).__name__, Stack.of(1) + Stack.of(2))
try:
    Stack().pop()
except IndexError as e:
    print("IndexError:", e)
print(max(Seq.of(3, 9, 2)), min(Stack.of("b", "a")), ",".join(Seq.of("p", "q")), dict(zip(Seq.of("k1", "k2"), s)))
it = iter(Stack.of(1, 2))
print(next(it), next(it), next(it, "end"))
