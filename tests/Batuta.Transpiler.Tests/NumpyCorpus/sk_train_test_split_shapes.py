import numpy as np
from sklearn.model_selection import train_test_split

X = np.arange(40).reshape(20, 2)
y = np.arange(20) % 3
a, b = train_test_split(X, test_size=0.2, random_state=0)
print(a.shape, b.shape)
print(b)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=5, random_state=42)
print(y_tr, y_te)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, shuffle=False)
print(X_te[:, 0], y_te)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=1, stratify=y)
print(np.bincount(y_tr), np.bincount(y_te))
print(X_te)
