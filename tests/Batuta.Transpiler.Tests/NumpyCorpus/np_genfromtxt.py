import numpy as np

m = np.genfromtxt("measurements.txt")
print(m)
print(np.isnan(m).sum())
values = m[:, 1]
weights = m[:, 2]
ok = ~np.isnan(values)
print(np.average(values[ok], weights=weights[ok]))
np.savetxt("out.txt", m[ok], fmt="%.2f", delimiter=",")
back = np.loadtxt("out.txt", delimiter=",")
print(back)
print(open("out.txt").read())
