def pascal(n: int) -> list[list[int]]:
    rows = [[1]]
    for _ in range(n - 1):
        prev = rows[-1]
        rows.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
    return rows


for row in pascal(8):
    print(" ".join(str(x) for x in row).center(40))
print(pascal(40)[-1][20])
