xs = list(range(10))
print(xs[2:8], xs[:3], xs[7:], xs[-4:-1], xs[::-1], xs[1::3], xs[8:2:-2], xs[100:], xs[-100:2])
s = "abcdefghij"
print(s[1:4], s[-3:], s[::-2], s[5:1:-1], s[:0], s[3:3])
xs[2:5] = [20, 30]
print(xs)
xs[::2] = [0] * len(xs[::2])
print(xs)
del xs[1:3]
print(xs)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[-1])
