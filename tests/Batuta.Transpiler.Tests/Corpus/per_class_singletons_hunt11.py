"""Service locator of a legacy app: one instance per service class, created on first use."""


class Service(object):
    _instances = {}
    created = []

    def __new__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print("new instance of", cls.__name__)
            cls._instances[cls] = super(Service, cls).__new__(cls)
            Service.created.append(cls.__name__)
        return cls._instances[cls]

    def __init__(self, label="svc", verbose=False):
        self.label = label
        self.verbose = verbose
        print("init", type(self).__name__, label, verbose)

    def describe(self):
        return "%s(%s)" % (type(self).__name__, self.label)


class Mailer(Service):
    def send(self, to, body):
        line = "%s -> %s: %s" % (self.label, to, body)
        if self.verbose:
            line = line.upper()
        return line


class Cache(Service):
    def describe(self):
        return "cache " + super().describe()


class Token:
    """Interned tokens: equal text gives the same object."""
    table = {}
    counts = {}

    def __new__(cls, text):
        key = text.strip().lower()
        found = cls.table.get(key)
        if found is None:
            found = super().__new__(cls)
            cls.table[key] = found
        return found

    def __init__(self, text):
        self.text = text.strip().lower()
        Token.counts[self.text] = Token.counts.get(self.text, 0) + 1

    def __repr__(self):
        return "Token(%r x%d)" % (self.text, Token.counts[self.text])


def build(kind, *args):
    return kind(*args)


def main():
    m1 = Mailer("mail")
    m2 = Mailer("mail2", verbose=True)
    c1 = Cache("lru")
    s1 = Service()
    print(m1 is m2, m1 is c1, s1 is c1)
    print(m1.label, c1.label, s1.label, m2.verbose)
    print(m2.send("bob", "hi"), c1.describe(), s1.describe())
    print(len(Service._instances), isinstance(m1, Service), isinstance(c1, Mailer))
    print(sorted(k.__name__ for k in Service._instances), Service.created)
    again = build(Cache, "fifo", False)
    print(again is c1, again.label)

    words = "The cat saw the CAT and the dog".split()
    tokens = [Token(w) for w in words]
    print(tokens)
    print(len(Token.table), tokens[0] is tokens[3], tokens[1] is tokens[4], tokens[2] is tokens[-1])
    unique = []
    for t in tokens:
        if t not in unique:
            unique.append(t)
    print([t.text for t in unique])


main()
