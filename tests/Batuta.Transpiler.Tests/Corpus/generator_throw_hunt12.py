"""Job runner: workers are generators that receive errors through throw() and shut down with close()."""


class RetryableError(Exception):
    pass


class FatalError(Exception):
    pass


def worker(name):
    handled = 0
    while True:
        try:
            yield "%s ready (%d handled)" % (name, handled)
        except RetryableError as e:
            handled += 1
            print("  %s retrying after: %s" % (name, e))
        except ValueError as e:
            handled += 1
            print("  %s bad value: %s" % (name, e))


def ticker(limit):
    n = 0
    try:
        while n < limit:
            n += 1
            yield n
    finally:
        print("  ticker cleaned up at", n)


def single_shot():
    try:
        yield "armed"
    except FatalError as e:
        print("  single_shot caught", e)
        return "disarmed"
    yield "never"


def service():
    try:
        print("  service starting")
        yield "up"
        yield "still up"
    except GeneratorExit:
        print("  service got GeneratorExit")
        raise
    finally:
        print("  service finally")


def averager():
    total, count = 0.0, 0
    while True:
        try:
            value = yield (total / count if count else None)
        except ZeroDivisionError:
            print("  averager reset")
            total, count = 0.0, 0
            continue
        total += value
        count += 1


print("== worker loop")
w = worker("w1")
print(next(w))
print(w.throw(RetryableError("timeout")))
print(w.throw(ValueError("negative size")))
print(w.throw(RetryableError, "connection refused"))
print(next(w))
w.close()
print("closed worker; next ->", next(w, "exhausted"))

print("== uncaught throw")
t = ticker(10)
print(next(t), next(t))
try:
    t.throw(KeyError("missing"))
except KeyError as e:
    print("propagated KeyError", e)
print("after throw:", list(t))

print("== throw into a fresh generator")
fresh = worker("w2")
try:
    fresh.throw(RetryableError("too early"))
except RetryableError as e:
    print("fresh generator raised", e)
print("fresh is finished:", next(fresh, "done"))

print("== handler returns")
s = single_shot()
print(next(s))
try:
    s.throw(FatalError("abort"))
except StopIteration as e:
    print("StopIteration value:", e.value)

print("== close runs handlers")
svc = service()
print(next(svc))
svc.close()
svc.close()
unstarted = service()
unstarted.close()
print("unstarted closed quietly")

print("== send and throw together")
avg = averager()
next(avg)
for v in [10, 20, 30]:
    print("avg", avg.send(v))
print("after reset:", avg.throw(ZeroDivisionError))
for v in [4, 8]:
    print("avg", avg.send(v))

print("== throw into a generator expression")
squares = (i * i for i in range(5))
print(next(squares))
try:
    squares.throw(IndexError("stop squares"))
except IndexError as e:
    print("genexpr raised", e)
print(list(squares))

print("== workers kept in containers")
pool = {"east": worker("east"), "west": worker("west")}
for region in sorted(pool):
    print(next(pool[region]))
for region in sorted(pool):
    print(pool[region].throw(RetryableError("lost lease in " + region)))
tickers = [ticker(3), ticker(5)]
print(next(tickers[1]))
try:
    tickers[1].throw(FatalError("shutdown"))
except FatalError as e:
    print("ticker in a list raised", e)
