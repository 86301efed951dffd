def digit_sum(n: int) -> int:
    return sum(int(d) for d in str(abs(n)))


def digital_root(n: int) -> int:
    while n >= 10:
        n = digit_sum(n)
    return n


print([digit_sum(n) for n in [0, 9, 123, -456, 2 ** 100]])
print([digital_root(n) for n in [0, 16, 942, 132189, 493193]])
print(sum(digit_sum(i) for i in range(1000)))
