class Counter:
    count = 0
    label = "counter"
    step = 1

    def tick(self) -> None:
        self.count += self.step

    def rename(self, name: str) -> None:
        self.label = name


class Fast(Counter):
    step = 5


a = Counter()
b = Counter()
f = Fast()
a.tick()
a.tick()
b.tick()
f.tick()
f.tick()
print(a.count, b.count, f.count, Counter.count, Fast.count)
a.rename("first")
print(a.label, b.label, f.label, Counter.label)
Counter.label = "renamed"
print(a.label, b.label, f.label)
Counter.count = 10
c = Counter()
print(c.count, a.count)
c.tick()
print(c.count, Counter.count)


class Config:
    verbose = False
    level = 1


cfg = Config()
other = Config()
cfg.verbose = True
cfg.level += 2
print(cfg.verbose, other.verbose, Config.verbose, cfg.level, other.level)
Config.level = 7
print(cfg.level, other.level, Config().level)
