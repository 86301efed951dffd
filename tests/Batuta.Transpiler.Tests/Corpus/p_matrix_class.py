class Matrix:
    def __init__(self, rows: list[list[int]]):
        self.rows = rows

    def __mul__(self, other: "Matrix") -> "Matrix":
        n = len(self.rows)
        m = len(other.rows[0])
        k = len(other.rows)
        return Matrix([[sum(self.rows[i][t] * other.rows[t][j] for t in range(k)) for j in range(m)] for i in range(n)])

    def __eq__(self, other) -> bool:
        return isinstance(other, Matrix) and self.rows == other.rows

    def __repr__(self) -> str:
        return f"Matrix({self.rows})"


def mat_pow(m: Matrix, p: int) -> Matrix:
    result = Matrix([[1, 0], [0, 1]])
    while p:
        if p & 1:
            result = result * m
        m = m * m
        p >>= 1
    return result


fib = Matrix([[1, 1], [1, 0]])
print(mat_pow(fib, 10), mat_pow(fib, 90).rows[0][1])
print(fib * fib == Matrix([[2, 1], [1, 1]]))
