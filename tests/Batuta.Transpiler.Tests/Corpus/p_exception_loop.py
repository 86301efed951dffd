values = ["10", "x", "3.5", "", "-4", "7"]
total = 0
errors = []
for v in values:
    try:
        total += int(v)
    except ValueError as e:
        errors.append(str(e))
        continue
    finally:
        pass
print(total)
for e in errors:
    print(e)
