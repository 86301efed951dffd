import random

rng_values = []
random.seed(12345)
for _ in range(5):
    rng_values.append(random.random())
print([f"{v:.15f}" for v in rng_values])
print(random.randint(-50, 50), random.randrange(10), random.choice("xyz"))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8])
print(random.sample(deck, 3), round(random.uniform(-1, 1), 10))
random.seed(3)
print([random.getrandbits(8) for _ in range(6)], random.getrandbits(70))
