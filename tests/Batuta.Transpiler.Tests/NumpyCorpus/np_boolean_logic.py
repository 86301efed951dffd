import numpy as np

age = np.array([23, 35, 47, 52, 61, 19, 44])
income = np.array([32.0, 58.5, 71.2, 40.0, 90.1, 15.5, 66.0])
young = age < 30
rich = income > 60
print(young & rich)
print(young | rich)
print(~young)
print(young ^ rich)
print(np.logical_and(age > 40, income < 70))
print(np.count_nonzero(rich), rich.sum())
print(age[(age > 30) & (income > 50)])
matrix = np.array([[True, False, True], [False, False, False], [True, True, True]])
print(matrix.any(axis=1))
print(matrix.all(axis=1))
print(matrix.any(axis=0))
print(matrix.sum(), matrix.sum(axis=0))
print(np.any(income > 100), np.all(age > 18))
print(rich.astype(int))
print(young.mean())
