"""A plugin registry: classes in dicts, dynamic attributes, class-level state, multilevel super()."""


class Registry(object):
    plugins = {}

    @classmethod
    def register(cls, plugin_cls):
        cls.plugins[plugin_cls.name] = plugin_cls
        return plugin_cls

    @classmethod
    def create(cls, name, *args, **kwargs):
        if name not in cls.plugins:
            raise LookupError("no plugin %r (have %s)" % (name, ", ".join(sorted(cls.plugins))))
        return cls.plugins[name](*args, **kwargs)


class Plugin(object):
    name = "base"
    instances = 0

    def __init__(self, **options):
        Plugin.instances += 1
        self.options = options
        for key, value in options.items():
            setattr(self, key, value)

    def run(self, data):
        raise NotImplementedError("%s.run" % self.__class__.__name__)

    def __repr__(self):
        return "<%s %s>" % (self.__class__.__name__, " ".join("%s=%r" % kv for kv in sorted(self.options.items())))


@Registry.register
class Upper(Plugin):
    name = "upper"

    def run(self, data):
        return data.upper()


@Registry.register
class Repeat(Plugin):
    name = "repeat"

    def __init__(self, times=2, **options):
        super(Repeat, self).__init__(times=times, **options)

    def run(self, data):
        return data * self.times


@Registry.register
class LoudRepeat(Repeat):
    name = "loud"

    def __init__(self, **options):
        super().__init__(**options)
        self.suffix = getattr(self, "suffix", "!")

    def run(self, data):
        return super().run(data).upper() + self.suffix


pipeline = [Registry.create("upper"), Registry.create("repeat", times=3, sep="-"), Registry.create("loud", suffix="?!")]
data = "ab"
for p in pipeline:
    data = p.run(data)
    print("%-30r -> %s" % (p, data))
print(Plugin.instances, Upper.instances, sorted(Registry.plugins), issubclass(LoudRepeat, Repeat), isinstance(pipeline[2], (Upper, Repeat)))
print(type(pipeline[1]) is Repeat, type(pipeline[2]).__mro__[1].__name__, LoudRepeat.__bases__[0].__name__, Repeat.name, pipeline[2].name)
print(hasattr(pipeline[1], "sep"), getattr(pipeline[0], "sep", "none"), getattr(pipeline[2], "run")("x"), vars(pipeline[1]))
try:
    Registry.create("nope")
except LookupError as e:
    print("LookupError:", e)
try:
    Plugin().run("x")
except NotImplementedError as e:
    print("NotImplementedError:", e)
kinds = {cls.name: cls for cls in (Upper, Repeat, LoudRepeat)}
print({k: v.__name__ for k, v in kinds.items()}, [c().run("z") for c in kinds.values()])
p = pipeline[0]
p.extra = 42
del p.extra
print(hasattr(p, "extra"), Plugin.instances)
