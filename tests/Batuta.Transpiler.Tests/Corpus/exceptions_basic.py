class InsufficientFunds(Exception):
    def __init__(self, needed: float):
        super().__init__(f"need {needed:.2f} more")
        self.needed = needed


def withdraw(balance: float, amount: float) -> float:
    if amount < 0:
        raise ValueError("negative amount")
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount


for amt in [10.0, -5.0, 500.0]:
    try:
        print("left:", withdraw(100.0, amt))
    except InsufficientFunds as e:
        print("insufficient:", e, e.needed)
    except ValueError as e:
        print("bad:", e)
    else:
        print("ok")
    finally:
        print("done", amt)

try:
    [1, 2, 3][10]
except IndexError as e:
    print("IndexError:", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError:", e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
