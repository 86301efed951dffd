"""Monte Carlo helper from an old simulation package: reproducible streams per worker, checkpoints via getstate()."""
import random
from random import Random


class Worker:
    def __init__(self, name, seed):
        self.name = name
        self.rng = Random(seed)
        self.history = []

    def step(self):
        roll = self.rng.randint(1, 6)
        draw = round(self.rng.uniform(0, 10), 3)
        self.history.append((roll, draw))
        return roll, draw

    def snapshot(self):
        return self.rng.getstate()

    def restore(self, state):
        self.rng.setstate(state)


def checksum(state):
    version, words, gauss = state
    return version, len(words), words[-1], sum(words) % 1000003, gauss


random.seed(2024)
print("module:", [random.randint(1, 100) for _ in range(5)])
saved = random.getstate()
print("state:", checksum(saved))
first = [random.random() for _ in range(3)]
random.setstate(saved)
again = [random.random() for _ in range(3)]
print("replay equal:", first == again, first[0])

# the cached second normal variate is part of the state
random.seed(7)
g1 = random.gauss(10, 2)
mid = random.getstate()
print("gauss cached:", mid[2] is not None, round(g1, 6))
g2 = random.gauss(10, 2)
random.setstate(mid)
print("gauss replay:", random.gauss(10, 2) == g2)

workers = [Worker("w%d" % i, 100 + i) for i in range(3)]
for w in workers:
    for _ in range(3):
        w.step()
    print(w.name, w.history)

w = workers[0]
snap = w.snapshot()
ahead = [w.step() for _ in range(2)]
w.restore(snap)
print("restored:", [w.step() for _ in range(2)] == ahead)

r = Random(99)
deck = list("ABCDEFGH")
r.shuffle(deck)
print(deck, r.choice(deck), r.sample(range(20), 4), r.choices("xyz", weights=[1, 2, 7], k=6))
print(r.randrange(0, 50, 5), r.getrandbits(20), round(r.triangular(0, 10, 2), 6), round(r.betavariate(2, 5), 6))
print(round(r.expovariate(0.5), 6), round(r.normalvariate(0, 1), 6), round(r.gauss(), 6))
r.seed(99)
print("reseeded:", r.randint(1, 1000), Random(99).randint(1, 1000))
print("same stream as module:", Random(2024).randint(1, 100), Random("label").random() == Random("label").random())

other = Random()
other.setstate(Random(5).getstate())
print("copied state:", other.random() == Random(5).random())
print(type(r).__name__, isinstance(r, Random), isinstance(random.SystemRandom(), random.Random))

for bad in [(9, (), None), (3, (1, 2, 3), None), (3,)]:
    try:
        random.setstate(bad)
    except ValueError as e:
        print("ValueError:", e)

sysrand = random.SystemRandom()
vals = [sysrand.random() for _ in range(20)]
print("system:", type(sysrand).__name__, all(0.0 <= v < 1.0 for v in vals), 1 <= sysrand.randint(1, 6) <= 6, sysrand.choice("ab") in "ab")
try:
    sysrand.getstate()
except NotImplementedError as e:
    print("NotImplementedError:", e)
