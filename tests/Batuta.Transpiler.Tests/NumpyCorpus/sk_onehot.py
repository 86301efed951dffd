import numpy as np
from sklearn.preprocessing import OneHotEncoder

sites = np.array([[0], [2], [1], [2], [0]])
enc = OneHotEncoder(sparse_output=False)
encoded = enc.fit_transform(sites)
print(encoded)
print(encoded.sum(axis=0))
print(enc.transform(np.array([[1], [0]])))
