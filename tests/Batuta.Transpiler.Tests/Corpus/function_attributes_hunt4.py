# attributes set on module-level functions (call counters, memo tables, labels)
def hits():
    hits.count += 1
    hits.log.append(hits.count)
    return hits.count


hits.count = 0
hits.log = []
for _ in range(3):
    hits()
print(hits.count, hits.log, hits.__name__)


def tagged():
    return "x"


tagged.label = "T"
print(tagged.label, tagged())


def fib(n):
    if n in fib.memo:
        return fib.memo[n]
    value = n if n < 2 else fib(n - 1) + fib(n - 2)
    fib.memo[n] = value
    return value


fib.memo = {}
print(fib(60), len(fib.memo))
