"""A base method that only raises, overridden by generators (one C# signature for the family)."""


class Source:
    def __init__(self, text: str):
        self.text = text

    def items(self):
        raise NotImplementedError(type(self).__name__)

    def count(self) -> int:
        n = 0
        for _ in self.items():
            n += 1
        return n

    def describe(self) -> str:
        return f"{type(self).__name__}: " + ", ".join(self.items())


class Words(Source):
    def items(self):
        for w in self.text.split():
            yield w.lower()


class Letters(Source):
    def items(self):
        seen = set()
        for ch in self.text:
            if ch.isalpha() and ch not in seen:
                seen.add(ch)
                yield ch


class Lines(Words):
    def items(self):
        yield from self.text.splitlines()


for src in [Words("The quick Brown fox"), Letters("banana split"), Lines("one\ntwo\nthree")]:
    print(src.describe(), src.count())
try:
    Source("x").describe()
except NotImplementedError as e:
    print("not implemented:", e)
