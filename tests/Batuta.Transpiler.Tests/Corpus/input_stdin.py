n = int(input())
total = 0
for _ in range(n):
    line = input()
    parts = line.split()
    total += int(parts[1])
    print(parts[0].upper(), int(parts[1]) * 2)
print("total", total)
try:
    input()
except EOFError:
    print("eof")
