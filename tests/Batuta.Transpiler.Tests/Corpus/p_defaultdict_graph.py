from collections import defaultdict

edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")]
graph = defaultdict(list)
for u, v in edges:
    graph[u].append(v)
    graph[v].append(u)


def dfs(start: str) -> list[str]:
    seen: set[str] = set()
    order: list[str] = []
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        for nxt in sorted(graph[node], reverse=True):
            if nxt not in seen:
                stack.append(nxt)
    return order


print(dfs("a"), dict(graph)["d"], len(graph))
