# Monte Carlo of task durations: the rarer random distributions draw CPython's exact stream after a seed.
import random


def simulate(seed):
    random.seed(seed)
    rows = []
    for i in range(4):
        rows.append((
            round(random.betavariate(2, 5), 9),
            round(random.betavariate(0.5, 0.5), 9),
            round(random.gammavariate(0.7, 2.0), 9),
            round(random.gammavariate(1.0, 3.0), 9),
            round(random.gammavariate(9.0, 0.5), 9),
        ))
    return rows


for row in simulate(42):
    print(row)
for row in simulate("tasks"):
    print(row)

random.seed(7)
print(round(random.lognormvariate(0.0, 0.25), 9))
print(round(random.paretovariate(3.0), 9))
print(round(random.weibullvariate(1.5, 2.0), 9))
print(round(random.vonmisesvariate(1.0, 4.0), 9))
print(round(random.vonmisesvariate(0.0, 0.0), 9))
print(round(random.random(), 12))

gen = random.Random(2024)
print([round(gen.betavariate(3, 3), 6) for _ in range(3)])
print(round(gen.gammavariate(2.5, 1.0), 6))

try:
    random.gammavariate(0, 1)
except ValueError as exc:
    print("ValueError:", exc)
