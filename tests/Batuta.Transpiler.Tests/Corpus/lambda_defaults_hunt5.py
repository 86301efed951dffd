"""Lambda defaults are evaluated once, where the lambda is made: the f=f idiom in loops, None and container defaults."""
k = 1
h = lambda x=k: x
k = 2
print(h(), h())
handlers = []
for name in ["a", "b", "c"]:
    handlers.append(lambda prefix=name: prefix * 2)
print([f() for f in handlers])
ops = {}
for op, f in [("neg", lambda v: -v), ("sq", lambda v: v * v)]:
    ops[op] = lambda v, f=f: f(v) + 1
print(ops["neg"](3), ops["sq"](3))
acc = lambda item, bucket=[]: bucket.append(item) or len(bucket)
print(acc(1), acc(2), acc(3))
maybe = lambda x=None: "none" if x is None else x
print(maybe())
