"""Generators closed early: bare except / BaseException handlers see GeneratorExit, finally blocks that yield."""


def read_records(lines):
    """Legacy reader: logs whatever stops it, then re-raises."""
    count = 0
    try:
        for line in lines:
            count += 1
            yield line.strip().upper()
    except:
        print("reader interrupted after %d records" % count)
        raise


def numbered(items):
    try:
        for i, item in enumerate(items):
            yield "%d:%s" % (i, item)
    except BaseException as exc:
        print("numbered stopped by", type(exc).__name__)
        raise


def guarded(values):
    try:
        for v in values:
            yield v * 2
    except Exception:
        print("never: GeneratorExit is not an Exception")
    finally:
        print("guarded cleanup")


def with_trailer(rows):
    try:
        for r in rows:
            yield r
    finally:
        print("writing trailer")
        yield "-- end of %d rows --" % len(rows)


def failing_with_trailer():
    try:
        yield "first"
        raise ValueError("bad row")
    finally:
        yield "trailer despite error"


def stubborn():
    try:
        yield "only"
    finally:
        yield "ignored exit"


def early_return(limit):
    for i in range(10):
        try:
            yield i
            if i == limit:
                raise KeyError(i)
        finally:
            if i == limit:
                yield "stopped at %d" % i
                return


def nested_blocks():
    try:
        try:
            yield "a"
            raise TypeError("inner")
        except TypeError as e:
            yield "handled " + str(e)
        finally:
            yield "inner finally"
    finally:
        print("outer finally")


def main():
    data = ["alpha\n", "beta\n", "gamma\n", "delta\n"]
    reader = read_records(data)
    print(next(reader), next(reader))
    reader.close()
    print("closed reader; closing again gives", reader.close())
    try:
        next(reader)
    except StopIteration:
        print("reader exhausted")

    gen = numbered(["x", "y", "z"])
    for item in gen:
        print(item)
        if item.startswith("1"):
            break
    gen.close()

    g = guarded([1, 2, 3])
    print(next(g))
    g.close()
    print("guarded closed")

    print(list(with_trailer(["r1", "r2"])))
    try:
        for piece in failing_with_trailer():
            print("piece:", piece)
    except ValueError as e:
        print("ValueError:", e)

    s = stubborn()
    print(next(s))
    try:
        s.close()
    except RuntimeError as e:
        print("RuntimeError:", e)

    print(list(early_return(2)))
    print(list(nested_blocks()))

    unstarted = read_records(data)
    unstarted.close()
    print("unstarted generator closed quietly")

    handle = open("generator_close_hunt13.tmp", "w")
    handle.write("done\n")
    handle.close()
    import os
    os.remove("generator_close_hunt13.tmp")


if __name__ == "__main__":
    main()
