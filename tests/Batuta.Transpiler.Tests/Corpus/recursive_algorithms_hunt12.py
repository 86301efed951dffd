"""Classic recursive algorithms the way old scripts write them."""
import sys
sys.setrecursionlimit(5000)

memo = {}


def fib(n):
    if n in memo:
        return memo[n]
    if n < 2:
        result = n
    else:
        result = fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quicksort([x for x in xs if x > pivot])


def flood(grid, r, c, seen):
    if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]):
        return 0
    if grid[r][c] == "#" or (r, c) in seen:
        return 0
    seen.add((r, c))
    return 1 + flood(grid, r + 1, c, seen) + flood(grid, r - 1, c, seen) + flood(grid, r, c + 1, seen) + flood(grid, r, c - 1, seen)


def permutations(items):
    if not items:
        yield []
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def power_set(s, i=0, cur=None, out=None):
    if cur is None:
        cur, out = [], []
    if i == len(s):
        out.append(tuple(cur))
        return out
    power_set(s, i + 1, cur, out)
    cur.append(s[i])
    power_set(s, i + 1, cur, out)
    cur.pop()
    return out


def depth_of(obj):
    if isinstance(obj, dict):
        return 1 + max((depth_of(v) for v in obj.values()), default=0)
    if isinstance(obj, list):
        return 1 + max([depth_of(v) for v in obj] or [0])
    return 0


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(fib(90), len(memo))
moves = []
hanoi(10, "A", "C", "B", moves)
print(len(moves), moves[:3], moves[-1])
print(quicksort([5, 3, 9, 1, 5, 7, 2, 8, 0, 3]))
grid = ["....#", ".##.#", "...#.", "#...."]
print(flood(grid, 0, 0, set()))
print(list(permutations([1, 2, 3])))
print(ackermann(2, 3), ackermann(3, 3))
print(power_set("abc"))
print(depth_of({"a": [1, {"b": [2, [3]]}], "c": 4}))
print(gcd(1071, 462), gcd(2 ** 64, 2 ** 40 * 3))
print(fib(3000) % 1000000007)


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(4900))
try:
    print(deep(6000))
except RecursionError as e:
    print("too deep:", e)
