# Churn model: probability outputs, ranking metrics and a labelled report.
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, log_loss, classification_report, accuracy_score
from sklearn.metrics import silhouette_samples

rng = np.random.RandomState(7)
n = 300
tenure = rng.uniform(1, 60, n)
spend = rng.normal(70, 20, n)
tickets = rng.randint(0, 8, n)
logit = -0.06 * tenure + 0.02 * spend + 0.35 * tickets - 1.0
churn = (rng.rand(n) < 1 / (1 + np.exp(-logit))).astype(int)
X = np.column_stack([tenure, spend, tickets])
print("churn rate:", round(churn.mean(), 3))

X_train, X_test, y_train, y_test = train_test_split(X, churn, test_size=0.3, random_state=0, stratify=churn)
scaler = StandardScaler().fit(X_train)
Xtr = scaler.transform(X_train)
Xte = scaler.transform(X_test)

models = {
    "logreg": LogisticRegression(C=0.5, max_iter=200),
    "forest": RandomForestClassifier(n_estimators=50, max_depth=4, random_state=1),
}
for name, model in models.items():
    model.fit(Xtr, y_train)
    proba = model.predict_proba(Xte)[:, 1]
    auc = roc_auc_score(y_test, proba)
    ll = log_loss(y_test, proba)
    acc = accuracy_score(y_test, model.predict(Xte))
    print(f"{name:>7}: auc={auc:.4f} logloss={ll:.4f} acc={acc:.3f}")

best = models["logreg"]
pred = best.predict(Xte)
print(classification_report(y_test, pred, target_names=["stay", "churn"], digits=3))

top = np.argsort(-best.predict_proba(Xte)[:, 1])[:5]
print("highest risk rows:", top)
print(np.round(best.predict_proba(Xte[top]), 3))

sil = silhouette_samples(Xtr[:60], y_train[:60])
print("silhouette by class:", [round(float(sil[y_train[:60] == k].mean()), 4) for k in (0, 1)])
