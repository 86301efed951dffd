"""Legacy helpers: a config singleton, interned colors, an id allocator, and an error hierarchy."""


class Config(object):
    _instance = None
    loads = 0

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating the one Config")
            cls._instance = super(Config, cls).__new__(cls)
        return cls._instance

    def __init__(self, path="app.ini"):
        Config.loads += 1
        self.path = path
        self.values = {}

    def set(self, key, value):
        self.values[key] = value
        return self


class Color:
    _cache = {}

    def __new__(cls, name, *rest):
        key = name.lower()
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]

    def __init__(self, name, shade=0):
        self.name = name.lower()
        self.shade = shade

    def __repr__(self):
        return "Color(%r, shade=%d)" % (self.name, self.shade)


class Ticket:
    issued = 0

    def __new__(cls):
        Ticket.issued += 1
        obj = object.__new__(cls)
        return obj


class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return "[%d] %s" % (self.code, self.args[0])


class NotFound(AppError, LookupError):
    pass


class BadInput(AppError, ValueError):
    """Raised for malformed records."""


def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise NotFound(404, "no key %r" % key) from e


def parse(text):
    if not text.isdigit():
        raise BadInput(422, "not a number: " + text)
    return int(text)


def main():
    a = Config("first.ini")
    b = Config("second.ini")
    print(a is b, a.path, b.path, Config.loads)
    a.set("debug", True)
    print(b.values, len(Config("third.ini").values))
    make = Config
    c = make("fourth.ini")
    print(c is a, c.path, Config.loads)

    red = Color("Red")
    again = Color("RED", 3)
    blue = Color("blue")
    print(red is again, red, blue, red is blue, len(Color._cache))

    tickets = [Ticket() for _ in range(3)]
    print(Ticket.issued, tickets[0] is tickets[1], type(tickets[2]).__name__)

    table = {"a": 1}
    for key in ["a", "b"]:
        try:
            print("found", lookup(table, key))
        except LookupError as e:
            print("lookup failed:", type(e).__name__, e, e.code, type(e.__cause__).__name__)
    for text in ["12", "x1"]:
        try:
            print("parsed", parse(text))
        except ValueError as e:
            print("value error:", e, isinstance(e, AppError), isinstance(e, LookupError))
    try:
        lookup({}, "z")
    except KeyError:
        print("wrong handler")
    except AppError as e:
        print("app error:", e.code, str(e), e.args)
    for exc in [NotFound(1, "one"), BadInput(2, "two"), AppError(3, "three")]:
        try:
            raise exc
        except (KeyError, ValueError) as e:
            print("caught as key/value:", e)
        except LookupError as e:
            print("caught as lookup:", e)
        except Exception as e:
            print("caught as exception:", e)
    print([k.__name__ for k in NotFound.__mro__])
    print([k.__name__ for k in BadInput.__mro__])
    print([k.__name__ for k in AppError.__mro__])
    print(issubclass(NotFound, LookupError), issubclass(NotFound, KeyError), issubclass(BadInput, ValueError))
    print(isinstance(NotFound(0, "x"), (ValueError, LookupError)), isinstance(BadInput(0, "y"), LookupError))
    raise NotFound(500, "fatal")


main()
