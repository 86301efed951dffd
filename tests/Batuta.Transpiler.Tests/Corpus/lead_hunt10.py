# Tenth bug hunt, fixed by the lead: builtin methods through __getattr__ proxies, zip(strict=True),
# a recursive function that can run off its end while returning str.


class Proxy:
    def __init__(self, target):
        self._target = target
        self.hits = 0

    def __getattr__(self, name):
        self.hits += 1
        return getattr(self._target, name)


pr = Proxy([3, 1, 2])
print(pr.count(1), pr.index(2), pr.hits, pr._target)
push = getattr([1, 2], "append")
push(5)
s = Proxy("hello")
print(s.upper(), s.find("l"), s.hits)
d = Proxy({"a": 1})
print(d.get("a"), sorted(d.keys()), d.hits)
print(list(zip([1, 2], "ab", strict=True)), list(zip("ab", [1, 2], [3, 4], strict=True)))
for args in ([[1], [1, 2]], [[1, 2, 3], [1, 2]], [[1, 2], [1, 2], [1]], [[1], [1], [1, 2]]):
    try:
        print(list(zip(*args, strict=True)) if len(args) == 0 else list(zip(args[0], args[1], strict=True)) if len(args) == 2 else list(zip(args[0], args[1], args[2], strict=True)))
    except ValueError as e:
        print("ValueError:", e)
flag = False
print(list(zip([1, 2, 3], [4], strict=flag)))


def show(node):
    if isinstance(node, list):
        return "[" + " ".join(show(x) for x in node) + "]"
    if isinstance(node, int):
        return str(node)


print(show([1, [2, 3], [[4]]]), show("x"))


from enum import Enum


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


class Code(Enum):
    OK = "ok"
    FAIL = "fail"

    def __init__(self, text):
        self.shout = text.upper() + "!"


print(Planet.EARTH, Planet.EARTH.value, round(Planet.EARTH.gravity, 3), Planet.MERCURY.mass)
print([p.name for p in Planet], Planet((3.303e+23, 2.4397e6)), Code.FAIL.shout, Code("ok").shout)


import functools


class Memo:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.cache = {}
        self.calls = 0

    def __call__(self, n):
        self.calls += 1
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]


class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0

    def __call__(self, *args, **kwargs):
        self.count += 1
        return self.fn(*args, **kwargs)


class Retry:
    def __init__(self, times):
        self.times = times

    def __call__(self, fn):
        def wrapper(*args):
            for i in range(self.times):
                try:
                    return fn(*args)
                except ValueError as e:
                    print(f"attempt {i + 1} failed: {e}")
            return None
        return wrapper


@Memo
def fib(n):
    """Fibonacci, memoised by a class."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@CountCalls
def greet(name, punct="!"):
    return f"hi {name}{punct}"


attempts = {"n": 0}


@Retry(3)
def flaky(x):
    attempts["n"] += 1
    if attempts["n"] < 3:
        raise ValueError(f"try {attempts['n']}")
    return x * 2


print(fib(60), fib.calls, len(fib.cache), fib.__name__, fib.__doc__, fib.__wrapped__(10))
print(greet("ann"), greet("bob", punct="?"), greet.count, callable(greet))
print(flaky(21), attempts)


class Seq:
    def __init__(self, items=()):
        self._items = list(items)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return type(self)(self._items[idx])
        return self._items[idx]

    def __len__(self):
        return len(self._items)

    def __add__(self, other):
        return type(self)(self._items + list(other))

    def __repr__(self):
        return f"{type(self).__name__}({self._items})"


class Stack(Seq):
    def push(self, v):
        self._items.append(v)
        return self


st = Stack([1, 2, 3]).push(4)
print(st[1:3], type(st[::2]).__name__, st + [5], Seq("ab")[::-1], st[0])


class Temp:
    def __init__(self, c):
        self._c = c

    def get_f(self):
        return self._c * 9 / 5 + 32

    def set_f(self, f):
        self._c = (f - 32) * 5 / 9

    def del_f(self):
        print("deleting")
        self._c = 0

    fahrenheit = property(get_f, set_f, del_f, "degrees F")
    celsius = property(fget=lambda self: self._c)
    kelvin = property(lambda self: self._c + 273.15)


t = Temp(100)
print(t.fahrenheit, t.get_f())
t.fahrenheit = 32
print(t._c, t.fahrenheit)
del t.fahrenheit
print(t._c)
print(t.celsius, round(Temp(1.5).kelvin, 2), Temp(-40).fahrenheit)
