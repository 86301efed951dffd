"""Generators that return values: StopIteration.value (once, as CPython), x = yield from g()."""
def worker(n):
    total = 0
    for i in range(n):
        yield i
        total += i
    return total


def pipeline():
    a = yield from worker(3)
    b = yield from worker(4)
    yield f"sum {a} + {b}"
    return a + b


g = worker(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as stop:
    print("result:", stop.value)
print(list(pipeline()))
p = pipeline()
for x in p:
    pass
try:
    next(p)
except StopIteration as stop:
    print("after exhaustion:", stop.value)


def plain():
    yield 1
    return


q = plain()
next(q)
try:
    next(q)
except StopIteration as stop:
    print("plain:", stop.value)


def outer():
    def inner(label):
        yield label
        return label.upper()

    first = yield from inner("a")
    second = yield from inner("b")
    yield first + second


def parse(items):
    total = 0
    try:
        for x in items:
            total += int(x)
            yield total
    except ValueError:
        return -1
    return total


print(list(outer()))
for items in (["1", "2"], ["1", "x"]):
    p = parse(items)
    try:
        while True:
            print("got", next(p))
    except StopIteration as e:
        print("returned", e.value)
