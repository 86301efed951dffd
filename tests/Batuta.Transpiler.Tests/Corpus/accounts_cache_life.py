"""Accounts with a validating property setter, class counters, subclass class attributes; lru_cache with a tuple default; a seeded game of life over bool grids."""
from functools import lru_cache
import random

class Account:
    interest = 0.02
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError(f"balance cannot be negative: {value}")
        self._balance = value
    def deposit(self, amount):
        self.balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        self.balance -= amount
        self.history.append(("wd", amount))
        return self
    def __str__(self):
        return f"#{self.id} {self.owner}: {self.balance:.2f}"

class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self.deposit(round(self.balance * self.interest, 2))

accts = [Account("ann", 100), Savings("bob", 250.5), Account("cy")]
accts[0].deposit(50).withdraw(30)
accts[1].add_interest()
try:
    accts[2].withdraw(10)
except ValueError as e:
    print("error:", e)
for a in accts:
    print(a, a.history, type(a).__name__, a.interest)
print(sorted(accts, key=lambda a: a.balance, reverse=True)[0].owner, Account._next_id)

@lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(10), ways(100), ways.cache_info().hits > 0)

rng = random.Random(42)
grid = [[rng.random() < 0.3 for _ in range(8)] for _ in range(5)]
def neighbors(g, r, c):
    return sum(g[(r + dr) % len(g)][(c + dc) % len(g[0])] for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0))
for _ in range(3):
    grid = [[(neighbors(grid, r, c) == 3) or (cell and neighbors(grid, r, c) == 2) for c, cell in enumerate(row)] for r, row in enumerate(grid)]
print("\n".join("".join("#" if x else "." for x in row) for row in grid))
print(sum(map(sum, grid)), rng.choice("abc"), rng.sample(range(10), 3), round(rng.uniform(1, 2), 4))
