class Meta:
    pass


class Animal:
    species_count = {}
    sound = "..."

    def __init__(self, name, legs=4):
        self.name = name
        self.legs = legs
        cls = type(self).__name__
        Animal.species_count[cls] = Animal.species_count.get(cls, 0) + 1

    def speak(self):
        return "%s the %s says %s" % (self.name, type(self).__name__.lower(), self.sound)

    @classmethod
    def create(cls, name):
        return cls(name)

    @staticmethod
    def kingdom():
        return "Animalia"

    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name

    def __hash__(self):
        return hash((type(self).__name__, self.name))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.name)


class Dog(Animal):
    sound = "woof"

    def fetch(self, thing="ball"):
        return "%s fetches the %s" % (self.name, thing)


class Bird(Animal):
    sound = "tweet"

    def __init__(self, name, can_fly=True):
        super(Bird, self).__init__(name, legs=2)
        self.can_fly = can_fly

    def speak(self):
        base = Animal.speak(self)
        return base + ("" if self.can_fly else " (grounded)")


class Penguin(Bird):
    def __init__(self, name):
        Bird.__init__(self, name, can_fly=False)


zoo = [Dog("Rex"), Bird("Tweety"), Penguin("Pingu"), Dog.create("Fido"), Penguin.create("Skipper")]
for a in zoo:
    print(a.speak(), a.legs)
print(Animal.species_count, Animal.kingdom(), Dog.kingdom(), zoo[0].kingdom())
print(Dog("Rex") == zoo[0], Dog("Rex") == Bird("Rex"), len(set(zoo + [Dog("Rex")])), zoo)
print(isinstance(zoo[2], Bird), isinstance(zoo[2], Dog), issubclass(Penguin, Animal), type(zoo[2]).__mro__[1].__name__)
print(hasattr(zoo[0], "fetch"), hasattr(zoo[1], "fetch"), getattr(zoo[0], "fetch")("stick"), getattr(zoo[1], "color", "n/a"))
Dog.sound = "WOOF"
print(zoo[0].speak(), Dog.__name__, Dog.__bases__[0].__name__, Penguin.__base__.__name__)
zoo[0].sound = "grr"
print(zoo[0].speak(), zoo[3].speak(), "sound" in vars(zoo[0]), sorted(vars(zoo[1])))
setattr(zoo[1], "color", "yellow")
print(zoo[1].color, getattr(zoo[1], "color"))
delattr(zoo[1], "color")
print(hasattr(zoo[1], "color"))
print(callable(zoo[0].speak), callable(zoo[0].name), type(zoo[0]) is Dog, type(zoo[0]) == Animal)
print(Dog.fetch(zoo[0]), [m for m in ("speak", "fetch", "fly") if hasattr(Dog, m)])
print(zoo[0].__class__.__name__, zoo[0].__dict__ == {"name": "Rex", "legs": 4, "sound": "grr"}, str(zoo[0]))
try:
    zoo[1].fetch()
except AttributeError as e:
    print("AttributeError:", e)


class Counter:
    def __init__(self):
        self._n = 0

    def __call__(self, step=1):
        self._n += step
        return self._n

    def __len__(self):
        return self._n

    def __repr__(self):
        return "<Counter %d>" % self._n


c = Counter()
c()
c(5)
print(c, len(c), bool(c), c() * 2)
