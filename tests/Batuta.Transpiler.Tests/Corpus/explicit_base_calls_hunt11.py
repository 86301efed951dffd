"""Python 2 era class code: base initializers and methods called explicitly through the class."""


class Shape(object):
    count = 0

    def __init__(self, name, sides):
        Shape.count += 1
        self.name = name
        self.sides = sides

    def describe(self):
        return "%s with %d sides" % (self.name, self.sides)


class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, "square", 4)
        self.side = side

    def area(self):
        return self.side ** 2

    def describe(self):
        return Shape.describe(self) + ", area %d" % self.area()


class Cube(Square):
    def __init__(self, side, label="cube"):
        Square.__init__(self, side)
        self.label = label

    def describe(self):
        return Square.describe(self) + " (%s, volume %d)" % (self.label, self.side ** 3)


class ReprMixin:
    def as_text(self):
        fields = sorted(vars(self).items())
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in fields))


class Tagged(Cube, ReprMixin):
    def describe(self):
        return "tagged " + ReprMixin.as_text(self)


class ConfigError(Exception):
    def __init__(self, key, reason):
        Exception.__init__(self, "%s: %s" % (key, reason))
        self.key = key


class MissingKey(ConfigError, KeyError):
    def __init__(self, key):
        ConfigError.__init__(self, key, "missing")


def check(conf, key):
    if key not in conf:
        raise MissingKey(key)
    if not conf[key]:
        raise ConfigError(key, "empty")
    return conf[key]


shapes = [Square(2), Cube(3), Cube(1, label="tiny"), Tagged(2, "t")]
for s in shapes:
    print(s.describe())
print("shapes made:", Shape.count, isinstance(shapes[3], ReprMixin), isinstance(shapes[1], ReprMixin))
conf = {"host": "db", "port": ""}
for key in ["host", "port", "user"]:
    try:
        print("ok", check(conf, key))
    except KeyError as e:
        print("key error", type(e).__name__, e.key, e.args, isinstance(e, ConfigError))
    except ConfigError as e:
        print("config error", e, e.key)
print([k.__name__ for k in MissingKey.__mro__])
check(conf, "password")
