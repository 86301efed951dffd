# Element swaps and rotations of one list inside loops (the hoisted-span permutation lowering), and in-place
# updates of elements (counts[i] += 1): negative indices, a repeated index, three-way rotations, literal indices,
# and reads past the end.


def reverse_in_place(xs: list[int]) -> None:
    i = 0
    j = len(xs) - 1
    while i < j:
        xs[i], xs[j] = xs[j], xs[i]
        i += 1
        j -= 1


def flip_from_end(xs: list[float], k: int) -> None:
    for t in range(1, k + 1):
        xs[-t], xs[t - 1] = xs[t - 1], xs[-t]


def rotate3(words: list[str], n: int) -> None:
    for _ in range(n):
        words[0], words[1], words[-1] = words[1], words[-1], words[0]


def same_slot(xs: list[int]) -> int:
    total = 0
    for i in range(len(xs)):
        xs[i], xs[i] = xs[i], xs[i] + 1
        total += xs[i]
    return total


def sift_down(heap: list[int], start: int) -> None:
    n = len(heap)
    i = start
    while True:
        child = 2 * i + 1
        if child >= n:
            return
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[i] <= heap[child]:
            return
        heap[i], heap[child] = heap[child], heap[i]
        i = child


def swap_past_end(xs: list[int], far: int) -> str:
    done = 0
    for i in range(3):
        try:
            xs[i], xs[far] = xs[far], xs[i]
            done += 1
        except IndexError as e:
            return f"{done} swaps, then {e}: {xs}"
    return f"{done} swaps: {xs}"


def mixed(xs: list[int]) -> list[int]:
    for i in range(1, len(xs)):
        xs[i - 1], xs[i] = xs[i], xs[0]
    return xs


def histogram(data: list[int], bins: int) -> list[int]:
    counts = [0] * bins
    for d in data:
        counts[d] += 1
        counts[-1] -= 1
        counts[d - 1] *= 2
    return counts


def scale(xs: list[float]) -> list[float]:
    for i in range(len(xs)):
        xs[i] *= 1.5
        xs[-1 - i] += 0.25
        xs[i] //= 0.5
    return xs


def bump_past_end(xs: list[int], at: int) -> str:
    try:
        for i in range(3):
            xs[at] += i + 1
            xs[at] <<= 2
    except IndexError as e:
        return f"IndexError: {e}: {xs}"
    return f"{xs}"


a = list(range(9))
reverse_in_place(a)
print(a)
f = [0.5 * v for v in range(7)]
flip_from_end(f, 3)
print(f)
w = ["alpha", "beta", "gamma", "delta"]
rotate3(w, 5)
print(w)
s = [3, 1, 4, 1, 5]
print(same_slot(s), s)
h = [9, 4, 7, 1, 8, 2, 6]
for st in range(len(h) // 2 - 1, -1, -1):
    sift_down(h, st)
print(h)
print(swap_past_end([1, 2, 3, 4], -2))
print(swap_past_end([1, 2, 3, 4], 2))
print(swap_past_end([1, 2, 3, 4], 7))
print(swap_past_end([1, 2, 3, 4], -5))
print(mixed([5, 6, 7, 8]))
print(histogram([1, 2, 2, 3, 0, 4, 1, -2], 5))
print(scale([1.0, 2.5, -3.0, 4.25]))
print(bump_past_end([1, 2, 3], 1), bump_past_end([1, 2, 3], -3), bump_past_end([1, 2, 3], 3), bump_past_end([1, 2, 3], -4))
big = 2 ** 70
try:
    for i in range(2):
        a[i], a[big] = a[big], a[i]
except IndexError as e:
    print("IndexError:", e)
