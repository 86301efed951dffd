"""Ints stored into containers that started with floats keep printing as ints (Dijkstra distances, DP tables)."""
import heapq

INF = float("inf")


def dijkstra(graph, src):
    dist = {node: INF for node in graph}
    dist[src] = 0
    heap = [(0, src)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


graph = {"a": [("b", 4), ("c", 1)], "b": [("d", 1)], "c": [("b", 2), ("d", 5)], "d": [], "e": []}
print(dijkstra(graph, "a"))


def min_coins(coins, amount):
    dp = [INF] * (amount + 1)
    dp[0] = 0
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]:
                dp[a] = dp[a - c] + 1
    return dp[amount] if dp[amount] != INF else -1


print(min_coins([1, 3, 4], 6), min_coins([5], 3))
scores = [0.5, 1.5]
scores[0] = 2
print(scores, sum(scores), max(scores))
