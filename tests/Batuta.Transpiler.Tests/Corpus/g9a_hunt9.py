# Ninth hunt, generator objects: x = yield v with send() (priming with next() or send(None)), a coroutine-style
# running average and a yield-driven state machine, send() to a just-started generator, throw() caught at the
# paused yield and escaping it, close() running an except GeneratorExit handler, return v as StopIteration.value,
# yield from forwarding send() to the subgenerator and giving back its return value, and generator objects reached
# dynamically (a nested generator function returned by a call) driven by next()/send() and then a for loop.
from typing import Generator


def averager() -> Generator[float, float, None]:
    total = 0.0
    count = 0
    average = 0.0
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count


def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total


def running_average():
    avg = averager()
    next(avg)
    for v in [10, 20, 30, 5]:
        print("avg", avg.send(v))
    avg.close()
    try:
        avg.send(1)
    except StopIteration:
        print("closed")
    acc = accumulate()
    print(next(acc), acc.send(5), acc.send(3))
    try:
        acc.send(None)
    except StopIteration as e:
        print("done", e.value)


def parser():
    state = "idle"
    out = []
    while True:
        tok = yield state
        if tok == "start":
            state = "running"
        elif tok == "stop":
            state = "stopped"
            out.append(tok)
        elif tok is None:
            return out
        else:
            out.append(tok.upper())


def state_machine():
    p = parser()
    print(p.send(None))
    for t in ["start", "a", "b", "stop"]:
        print(t, "->", p.send(t))
    try:
        p.send(None)
    except StopIteration as e:
        print("result", e.value)


def echo():
    while True:
        print("recv", (yield))


def grep(pattern):
    print("looking for", pattern)
    try:
        while True:
            line = (yield)
            if pattern in line:
                print("found:", line)
    except GeneratorExit:
        print("grep closing")


def tally():
    total: int = 0
    while True:
        total += yield total


def consumers():
    e = echo()
    e.send(None)
    e.send(1)
    e.send([1, 2])
    try:
        echo().send(5)
    except TypeError as ex:
        print("TypeError", ex)
    g = grep("py")
    next(g)
    g.send("hello")
    g.send("python rocks")
    g.close()
    t = tally()
    next(t)
    print(t.send(4), t.send(6), t.send(0))


def worker():
    handled = 0
    while True:
        try:
            job = yield handled
            print("job", job)
            handled += 1
        except ValueError as e:
            print("caught", e)
            handled = -1


def throwing():
    w = worker()
    print(next(w))
    print(w.send("a"))
    print(w.throw(ValueError("bad")))
    print(w.send("b"))
    try:
        w.throw(KeyError("k"))
    except KeyError as e:
        print("escaped", repr(e))
    try:
        next(w)
    except StopIteration:
        print("finished")


def inner():
    got = []
    while len(got) < 2:
        x = yield len(got)
        got.append(x)
    return got


def outer():
    r = yield from inner()
    print("inner returned", r)
    y = yield "last"
    return ("outer", y)


def delegation():
    o = outer()
    print(next(o))
    print(o.send("p"))
    print(o.send("q"))
    try:
        o.send("z")
    except StopIteration as st:
        print("stop", st.value)


class Counter:
    def __init__(self):
        self.gen = self.run()
        next(self.gen)

    def run(self):
        n = 0
        while True:
            step = yield n
            n += step if step is not None else 1

    def bump(self, k):
        return self.gen.send(k)


def doubler():
    x = 0
    while True:
        x = yield x * 2


def drive(gen, items):
    res = []
    next(gen)
    for it in items:
        res.append(gen.send(it))
    return res


def methods_and_arguments():
    c = Counter()
    print(c.bump(5), c.bump(2), next(c.gen))
    print(drive(doubler(), [1, 2, 3]))


def make_stepper():
    def stepper(start):
        cur = start
        while True:
            step: int = yield cur
            cur = cur + step
    return stepper


def countdown():
    n = 3
    while n > 0:
        got = yield n
        n -= 1 if got is None else got
    return "liftoff"


def dynamic_objects():
    g = make_stepper()(10)
    print(next(g), g.send(5), g.send(-3), type(g).__name__)
    k = [countdown][0]()
    print(next(k))
    for v in k:
        print("loop", v)


running_average()
state_machine()
consumers()
throwing()
delegation()
methods_and_arguments()
dynamic_objects()
