import functools
from functools import lru_cache, partial, cache


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=128)
def slow_square(x: int) -> int:
    print("computing", x)
    return x * x


@cache
def ways(n: int, coins: tuple) -> int:
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


def power(base: int, exp: int) -> int:
    return base ** exp


def greet(greeting: str, name: str, punct: str = "!") -> str:
    return f"{greeting}, {name}{punct}"


def describe(title: str, *items: str, sep: str = ", ", **options) -> str:
    extra = " ".join(f"{k}={v}" for k, v in options.items())
    return f"{title}: {sep.join(items)} [{extra}]"


def total(**prices: float) -> float:
    return sum(prices.values())


print(fib(90), fib.cache_info().hits > 0)
print(slow_square(4), slow_square(4), slow_square(5))
print(ways(100, (50, 25, 10, 5, 1)))
square = partial(power, exp=2)
cube = partial(power, exp=3)
hello = partial(greet, "Hello")
print(square(7), cube(2), hello("Ann"), hello("Bob", punct="?"))
print(list(map(square, [1, 2, 3])))
print(describe("fruits", "apple", "pear", color="red", size=3))
print(describe("empty"))
print(total(apple=1.5, pear=2.25))
opts = {"sep": " | ", "mode": "x"}
print(describe("kw", "a", "b", **opts))
args = ["Hi", "Zed"]
print(greet(*args, **{"punct": "."}))
it = iter([10, 20, 30])
print(next(it), next(it))
for rest in it:
    print("rest", rest)
print(next(it, "done"))
gen = (x * x for x in range(5))
print(next(gen), next(gen), list(gen))
words = iter("alpha beta gamma".split())
first = next(words)
print(first, [w.upper() for w in words])
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
def counter():
    n = 0
    while True:
        n += 1
        yield n
c = counter()
print(next(c), next(c), next(c))
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
