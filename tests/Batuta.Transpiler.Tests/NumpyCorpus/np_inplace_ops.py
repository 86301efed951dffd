import numpy as np

a = np.arange(6, dtype=float)
alias = a
a += 10
print(alias)
a *= 2
print(a)
view = a[2:4]
view -= 100
print(a)
c = np.ones((2, 3))
c[0] += np.array([1, 2, 3])
print(c)
c[:, 1] *= 5
print(c)
counts = np.zeros(4, dtype=int)
counts += 1
counts[2] += 5
print(counts)
x = np.array([1.0, 2.0])
y = x
x = x + 1
print(x, y)
m = np.eye(2)
m /= 2
print(m)
