def bubble(xs: list[int]) -> list[int]:
    a = xs[:]
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a


def insertion(xs: list[int]) -> list[int]:
    a = list(xs)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


data = [64, 34, 25, 12, 22, 11, 90, -5, 0]
print(bubble(data), insertion(data), data)
