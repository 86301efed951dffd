# lambdas with *args, **kwargs and keyword-only parameters; match with **rest; a list aliased under two names
def apply(f, *xs, **kw):
    return f(*xs, **kw)


log = lambda *args, sep=" ", **kw: sep.join(str(a) for a in args) + str(sorted(kw.items()))
print(log(1, 2, 3))
print(log("a", "b", sep="-", level=2))
print(apply(lambda *a: max(a), 4, 9, 2))
k = lambda **kw: kw
print(k(a=1, b="x"))
callbacks = [lambda *a, i=i: (i, a) for i in range(3)]
print([f(9) for f in callbacks])
g = lambda a, *rest: (a, rest)
print(g(1, 2, 3), g("solo"))
try:
    (lambda a, *r: a)()
except TypeError as e:
    print(e)


def command(d):
    match d:
        case {"op": "add", **rest} if len(rest) > 1:
            return f"add {rest}"
        case {"op": op, **rest}:
            return f"{op} {rest} {len(rest)}"
        case _:
            return "other"


print(command({"op": "add", "x": 1, "y": 2}))
print(command({"op": "add", "x": 1}))
print(command({"op": "sub"}))
print(command({"z": 1}))
cfg: dict[str, int] = {"a": 1, "b": 2, "c": 3}
match cfg:
    case {"a": 1, **others}:
        print(sorted(others.values()), sum(others.values()))

xs = [1, 2, 3]
ys = xs
ys.append(2.5)
print(xs, ys, xs is ys)
