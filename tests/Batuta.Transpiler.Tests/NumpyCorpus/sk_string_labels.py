# Three-class text labels end to end: stratified split, pipeline, metrics and reports keyed by label names.
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.metrics import accuracy_score, confusion_matrix, classification_report, f1_score, precision_score

rng = np.random.RandomState(5)
n = 240
X = rng.randn(n, 3)
score = X[:, 0] - 0.5 * X[:, 1] + 0.3 * rng.randn(n)
y = np.where(score > 0.4, "spam", np.where(score < -0.6, "promo", "ham"))
print(np.unique(y, return_counts=True))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
print(y_train[:5], y_test.shape)

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=300))
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(pred[:8])
print(clf.classes_)
print("accuracy:", round(accuracy_score(y_test, pred), 4), round(clf.score(X_test, y_test), 4))
print(confusion_matrix(y_test, pred))
print(classification_report(y_test, pred, digits=3))
print("macro f1: %.4f" % f1_score(y_test, pred, average="macro"))
proba = clf.predict_proba(X_test[:3])
print(np.round(proba, 3))
for row, label in zip(proba, clf.classes_[np.argmax(proba, axis=1)]):
    print(label, round(row.max(), 3))

tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X_train, y_train)
tp = tree.predict(X_test)
print((tp == y_test).mean().round(4), (tp == "spam").sum())
knn = KNeighborsClassifier(n_neighbors=7).fit(X_train, y_train)
print(knn.predict(X_test[:6]))
print(cross_val_score(LogisticRegression(max_iter=300), X, y, cv=4).round(4))

binary = np.where(y == "spam", "spam", "other")
bx_tr, bx_te, by_tr, by_te = train_test_split(X, binary, test_size=0.3, random_state=1)
bclf = LogisticRegression().fit(bx_tr, by_tr)
bpred = bclf.predict(bx_te)
print("precision(spam): %.4f" % precision_score(by_te, bpred, pos_label="spam"))
print(np.unique(bpred))
