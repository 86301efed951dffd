"""Positional class patterns through __match_args__ on plain classes (and an inheriting subclass)."""


class Event:
    __match_args__ = ("kind", "data")

    def __init__(self, kind, data):
        self.kind = kind
        self.data = data


class Click(Event):
    def __init__(self, x, y):
        super().__init__("click", (x, y))


def describe(ev):
    match ev:
        case Event("leave", who):
            return f"{who} left"
        case Click("click", (x, y)) if x == y:
            return f"diagonal click at {x}"
        case Event("click", (x, y)):
            return f"click at {x},{y}"
        case Event(kind, _):
            return f"other: {kind}"
    return "not an event"


for e in [Event("leave", "ann"), Click(2, 2), Click(1, 5), Event("key", "q"), 42]:
    print(describe(e))
