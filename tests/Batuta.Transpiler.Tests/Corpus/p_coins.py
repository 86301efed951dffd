def coin_change(coins: list[int], amount: int) -> int:
    INF = amount + 1
    dp = [0] + [INF] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]:
                dp[a] = dp[a - c] + 1
    return dp[amount] if dp[amount] != INF else -1


def ways(coins: list[int], amount: int) -> int:
    dp = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            dp[a] += dp[a - c]
    return dp[amount]


print(coin_change([1, 2, 5], 11), coin_change([2], 3), ways([1, 2, 5], 5), ways([2, 5, 3, 6], 10), ways([1, 5, 10, 25, 50], 300))
