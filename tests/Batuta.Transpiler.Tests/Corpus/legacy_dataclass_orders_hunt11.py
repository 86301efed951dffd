from dataclasses import dataclass, field, asdict, astuple, replace, fields
from typing import List, Optional, Dict
import json
import copy
import functools


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"

    @classmethod
    def parse(cls, s):
        parts = [int(x) for x in s.split(".")]
        return cls(*parts)


@dataclass
class Package:
    name: str
    version: Version
    deps: List[str] = field(default_factory=list)
    meta: Dict[str, str] = field(default_factory=dict, repr=False)
    size: Optional[int] = None

    def __post_init__(self):
        self.name = self.name.lower()


vs = [Version.parse(s) for s in ["1.2.3", "1.10.0", "1.2", "0.9.9", "2"]]
print(sorted(vs))
print([str(v) for v in sorted(vs, reverse=True)])
print(max(vs), min(vs), Version(1, 2) < Version(1, 2, 1))
pk = Package("NumPy", Version(1, 26, 4), ["python"], {"license": "BSD"})
print(pk)
print(asdict(pk))
print(astuple(Version(3, 1)))
print(json.dumps(asdict(pk), sort_keys=True))
pk2 = replace(pk, size=100)
print(pk2.size, pk.size, pk2 == pk)
print([f.name for f in fields(Package)])
deep = copy.deepcopy(pk)
deep.deps.append("cython")
print(pk.deps, deep.deps)
shallow = copy.copy(pk)
shallow.deps.append("x")
print(pk.deps)


@functools.total_ordering
class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, text):
        self.rank = text[0]
        self.suit = text[1]

    def __eq__(self, other):
        return self.rank == other.rank

    def __lt__(self, other):
        return Card.RANKS.index(self.rank) < Card.RANKS.index(other.rank)

    def __repr__(self):
        return "Card(%s%s)" % (self.rank, self.suit)

    def __hash__(self):
        return hash(self.rank)


hand = [Card(t) for t in "AS 3D TH 3C KD".split()]
print(sorted(hand))
print(Card("KD") >= Card("QS"), Card("2H") > Card("3H"), len(set(hand)))


def compare(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)


print(sorted(["ccc", "a", "bb", "aa", "b"], key=functools.cmp_to_key(compare)))


@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n < 2 else ways(n - 1) + ways(n - 2)


print(ways(80), ways.cache_info())
