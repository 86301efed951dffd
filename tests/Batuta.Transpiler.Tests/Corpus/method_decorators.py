"""Decorators on methods (logging with functools.wraps, a retry factory): calls go through the decorated function with self first."""
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        print("call", fn.__name__, len(args))
        return fn(*args)
    return wrapper


def retry(times):
    def deco(fn):
        def run(*args):
            for attempt in range(times):
                try:
                    return fn(*args)
                except ValueError as e:
                    print("attempt", attempt + 1, "failed:", e)
            return None
        return run
    return deco


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.tries = 0

    @logged
    def deposit(self, amount):
        self.balance += amount
        return self.balance

    @retry(3)
    def flaky(self, x):
        self.tries += 1
        if self.tries < 3:
            raise ValueError(f"try {self.tries}")
        return x * 2

    def report(self):
        return f"balance={self.balance} tries={self.tries}"


acc = Account(10)
print(acc.deposit(5), acc.deposit(2.5))
print(acc.flaky(21), acc.report())
