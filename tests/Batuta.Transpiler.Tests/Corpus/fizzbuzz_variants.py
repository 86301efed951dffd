def fizzbuzz(n: int) -> str:
    out = ""
    if n % 3 == 0:
        out += "Fizz"
    if n % 5 == 0:
        out += "Buzz"
    return out or str(n)


print(", ".join(fizzbuzz(i) for i in range(1, 21)))
rules = [(3, "Fizz"), (5, "Buzz"), (7, "Bazz")]
for i in [21, 35, 105, 8]:
    print(i, "".join(word for d, word in rules if i % d == 0) or i)
