# Trees, forests and k-means on three synthetic clusters with integer-coded labels.
import numpy as np
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.cluster import KMeans
from sklearn.metrics import confusion_matrix, accuracy_score

rng = np.random.RandomState(0)
centers = np.array([[0.0, 0.0], [4.0, 4.0], [0.0, 5.0]])
X = np.vstack([c + rng.randn(40, 2) for c in centers])
names = ["low", "high", "mid"]
y = np.repeat([0, 1, 2], 40)
print(y[:3], y.dtype, len(np.unique(y)))

tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
pred = tree.predict(X)
print(pred[:5])
print("acc:", accuracy_score(y, pred))
print(confusion_matrix(y, pred))
print(tree.classes_, [names[c] for c in tree.classes_])
print(np.round(tree.feature_importances_, 4))

forest = RandomForestClassifier(n_estimators=20, random_state=0).fit(X, y)
print(np.round(forest.feature_importances_, 4))
print((forest.predict(X) == y).mean())

inertias = []
for k in range(1, 6):
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    inertias.append(round(km.inertia_, 2))
print(inertias)
km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)
print(np.bincount(km.labels_))
print(np.round(km.cluster_centers_[np.argsort(km.cluster_centers_[:, 0])], 3))
counts = {label: int((y == code).sum()) for code, label in enumerate(names)}
print(counts)
