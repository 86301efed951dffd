"""User context managers: a suppress() built on issubclass in __exit__, and a generator that yields inside a with block."""


class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught.append(repr(ev))
            return True
        return False


class Trace:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name)
        return False


s = Suppress(KeyError, ZeroDivisionError)
with s:
    {}["missing"]
with s:
    1 / 0
print("after suppress", s.caught)
try:
    with Suppress(KeyError):
        int("xyz")
except ValueError as e:
    print("not suppressed:", e)


class Base(Exception):
    pass


class Child(Base):
    pass


print(issubclass(Child, Base), issubclass(Base, Child), issubclass(KeyError, (ValueError, LookupError)))


def numbers():
    with Trace("gen"):
        yield 1
        yield 2


print(list(numbers()))
