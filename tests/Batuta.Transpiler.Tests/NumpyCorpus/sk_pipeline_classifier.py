import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

rng = np.random.RandomState(3)
n = 300
X = rng.normal(size=(n, 4))
w = np.array([1.5, -2.0, 0.5, 0.0])
y = (X @ w + rng.normal(scale=0.5, size=n) > 0).astype(int)
print(y[:10])
print(np.bincount(y))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
print(X_train.shape, X_test.shape, y_train.mean(), y_test.mean())
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=200))
model.fit(X_train, y_train)
pred = model.predict(X_test)
print(pred[:15])
print(f"accuracy {accuracy_score(y_test, pred):.4f}")
print(f"f1 {f1_score(y_test, pred):.4f}")
print(confusion_matrix(y_test, pred))
proba = model.predict_proba(X_test)
print(proba.shape)
print(np.round(proba[:3], 3))
print(f"score {model.score(X_test, y_test):.4f}")
