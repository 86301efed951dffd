"""Dispatch by name: getattr(self, "visit_" + kind, None) as a bound method, hasattr and callable on it."""
class Visitor:
    def visit_num(self, n):
        return f"num {n}"
    def visit_str(self, s):
        return f"str {s!r}"
    def generic(self, x):
        return f"other {x}"
    def visit(self, x):
        handler = getattr(self, "visit_" + type(x).__name__, None)
        if handler is None:
            handler = self.generic
        return handler(x)

v = Visitor()
for x in [1, "a", 2.5]:
    name = {"int": "num"}.get(type(x).__name__, type(x).__name__)
    h = getattr(v, "visit_" + name, None)
    print(h(x) if h else v.generic(x), hasattr(v, "visit_" + name), callable(h))
