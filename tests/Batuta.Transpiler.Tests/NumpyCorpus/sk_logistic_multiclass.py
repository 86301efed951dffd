import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split

rng = np.random.RandomState(10)
centers = np.array([[0.0, 0.0], [3.0, 3.0], [0.0, 4.0]])
X = np.vstack([c + rng.normal(scale=1.0, size=(60, 2)) for c in centers])
y = np.repeat(np.arange(3), 60)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=1, stratify=y)
clf = LogisticRegression()
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(clf.classes_)
print(pred[:12])
print(f"accuracy {accuracy_score(y_test, pred):.4f}")
print(confusion_matrix(y_test, pred))
print(np.round(clf.predict_proba(X_test[:4]), 3))
print(clf.coef_.shape, clf.intercept_.shape)
print(np.round(clf.coef_, 2))
