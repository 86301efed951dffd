# Eighth hunt, class machinery: descriptors' __get__ on class attributes, __set_name__, __mro__/__bases__/mro()/
# __base__ of classes with several bases, isinstance against a @runtime_checkable Protocol, object.__setattr__,
# an override inheriting its base's parameter annotation, and method calls reaching __getattr__.
from typing import Protocol, runtime_checkable


class Const:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return len(self.name) * 10


class Holder:
    answer = Const()
    label = Const()

    def twice(self):
        return self.answer * 2


h = Holder()
print(h.answer, h.label, h.twice(), Holder.answer.name, Holder.label.name)


class Base:
    pass


class Mixin:
    def hello(self):
        return "hi"


class Thing(Mixin, Base):
    pass


class Leaf(Thing):
    pass


print([k.__name__ for k in Thing.__mro__], len(Thing.__bases__), [k.__name__ for k in Leaf.mro()])
print(Leaf.__base__.__name__, [k.__name__ for k in Leaf.__bases__], Leaf().hello())


@runtime_checkable
class Shape(Protocol):
    def area(self) -> float: ...

    def name(self) -> str: ...


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def name(self):
        return "square"


class Blob:
    def area(self):
        return 0


print(isinstance(Square(2), Shape), isinstance(Blob(), Shape), isinstance(3, Shape))


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "_v", v)
        object.__setattr__(self, "tag", "f")

    def value(self):
        return object.__getattribute__(self, "_v")


fz = Frozen(5)
print(fz._v, fz.tag, fz.value())


class Codec:
    def decode(self, text: str) -> str:
        raise NotImplementedError


class Upper(Codec):
    def decode(self, text):
        return text.upper()


class Lower(Codec):
    def decode(self, text):
        return text.lower()


codecs = {"up": Upper, "low": Lower}
print(Upper().decode(codecs["up"]().decode("ab")), codecs["low"]().decode("CD"))


class Inner:
    def push(self, x):
        return x * 2

    def pair(self, a, b):
        return a + b


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)


p = Proxy(Inner())
print(p.push(4), p.pair(1, 2))
