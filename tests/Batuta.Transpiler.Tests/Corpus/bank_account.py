class Account:
    interest_rate = 0.02

    def __init__(self, owner: str, balance: float = 0.0):
        self.owner = owner
        self.balance = balance
        self.history: list[tuple[str, float]] = []

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount: float) -> None:
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance:.2f} < {amount:.2f}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def apply_interest(self) -> None:
        self.balance *= 1 + Account.interest_rate

    def __str__(self) -> str:
        return f"{self.owner}: {self.balance:.2f}"


acct = Account("Ann", 100.0)
acct.deposit(50.0)
acct.withdraw(30.0)
try:
    acct.withdraw(1000.0)
except ValueError as e:
    print("error:", e)
acct.apply_interest()
print(acct)
print(acct.history)
print(len(acct.history), Account.interest_rate)
