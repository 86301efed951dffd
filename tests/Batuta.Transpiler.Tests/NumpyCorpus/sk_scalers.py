import numpy as np
from sklearn.preprocessing import MinMaxScaler, StandardScaler

X = np.array([[1.0, 200.0, -3.0], [2.0, 180.0, 0.0], [3.0, 220.0, 3.0], [4.0, 260.0, 6.0]])
scaler = StandardScaler()
Z = scaler.fit_transform(X)
print(scaler.mean_)
print(scaler.scale_)
print(scaler.var_)
print(np.round(Z, 6))
print(np.round(Z.mean(axis=0), 12))
print(np.round(scaler.inverse_transform(Z), 6))
mm = MinMaxScaler()
M = mm.fit_transform(X)
print(M)
print(mm.data_min_, mm.data_max_)
print(mm.transform(np.array([[2.5, 240.0, 1.5]])))
