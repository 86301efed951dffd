"""type(self).count += 1 and other class attributes read through type(self)."""
class Account:
    count = 0
    rate = 0.5
    def __init__(self):
        type(self).count += 1
        print(type(self).rate, type(self).__name__)
Account(); Account()
print(Account.count)
