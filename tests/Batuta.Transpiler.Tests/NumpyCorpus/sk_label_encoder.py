# Text categories to integer codes and back: LabelEncoder, np.unique(return_inverse), bincount per category.
import numpy as np
from sklearn.preprocessing import LabelEncoder
from sklearn.tree import DecisionTreeClassifier

cities = np.array(["paris", "tokyo", "lima", "paris", "oslo", "tokyo", "paris", "lima"])
le = LabelEncoder()
codes = le.fit_transform(cities)
print(le)
print(le.classes_, codes, codes.dtype)
print(le.transform(["oslo", "paris"]))
print(le.inverse_transform([0, 3, 3, 1]))
print(len(le.classes_), list(le.classes_))

vals, inverse = np.unique(cities, return_inverse=True)
print(vals, inverse)
print(np.array_equal(inverse, codes))
counts = np.bincount(codes)
for name, n in zip(le.classes_, counts):
    print(f"{name:<6}{n:>3}")
print(le.classes_[np.argmax(counts)])

temps = np.array([11.5, 24.0, 19.2, 12.1, 3.4, 26.3, 10.8, 18.7])
sums = np.bincount(codes, weights=temps)
print(np.round(sums / counts, 2))

sizes = LabelEncoder().fit([30, 10, 20, 10])
print(sizes.classes_, sizes.transform([20, 30]), sizes.inverse_transform([0, 2]))

try:
    le.transform(["rome"])
except ValueError as err:
    print("ValueError:", err)

X = np.column_stack([codes, temps])
y = np.where(temps > 15, "warm", "cold")
clf = DecisionTreeClassifier(random_state=0).fit(X, y)
print(clf.predict(np.array([[le.transform(["oslo"])[0], 20.0], [2, 5.0]])))
ylab = LabelEncoder().fit(y)
print(ylab.classes_, ylab.transform(y))
