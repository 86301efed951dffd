letters = ["a", "b", "c", "d"]
for i, ch in reversed(list(enumerate(letters))):
    print(i, ch)
print(list(reversed(range(5))), "".join(reversed("stressed")))
for i in range(len(letters) - 1, -1, -1):
    print(letters[i], end="")
print()
print(list(range(10, 0, -3)), list(range(0)), list(range(-3, 3)))
