# Cooperative super() through diamonds and mixins, the way a legacy plugin framework wires its classes.


class Component:
    def __init__(self, name="component", **kwargs):
        print("Component.__init__", name, sorted(kwargs))
        self.name = name
        self.log = []
        super().__init__(**kwargs)

    def describe(self):
        return "Component(" + self.name + ")"

    def setup(self, level):
        self.log.append("Component.setup")
        return level


class Loggable(Component):
    def __init__(self, prefix=">", **kwargs):
        print("Loggable.__init__ before", prefix)
        self.prefix = prefix
        super().__init__(**kwargs)
        print("Loggable.__init__ after")

    def describe(self):
        return "Loggable[" + self.prefix + "]+" + super().describe()

    def setup(self, level):
        self.log.append("Loggable.setup")
        return super().setup(level + 1) * 2


class Cached(Component):
    def __init__(self, size=4, **kwargs):
        print("Cached.__init__ before", size)
        self.size = size
        self.cache = {}
        super(Cached, self).__init__(**kwargs)
        print("Cached.__init__ after")

    def describe(self):
        return "Cached(" + str(self.size) + ")+" + super().describe()

    def setup(self, level):
        self.log.append("Cached.setup")
        return super().setup(level + 10) + 1


class Service(Loggable, Cached):
    def __init__(self, **kwargs):
        print("Service.__init__ with", sorted(kwargs.items()))
        super().__init__(**kwargs)

    def describe(self):
        return "Service:" + super().describe()

    def plain_describe(self):
        return Component.describe(self)


class CountingMixin:
    """Only object follows this mixin in its own MRO."""
    calls = 0

    def setup(self, level):
        CountingMixin.calls += 1
        return super().setup(level) + 1000


class CountedService(CountingMixin, Service):
    pass


class FastService(Service):
    def setup(self, level):
        self.log.append("FastService.setup")
        return super().setup(level) + 5


def show(obj):
    print(type(obj).__name__, "->", obj.describe())
    print("  setup(1) =", obj.setup(1))
    print("  log =", obj.log)


print("== Loggable alone")
l = Loggable(prefix="#", name="solo")
show(l)
print("== Cached alone")
c = Cached(size=2)
show(c)
print("== Service")
s = Service(prefix="*", size=8, name="svc")
show(s)
print("  plain:", s.plain_describe())
print("  attrs:", s.name, s.prefix, s.size, s.cache)
print("== CountedService")
cs = CountedService(name="counted")
show(cs)
print("  calls:", CountingMixin.calls)
print("== FastService")
fs = FastService(size=1)
show(fs)
print("== MRO")
for klass in (Service, CountedService, FastService):
    print(klass.__name__, [k.__name__ for k in klass.__mro__])
print([k.__name__ for k in Service.mro()])
print("== isinstance")
for obj in (l, c, s, cs, fs):
    print(type(obj).__name__, isinstance(obj, Loggable), isinstance(obj, Cached), isinstance(obj, Component), isinstance(obj, CountingMixin))
print(issubclass(Service, Cached), issubclass(Cached, Loggable))
print("== leftover keyword")
try:
    Service(colour="red")
except TypeError as e:
    print("TypeError:", e)
