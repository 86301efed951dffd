import numpy as np

data = np.loadtxt("sales.csv", delimiter=",", skiprows=1)
print(data.shape)
print(data)
months = data[:, 0].astype(int)
revenue = data[:, 1] * data[:, 2]
print(months)
print(revenue)
print(f"total revenue {revenue.sum():.2f}")
net = data[:, 1] - data[:, 3]
print(net, net.dtype)
best = months[np.argmax(revenue)]
print("best month", best)
units = np.loadtxt("sales.csv", delimiter=",", skiprows=1, usecols=1)
print(units)
month_col, unit_col = np.loadtxt("sales.csv", delimiter=",", skiprows=1, usecols=(0, 1), unpack=True)
print(month_col, unit_col)
