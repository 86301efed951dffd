COUNTER = 0
NAMES: list[str] = []
CONFIG = {"debug": False, "level": 3}


def register(name: str) -> int:
    global COUNTER
    COUNTER += 1
    NAMES.append(name)
    return COUNTER


for n in ["a", "b", "c"]:
    register(n)
print(COUNTER, NAMES, CONFIG["level"])
CONFIG["debug"] = True
print(CONFIG)
