import bisect


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in (33, 60, 85, 99)])


class Cache:
    def __init__(self):
        self.data = {}

    def get(self, key):
        return self.data.get(key, key)

    def put(self, key, value):
        self.data[key] = value


def make(cache):
    def wrapper(*args):
        return cache.get(args)
    return wrapper


c = Cache()
c.put((1, 2), "pair")
print(make(c)(1, 2), make(c)(3), c.get("a"))


def log_calls(*args):
    return " ".join(str(a) for a in args)


fn = log_calls
print(fn(1, "x", 2.5), fn())
