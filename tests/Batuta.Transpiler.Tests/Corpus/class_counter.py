class Counter:
    instances = 0

    def __init__(self, start: int = 0):
        Counter.instances += 1
        self.value = start

    def increment(self, by: int = 1) -> "Counter":
        self.value += by
        return self

    @classmethod
    def from_string(cls, s: str) -> "Counter":
        return cls(int(s))

    def __repr__(self) -> str:
        return f"Counter({self.value})"


c = Counter().increment().increment(5)
d = Counter.from_string("41").increment()
print(c, d, Counter.instances)
