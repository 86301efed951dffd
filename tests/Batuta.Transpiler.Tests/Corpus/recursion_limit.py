"""Python's recursion limit: RecursionError caught and uncaught, setrecursionlimit, deep exceptions caught many times."""
import sys


class ParseError(Exception):
    pass


def parse(tokens, i, depth):
    # fails deep down, 50 frames below the handler, every time
    if depth == 50:
        raise ParseError(f"bad token at {i}")
    return parse(tokens, i + 1, depth + 1)


def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)


def ping(n):
    return "done" if n == 0 else pong(n - 1)


def pong(n):
    return ping(n - 1) if n > 0 else "done"


def forever(n):
    return forever(n + 1)


failures = 0
for attempt in range(100):
    try:
        parse([], 0, 0)
    except ParseError:
        failures += 1
print("caught", failures, "parse errors")
print(count_down(900), ping(900))
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    count_down(5000)
except RecursionError:
    print("5000 is too deep under the default limit of", sys.getrecursionlimit())
sys.setrecursionlimit(20000)
print(count_down(15000))
sys.setrecursionlimit(1000)
forever(0)
