import heapq

GRAPH = {
    "A": [("B", 7), ("C", 9), ("F", 14)],
    "B": [("A", 7), ("C", 10), ("D", 15)],
    "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
    "D": [("B", 15), ("C", 11), ("E", 6)],
    "E": [("D", 6), ("F", 9)],
    "F": [("A", 14), ("C", 2), ("E", 9)],
}


def dijkstra(src: str) -> dict[str, int]:
    dist = {src: 0}
    heap = [(0, src)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, 10 ** 9):
            continue
        for nxt, w in GRAPH[node]:
            nd = d + w
            if nd < dist.get(nxt, 10 ** 9):
                dist[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    return dist


result = dijkstra("A")
for k in sorted(result):
    print(k, result[k])
