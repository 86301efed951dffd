def knapsack(items: list[tuple[int, int]], capacity: int) -> int:
    dp = [0] * (capacity + 1)
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            dp[c] = max(dp[c], dp[c - weight] + value)
    return dp[capacity]


def lcs(a: str, b: str) -> int:
    m, n = len(a), len(b)
    table = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table[m][n]


print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7), knapsack([(10, 60), (20, 100), (30, 120)], 50))
print(lcs("ABCBDAB", "BDCABA"), lcs("kitten", "sitting"))
