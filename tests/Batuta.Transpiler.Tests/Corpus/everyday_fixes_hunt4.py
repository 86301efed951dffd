# fourth bug hunt: defaults reading module globals, rows aliased from a grid, or-pattern captures, raise of a class,
# missing arguments, None is None, property setters typed by the getter
MOD = 10**9 + 7
SCALE = 2.5
NAMES = ["a", "b"]


def f(a, m=MOD):
    return a % m


def g(x, s=SCALE, names=NAMES):
    return x * s, names


class K:
    def __init__(self, m=MOD, tag=NAMES[0]):
        self.m = m
        self.tag = tag


print(f(10**12), g(2), K().m, K().tag)
MOD = 5
print(f(10**12))

C = [[0] * 2 for _ in range(2)]
row = C[0]
row[1] = row[1] + 10**20
print(C)
grid = [[0] * 3 for _ in range(2)]
r = grid[1]
r[0] += 0.5
print(grid)

for v in [5, (2, 7), 2.5, (1, "x")]:
    match v:
        case int(n) | float(n):
            print("number", n)
        case (1, x) | (2, x):
            print("pair", x)


class Custom(Exception):
    pass


try:
    raise Custom
except Custom as e:
    print(repr(e))


def target(a, b, *, c):
    return a, b, c


for call in [lambda: target(1), lambda: target(1, 2), lambda: target()]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print(None is None, None is not None)


class T:
    def __init__(self):
        self._c = 0.0

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9


t = T()
t.f = 212
print(t._c, t.f)


class A:
    def __init__(self):
        self.x = 5

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v

    @x.deleter
    def x(self):
        del self._x


a = A()
a.x = 7
print(a.x)
