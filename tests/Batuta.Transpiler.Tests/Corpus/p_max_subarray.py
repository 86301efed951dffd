def max_subarray(xs: list[int]) -> tuple[int, int, int]:
    best = xs[0]
    cur = 0
    start = best_start = best_end = 0
    for i, x in enumerate(xs):
        if cur <= 0:
            cur = x
            start = i
        else:
            cur += x
        if cur > best:
            best = cur
            best_start, best_end = start, i
    return best, best_start, best_end


print(max_subarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]))
print(max_subarray([-3, -1, -2]))
