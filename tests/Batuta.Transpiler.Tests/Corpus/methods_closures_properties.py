"""next(gen, default), closures over self in methods, overridden @property through a base variable, __bool__ over __len__, inherited classmethod factories."""
class T:
    def __init__(self, n):
        self.n = n
ts = [T(1), T(2), T(3)]
print(next((x for x in [1, 2, 3] if x > 5), None), next((x for x in [1, 2, 3] if x > 1), None))
t = next((t for t in ts if t.n > 1), None)
print(t.n if t else None)
it = iter([4, 5])
print(next(it), next(it, "done"), next(it, "done"))

class Bus:
    def __init__(self):
        self.n = 3
        self.items = []
    def getter(self):
        def get():
            return self.n
        return get
    def adder(self):
        def add(x):
            self.items.append(x)
        return add
b = Bus()
b.adder()(7)
print(b.getter()(), b.items)

class Stage:
    @property
    def label(self):
        return "base"
class Scale(Stage):
    @property
    def label(self):
        return "x3"
s: Stage = Scale()
print(s.label, [st.label for st in [Stage(), Scale()]])

class V:
    def __len__(self):
        return 2
    def __bool__(self):
        return False
print(bool(V()), "yes" if V() else "no")

class A:
    def __init__(self, n):
        self.n = n
    @classmethod
    def make(cls, s):
        return cls(int(s))
class B(A):
    pass
print(type(B.make("3")).__name__, type(A.make("4")).__name__, B.make("5").n)
