print("registry loading")
ITEMS: list[str] = []


def register(name: str) -> None:
    ITEMS.append(name)


def count() -> int:
    return len(ITEMS)
