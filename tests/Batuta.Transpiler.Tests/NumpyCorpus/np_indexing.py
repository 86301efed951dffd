import numpy as np

a = np.arange(20).reshape(4, 5)
print(a[0])
print(a[1, 2])
print(a[-1])
print(a[:, 0])
print(a[1:3])
print(a[1:3, 2:])
print(a[::2, ::-1])
print(a[:, -1])
v = np.arange(10) * 1.5
print(v[3])
print(v[-2])
print(v[2:7])
print(v[::3])
mask = v > 6
print(mask)
print(v[mask])
print(v[v < 3])
idx = np.array([0, 4, 9])
print(v[idx])
print(a[[0, 2]])
print(a[:, [1, 3]])
print(a[a % 3 == 0])
print(a[np.array([0, 1, 2]), np.array([4, 3, 2])])
col = a[:, 1]
col[0] = 100
print(a)
b = v.copy()
b[b > 10] = 0.0
print(b)
b[:3] = -1
print(b)
c = np.zeros((3, 3))
c[1] = 5
c[:, 2] = [7, 8, 9]
print(c)
print(a[None, 0].shape)
print(a[..., 1])
