"""json.dump/json.load through files, dumps with separators= and default=, and its errors."""
import json
from datetime import date


class Money:
    def __init__(self, cents):
        self.cents = cents


def encode(o):
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, Money):
        return {"cents": o.cents}
    raise TypeError(f"cannot encode {type(o).__name__}")


print(json.dumps([1, 2, {"a": None}], separators=(",", ":")))
print(json.dumps({"k": [1, 2]}, indent=2, separators=(", ", " = ")))
print(json.dumps({"when": date(2020, 1, 31), "cost": Money(250)}, default=encode, sort_keys=True))
with open("out.json", "w") as f:
    json.dump({"a": 1, "b": [True, 2.5]}, f, indent=2)
with open("out.json") as f:
    back = json.load(f)
print(back, back["b"][1] * 2)
with open("out.json") as f:
    print(f.read())
try:
    json.dumps({"x": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps([encode], default=encode)
except TypeError as e:
    print("TypeError:", e)
