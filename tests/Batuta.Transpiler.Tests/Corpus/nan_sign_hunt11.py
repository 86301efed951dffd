import math
import struct
import json


def f(x=math.nan, y=float("nan")):
    return struct.pack(">d", x).hex(), struct.pack(">d", y).hex()


print(f(), f(-math.nan))
for v in [float("nan"), -float("nan"), float("-nan"), float("+nan"), math.nan, float.fromhex("nan"), float.fromhex("-nan"), json.loads("NaN"), float("inf") - float("inf")]:
    print(struct.pack(">d", v).hex(), math.copysign(1.0, v), v)
xs = [1.0, float("nan"), 3.0]
print(max(xs), min(xs), sorted([float("nan"), 1.0]), xs.count(xs[1]))
