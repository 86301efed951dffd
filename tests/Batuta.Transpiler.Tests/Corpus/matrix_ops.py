def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n, m, p = len(a), len(b), len(b[0])
    out = [[0.0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0.0
            for k in range(m):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out


def transpose(a: list[list[float]]) -> list[list[float]]:
    return [list(row) for row in zip(*a)] if False else [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def identity(n: int) -> list[list[float]]:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


a = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
b = [[7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]
print(matmul(a, b))
print(transpose(a))
print(matmul(identity(2), [[2.5, 1.0], [0.0, -1.0]]))
