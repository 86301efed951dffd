class LRU:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.data: dict[str, int] = {}

    def get(self, key: str) -> int:
        if key not in self.data:
            return -1
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key: str, value: int) -> None:
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data)) if False else list(self.data)[0]
            del self.data[oldest]
        self.data[key] = value


cache = LRU(2)
cache.put("a", 1)
cache.put("b", 2)
print(cache.get("a"))
cache.put("c", 3)
print(cache.get("b"), cache.get("c"), list(cache.data))
