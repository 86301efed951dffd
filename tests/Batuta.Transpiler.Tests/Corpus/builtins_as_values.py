"""Builtins through their type or as values: float.is_integer(x), str.upper(s), sorted passed to a function with keywords, the __name__ of plain function values and lambdas."""
def apply(f, *a, **k):
    return f(*a, **k)
print(apply(sorted, [3, 1, 2], reverse=True), apply(sorted, ["bb", "a"], key=len))
print(float.is_integer(3.0), float.is_integer(2.5), str.upper("ab"), int.bit_length(255))
def make_tree():
    pass
f = make_tree
g = lambda: 0
print(f.__name__, g.__name__)
