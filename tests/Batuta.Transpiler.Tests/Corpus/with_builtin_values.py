"""`with` on values that are no context managers: CPython's TypeError, raised before the body runs."""
import io


def attempt(label, value):
    try:
        with value:
            print(label, "body ran")
    except TypeError as e:
        print(label, "TypeError:", e)


attempt("list", [1, 2])
attempt("dict", {"a": 1})
attempt("str", "text")
attempt("int", 5)
attempt("float", 2.5)
attempt("tuple", (1, 2))
attempt("set", {3})
attempt("none", None)

with io.StringIO("still works\n") as f:
    print(f.read().strip())


class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit")
        return False


with Managed() as m:
    print("inside", type(m).__name__)
try:
    with (1, 2) as pair:
        print(pair)
except TypeError as e:
    print("pair:", e)
