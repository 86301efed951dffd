import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

y_true = np.array([3.0, -0.5, 2.0, 7.0, 4.2])
y_pred = np.array([2.5, 0.0, 2.0, 8.0, 4.0])
print(mean_squared_error(y_true, y_pred))
print(mean_squared_error(y_true, y_pred, squared=False))
print(mean_absolute_error(y_true, y_pred))
print(r2_score(y_true, y_pred))
print(r2_score([1, 2, 3], [1, 2, 3]))
print(mean_absolute_error([1, 2, 3], [2, 2, 2]))
