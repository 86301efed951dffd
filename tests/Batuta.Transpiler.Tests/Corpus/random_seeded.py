import random

random.seed(42)
print([random.randint(1, 100) for _ in range(10)])
print(round(random.random(), 12), round(random.uniform(1, 5), 12))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice(["a", "b", "c", "d"]), random.randrange(0, 100, 5))
random.seed("hello")
print([random.randint(0, 9) for _ in range(8)])
random.seed(2024)
print([round(random.gauss(0, 1), 10) for _ in range(4)])
print(random.sample(range(100), 5))
