data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"long list ({n} items)")
results = [y for x in data if (y := x * x) > 10]
print(results)
i = 0
while (i := i + 1) < 5:
    print(i, end=" ")
print()
