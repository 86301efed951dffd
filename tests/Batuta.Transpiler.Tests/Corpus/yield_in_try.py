def parse_all(items: list) -> object:
    for raw in items:
        try:
            value = int(raw)
            yield value * 2
            print("after", raw)
        except ValueError as e:
            print("bad:", e)
            yield -1
        else:
            print("ok", raw)
        finally:
            print("done", raw)


def first_failure(rows: list) -> object:
    try:
        for r in rows:
            if r == "stop":
                return
            yield len(r)
            if not r:
                raise KeyError(r)
    except KeyError:
        print("empty row")
        yield 0


def nested(n: int) -> object:
    try:
        for i in range(n):
            try:
                yield 10 // (i - 1)
            except ZeroDivisionError:
                print("zero at", i)
                yield 0
        raise RuntimeError("end")
    except RuntimeError as e:
        print("caught", e)
        yield 99


def reraise(xs: list) -> object:
    try:
        for x in xs:
            yield 100 // x
    except ZeroDivisionError:
        print("re-raising")
        raise


print(list(parse_all(["1", "x", "3"])))
print(list(first_failure(["ab", "", "c"])))
print(list(first_failure(["ab", "stop", "c"])))
print(list(nested(3)))
g = parse_all(["5", "y"])
print(next(g))
print("between")
print(next(g))
print(list(g))
try:
    print(list(reraise([5, 0, 2])))
except ZeroDivisionError as e:
    print("outer", e)
