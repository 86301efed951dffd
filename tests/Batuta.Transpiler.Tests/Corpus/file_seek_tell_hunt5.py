"""File positions: tell() after writes and reads (UTF-8 bytes), seek() back to re-read, readline loops with tell()."""
with open("data.txt", "w") as f:
    print(f.tell())
    f.write("alpha\n")
    f.write("βeta\n")
    print(f.tell())
    f.write("gamma\n")

with open("data.txt") as f:
    header = f.readline()
    start = f.tell()
    print(repr(header), start)
    rest = f.read()
    print(repr(rest), f.tell())
    f.seek(start)
    print(repr(f.readline()), f.tell())
    f.seek(0)
    print(repr(f.read(3)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    try:
        f.seek(2, 1)
    except Exception as e:
        print(type(e).__name__, e)

with open("data.txt") as f:
    offsets = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        offsets.append((pos, line.strip()))
print(offsets)
