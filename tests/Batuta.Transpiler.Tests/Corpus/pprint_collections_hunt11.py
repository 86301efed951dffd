import pprint
from collections import OrderedDict, Counter, deque, defaultdict, ChainMap
from dataclasses import dataclass, field


@dataclass
class Config:
    name: str
    ports: list = field(default_factory=list)
    options: dict = field(default_factory=dict)


words = "the quick brown fox jumps over the lazy dog the end of the story is near".split()
od = OrderedDict((w, len(w)) for w in words)
pprint.pprint(od)
pprint.pprint(OrderedDict())
pprint.pprint(Counter(words))
pprint.pprint(Counter())
pprint.pprint(deque(range(40)))
pprint.pprint(deque(range(40), maxlen=50))
pprint.pprint(deque())
dd = defaultdict(list)
for w in words:
    dd[w[0]].append(w)
pprint.pprint(dd)
pprint.pprint(Config("server", list(range(30)), {"alpha": 1, "beta": [1, 2, 3] * 8}))
pprint.pprint(Config("small"))
pprint.pprint([od, Counter("aab")], width=40)
print(pprint.pformat(deque("abc")), pprint.pformat(Counter("ab")), pprint.pformat(OrderedDict(a=1)))
