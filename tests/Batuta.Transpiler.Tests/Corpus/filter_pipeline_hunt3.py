"""A filter pipeline built in a loop: filter(f, it) takes each stage's function when it is called."""


class Pipeline:
    def __init__(self):
        self.stages = []

    def add(self, f):
        self.stages.append(f)
        return self

    def run(self, items):
        it = iter(items)
        for f in self.stages:
            it = filter(f, it)
        return list(it)


def positive(x):
    return x > 0


p = Pipeline().add(positive).add(lambda x: x % 2).add(lambda x: x < 9)
print(p.run([-3, 1, 2, 3, 5, 8, 9, 11]))
fs = [abs, lambda v: v * 10]
out = [0, -1, 2]
for g in fs:
    out = map(g, out)
print(list(out))
