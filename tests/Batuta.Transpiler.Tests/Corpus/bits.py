def popcount(n: int) -> int:
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c


print([popcount(i) for i in range(17)], popcount(2 ** 100 - 1))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2)
print(bin(42), hex(3735928559), oct(8), int("1010", 2), (255).bit_length(), (-1).bit_length())
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, [b for b in range(8) if flags & (1 << b)])
