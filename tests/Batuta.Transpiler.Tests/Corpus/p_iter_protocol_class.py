class Range2:
    def __init__(self, start: int, stop: int):
        self.start = start
        self.stop = stop

    def __iter__(self):
        i = self.start
        while i < self.stop:
            yield i
            i += 2

    def __len__(self) -> int:
        return max(0, (self.stop - self.start + 1) // 2)

    def __contains__(self, x: int) -> bool:
        return self.start <= x < self.stop and (x - self.start) % 2 == 0


r = Range2(3, 12)
print(list(r), len(r), 5 in r, 6 in r, sum(r), [x * 10 for x in r])
