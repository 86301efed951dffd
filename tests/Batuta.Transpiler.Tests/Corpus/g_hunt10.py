from contextlib import contextmanager


# @contextmanager: an exception raised in the with block is thrown into the generator at its yield
@contextmanager
def section(title):
    print(f"<{title}>")
    try:
        yield title.upper()
    except ZeroDivisionError as e:
        print("  swallowed", e)
    finally:
        print(f"</{title}>")


@contextmanager
def reraise():
    try:
        yield
    except KeyError as e:
        raise ValueError(f"wrapped {e}") from e


@contextmanager
def stubborn():
    try:
        yield 1
    except ValueError:
        print("  stubborn caught")
    yield 2


@contextmanager
def logged(log):
    log.append("enter")
    try:
        yield log
    except (TypeError, IndexError) as e:
        log.append(f"caught {type(e).__name__}")
        raise
    else:
        log.append("clean")
    log.append("exit")


def use_section(n):
    with section(f"div{n}") as t:
        print(" ", t, 10 // n)
        return n
    return -1


def inverse(x):
    with section("inv"):
        return 1 / x


print(inverse(4), inverse(0))
with section("calc") as t:
    print(" ", t, 1 / 2)
with section("bad"):
    print(1 / 0)
print("after")
print(use_section(2), use_section(0))
try:
    with reraise():
        {}["k"]
except ValueError as e:
    print("ValueError", e, type(e.__cause__).__name__)
try:
    with section("other"):
        raise KeyError("x")
except KeyError as e:
    print("KeyError passed through", e)
try:
    with stubborn() as v:
        print("  v =", v)
        raise ValueError("v")
except RuntimeError as e:
    print("RuntimeError", e)
log = []
with logged(log):
    log.append("body")
try:
    with logged(log):
        [][1]
except IndexError as e:
    log.append(f"outside {e}")
print(log)
for n in range(3):
    with section(f"loop{n}"):
        if n == 1:
            continue
        print(" ", 5 / (n - 2) if n != 2 else "skip")


# generator.throw() into a try whose body ends in a plain yield (send() elsewhere makes it a receiving generator)
def worker():
    total = 0
    while True:
        try:
            yield total
        except ValueError as e:
            print("  worker caught", e)
            total += 100
        total += 1
        if total > 200:
            step = yield -1
            total += step or 0


w = worker()
print(next(w), next(w))
print(w.throw(ValueError("bump")))
print(next(w))
print(w.throw(ValueError("again")), next(w), w.send(7))
w.close()
