calls = 0
log: list[str] = []


def track(name: str) -> None:
    global calls
    calls += 1
    log.append(f"{calls}:{name}")


def work(n: int) -> int:
    track("work")
    return n * 2


total = sum(work(i) for i in range(4))
track("done")
print(total, calls, log)
