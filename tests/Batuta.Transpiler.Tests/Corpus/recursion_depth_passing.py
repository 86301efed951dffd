"""Recursion depth counting for functions that pass their depth to their own calls."""
import sys

reached = 0


def dive(n):
    global reached
    reached = n
    dive(n + 1)


def walk(n, step=1):
    global reached
    reached = n
    if n % 3 == 0:
        return hop(n + step)
    return walk(n + step, step)


def hop(n):
    return walk(n)


def total(node):
    if node is None:
        return 0
    return node[0] + total(node[1]) + sum(total(c) for c in node[2:])


def count(n, acc=0):
    if n == 0:
        return acc
    return count(n - 1, acc + len([k for k in range(2)]))


def limited(n):
    try:
        return dive(n)
    except RecursionError:
        return 7 if reached > 900 else 0


def nested_call(n):
    if n == 0:
        return 0
    return max(nested_call(n - 1), limited(n)) if n == 5 else nested_call(n - 1) + 1


for f, arg in [(dive, 1), (walk, 1)]:
    reached = 0
    try:
        f(arg)
    except RecursionError as e:
        print(f.__name__, "RecursionError", e, reached)
tree = (1, None)
for i in range(50):
    tree = (i, tree, (i, None))
print(total(tree))
print(count(500))
try:
    count(2000)
except RecursionError:
    print("count 2000 too deep")
sys.setrecursionlimit(3000)
print(count(2000))
sys.setrecursionlimit(1000)
print(nested_call(10))
print(limited(0))
