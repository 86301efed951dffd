import sys

total = 0
lines = 0
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    lines += 1
    total += len(line.split())
print(lines, total)
