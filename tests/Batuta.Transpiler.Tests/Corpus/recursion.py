def hanoi(n: int, src: str, dst: str, via: str, moves: list) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


def permutations(items: list[int]) -> list[list[int]]:
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i + 1:]):
            result.append([items[i]] + p)
    return result


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(permutations([1, 2, 3]))
print(ackermann(2, 3), ackermann(3, 3))


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
