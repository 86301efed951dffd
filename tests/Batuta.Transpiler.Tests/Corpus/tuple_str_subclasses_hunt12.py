"""Legacy value types built on tuple and str: points, versions, normalised names and paths."""
import json


class Point(tuple):
    """An immutable 2D point that is also a plain tuple."""

    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return "Point(%r, %r)" % (self[0], self[1])

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def dist2(self, other):
        return (self.x - other[0]) ** 2 + (self.y - other[1]) ** 2


class Version(tuple):
    def __new__(cls, text):
        parts = [int(p) for p in text.split(".")]
        return tuple.__new__(cls, parts)

    def __str__(self):
        return ".".join(str(p) for p in self)


class Vec(tuple):
    def __new__(cls, *coords):
        return super().__new__(cls, coords)

    @classmethod
    def zero(cls, n):
        return cls(*([0] * n))

    def __add__(self, other):
        return type(self)(*[a + b for a, b in zip(self, other)])

    def norm1(self):
        return sum(abs(c) for c in self)


class Vec2(Vec):
    @property
    def x(self):
        return self[0]


class Color(tuple):
    def __new__(cls, r, g=0, b=0):
        return tuple.__new__(cls, (r, g, b))

    def hex(self):
        return "#%02x%02x%02x" % self


class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())

    def shout(self):
        return self + "!"

    def initials(self):
        return "".join(w[0] for w in self.split())


class Tag(str):
    def __new__(cls, name):
        return str.__new__(cls, name.strip().lower())

    def __repr__(self):
        return "Tag(%s)" % str.__repr__(self)


class Path(str):
    def parts(self):
        return self.split("/")


class AbsPath(Path):
    def is_abs(self):
        return self.startswith("/")


class Pair(tuple):
    __slots__ = ()
    kind = "pair"

    def __new__(cls, a, b):
        if a > b:
            raise ValueError("a > b: %r > %r" % (a, b))
        return super().__new__(cls, (a, b))

    def __eq__(self, other):
        return isinstance(other, Pair) and tuple(self) == tuple(other)

    def __hash__(self):
        return hash(("Pair",) + tuple(self))

    def span(self):
        return self[1] - self[0]


class Word(str):
    def __new__(cls, text, lang="en"):
        obj = super().__new__(cls, text)
        obj.lang = lang
        return obj

    def describe(self):
        return "%s [%s]" % (self, self.lang)


def describe(v: Vec) -> str:
    return "Vec of %d: %s" % (len(v), v)


def main():
    p = Point(1, 2)
    q = Point(4, 6)
    print(p, q, p.x, p.y, p[0], p[-1], p[:1], len(p))
    print(p + (3,), (0,) + p, p + q, p * 2)
    x, y = q
    print(x, y, list(p), tuple(q), sum(p), max(q), 2 in p, p.count(1), p.index(2))
    print(p == (1, 2), (1, 2) == p, p != q, p == Point(1, 2), hash(p) == hash((1, 2)))
    seen = {p: "first", q: "second"}
    print(seen[(1, 2)], seen[Point(4, 6)], (4, 6) in seen, sorted(seen.values()), seen.get((4, 6)), seen.get((9, 9), "none"))
    pts = [Point(3, 1), Point(1, 5), p, Point(1, 1)]
    print(sorted(pts), min(pts), max(pts, key=lambda t: t.y))
    print(isinstance(p, tuple), isinstance(p, Point), type(p).__name__, type(p) is tuple)
    print(p.moved(2, 2), p.dist2(q), p.dist2((0, 0)), p < q, p >= (1, 2))
    print(str(p), repr(p), f"{p}", "%s" % (p,), [p, q], {"pt": p})
    for i, c in enumerate(q):
        print("coord", i, c)

    v = Version("3.11.4")
    print(v, repr(v), v > Version("3.9.18"), v[:2], len(v), sorted([Version("1.10"), Version("1.2"), v]))
    print(json.dumps({"v": list(v), "p": p}))

    vec = Vec(1, -2, 3)
    print(vec, Vec.zero(2), vec + Vec(1, 1, 1), vec.norm1(), describe(vec))
    w = Vec2(5, 6)
    print(w, w.x, w + Vec2(1, 1), type(w + Vec2(1, 1)).__name__, isinstance(w, Vec))
    c = Color(255, 128)
    print(c, c.hex(), Color(1, 2, 3).hex(), c == (255, 128, 0), c[1:])
    makers = {"vec": Vec, "color": Color}
    print(makers["vec"](7, 8), makers["color"](1, 2, 3))
    a, b, z = vec
    print(a, b, z, *w, [*c], set([Vec(1, 1), Vec(1, 1)]))

    u = Upper("hello world")
    print(u, u.shout(), len(u), u.lower(), u.initials(), u[0], u[-5:], u.title())
    print(isinstance(u, str), isinstance(u, Upper), type(u).__name__, type(u.lower()).__name__)
    print(u == "HELLO WORLD", "HELLO WORLD" == u, u != "x", u + " and more", "say: " + u)
    print(f"[{u}] [{u:>14}] [{u!r}]", "%s|%r" % (u, u), "{}".format(u), str(u), repr(u))
    d = {u: 1, "OTHER": 2}
    print(d["HELLO WORLD"], d[Upper("hello world")], "HELLO WORLD" in d, u in {"HELLO WORLD"})
    words = [Upper("b"), Upper("a"), "C"]
    print(sorted(words), ",".join(words), u.split(), u.startswith("HELLO"), "LO" in u, u.replace("L", "_"))
    print(len(Upper("")), bool(Upper("")), bool(u), u * 2, u.count("L"), list(Upper("ab")))
    t = Tag("  Python ")
    print(t, repr(t), [t], t == "python", t.upper(), json.dumps({"tag": t}), {t: 3})
    names = {}
    for raw in ["Ann", "BOB", "ann", " bob"]:
        key = Tag(raw)
        names[key] = names.get(key, 0) + 1
    print(names, sorted(names), [str(k) for k in names])

    path = Path("usr/local/bin")
    absolute = AbsPath("/etc/hosts")
    print(path.parts(), absolute.parts(), absolute.is_abs(), AbsPath("x").is_abs(), path + "/python", len(absolute), absolute.upper())
    kinds = [Path, AbsPath]
    print([k("a/b").parts() for k in kinds], Path(), repr(Path()), Path(42), type(absolute).__name__)
    counts = {}
    for name in ["a/b", "a/b", "c"]:
        key = Path(name)
        counts[key] = counts.get(key, 0) + 1
    print(counts, {str(k): n for k, n in counts.items()}, counts["a/b"], counts.get("c"), "c" in counts, "d" in counts)

    pair = Pair(1, 4)
    print(pair, pair.span(), pair.kind, pair == Pair(1, 4), pair == (1, 4), (1, 4) == pair, len({pair, Pair(1, 4)}))
    for a, b in [(2, 3), (5, 2)]:
        try:
            print("made", Pair(a, b))
        except ValueError as e:
            print("ValueError:", e)
    word = Word("hola", "es")
    print(word, word.lang, word.describe(), len(word), Word("hi").lang, word.upper(), word == "hola")


if __name__ == "__main__":
    main()
