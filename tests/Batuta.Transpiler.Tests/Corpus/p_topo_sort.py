deps = {
    "app": ["lib", "utils"],
    "lib": ["core"],
    "utils": ["core"],
    "core": [],
    "tests": ["app"],
}


def topo(graph: dict[str, list[str]]) -> list[str]:
    visited: set[str] = set()
    order: list[str] = []

    def visit(n: str) -> None:
        if n in visited:
            return
        visited.add(n)
        for d in graph[n]:
            visit(d)
        order.append(n)

    for node in sorted(graph):
        visit(node)
    return order


print(topo(deps))
