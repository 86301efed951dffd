import numpy as np

a = np.zeros(3)
try:
    a[5] = 1.0
except IndexError as e:
    print("IndexError:", e)
try:
    np.ones((2, 3)) @ np.ones((2, 3))
except ValueError as e:
    print("matmul failed")
try:
    np.arange(6).reshape(4, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    np.linalg.inv(np.zeros((2, 2)))
except np.linalg.LinAlgError as e:
    print("LinAlgError:", e)
print(np.zeros(3) + np.zeros(4))
