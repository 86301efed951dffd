def find(xs: list[int], target: int) -> str:
    for i, x in enumerate(xs):
        if x == target:
            print("found at", i)
            break
    else:
        return "missing"
    return "found"


print(find([1, 2, 3], 2), find([1, 2, 3], 7))
n = 10
while n > 0:
    n -= 3
    if n == 4:
        break
else:
    print("loop ended normally")
print("n =", n)
i = 0
while i < 3:
    i += 1
else:
    print("while-else ran", i)
for x in range(3):
    if x == 1:
        continue
    print("x", x)
