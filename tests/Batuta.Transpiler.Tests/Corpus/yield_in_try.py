"""Generators whose try body ends with a yield (C# has no yield inside try/catch)."""


def parse_ints(words):
    for i, w in enumerate(words):
        try:
            value = int(w)
            yield value * 2
        except ValueError as e:
            print(f"skip {i}: {e}")


def safe_ratios(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
        finally:
            print("checked", a, b)


def first_ok(rows):
    count = 0
    for row in rows:
        try:
            count += 1
            yield row["name"].upper()
        except KeyError as e:
            print("missing", e)
        else:
            print("ok after", count)


print(list(parse_ints(["1", "x", "30", "4.5", "-2"])))
print(list(safe_ratios([(1, 2), (3, 0), (9, 3)])))
gen = first_ok([{"name": "ada"}, {"nick": "bob"}, {"name": "cy"}])
print(next(gen))
print(list(gen))
