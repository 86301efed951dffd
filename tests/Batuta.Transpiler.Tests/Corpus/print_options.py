import sys

print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
print(1, 2, 3, sep="")
print("x", end="!\n")
print()
print(*[1, 2, 3])
print(*"abc", sep=",")
print("to stderr", file=sys.stderr)
print(None, True, False, [None, True], {"k": None})
sys.stdout.write("written\n")
