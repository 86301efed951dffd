with open("notes.txt", "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print("third line", file=f)

with open("notes.txt") as f:
    content = f.read()
print(repr(content))

with open("notes.txt") as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip())

with open("notes.txt", "a") as f:
    f.writelines(["x\n", "y\n"])

with open("notes.txt") as f:
    lines = f.readlines()
print(len(lines), lines[-1].strip())
try:
    open("missing.txt")
except FileNotFoundError as e:
    print("missing:", e)
