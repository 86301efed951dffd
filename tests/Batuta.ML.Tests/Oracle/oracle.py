"""scikit-learn 1.2.1 oracle for Batuta.ML's parity tests.

Run once per test session: builds the datasets (scikit-learn's generators and bundled datasets), fits
the reference estimators and writes everything to one JSON file (floats by repr, so they read back
bit for bit). Usage: python3 oracle.py OUT.json
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.cluster import DBSCAN, KMeans
from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor, IsolationForest,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, classification_report, confusion_matrix, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, precision_score, r2_score,
                             recall_score, roc_auc_score, silhouette_score)
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.filterwarnings("ignore")
assert sklearn.__version__ == "1.2.1", sklearn.__version__

out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}


def arr(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


def put(name, **values):
    out[name] = {k: (arr(v) if isinstance(v, (np.ndarray, list, tuple)) else (float(v) if isinstance(v, (np.floating, np.integer, float, int)) and not isinstance(v, bool) else v)) for k, v in values.items()}


# ---------------------------------------------------------------- datasets
data = {}
X, y = datasets.make_classification(n_samples=400, n_features=8, n_informative=5, n_redundant=1, random_state=0)
data["binary"] = (X, y)
X, y = datasets.make_classification(n_samples=450, n_features=10, n_informative=6, n_classes=3, n_clusters_per_class=1, random_state=1)
data["multi"] = (X, y)
X, y = datasets.make_regression(n_samples=300, n_features=8, n_informative=6, noise=10.0, random_state=2)
data["regression"] = (X, y)
X, y = datasets.make_blobs(n_samples=500, centers=4, n_features=5, cluster_std=1.5, random_state=3)
data["blobs"] = (X, y)
data["iris"] = datasets.load_iris(return_X_y=True)
data["diabetes"] = datasets.load_diabetes(return_X_y=True)
data["cancer"] = datasets.load_breast_cancer(return_X_y=True)
Xr, yr = data["regression"]
data["rankdef"] = (np.column_stack([Xr[:, :4], Xr[:, 0] + Xr[:, 1], Xr[:, 2]]), yr)
for name, (X, y) in data.items():
    put("data/" + name, X=X, y=y)

# ---------------------------------------------------------------- linear models
for name in ["regression", "diabetes", "rankdef"]:
    X, y = data[name]
    m = LinearRegression().fit(X, y)
    put(f"linreg/{name}", coef=m.coef_, intercept=m.intercept_, rank=m.rank_, singular=m.singular_, pred=m.predict(X[:20]))
X, y = data["diabetes"]
w = np.random.RandomState(0).uniform(0.5, 2.0, len(y))
m = LinearRegression().fit(X, y, sample_weight=w)
put("linreg/weighted", coef=m.coef_, intercept=m.intercept_, weights=w)
m = LinearRegression(fit_intercept=False).fit(X, y)
put("linreg/nointercept", coef=m.coef_, intercept=m.intercept_)
for name, alpha in [("diabetes", 1.0), ("diabetes", 0.01), ("regression", 10.0)]:
    X, y = data[name]
    m = Ridge(alpha=alpha).fit(X, y)
    put(f"ridge/{name}/{alpha}", coef=m.coef_, intercept=m.intercept_, pred=m.predict(X[:20]))
X, y = data["diabetes"]
m = Ridge(alpha=0.5).fit(X, y, sample_weight=w)
put("ridge/weighted", coef=m.coef_, intercept=m.intercept_)
for cls, kw, name in [(Lasso, dict(alpha=0.1), "lasso"), (Lasso, dict(alpha=1.0), "lasso1"), (ElasticNet, dict(alpha=0.1, l1_ratio=0.7), "enet"),
                      (ElasticNet, dict(alpha=0.5, l1_ratio=0.3, selection="random", random_state=3), "enet_random")]:
    for dname in ["diabetes", "regression"]:
        X, y = data[dname]
        m = cls(**kw).fit(X, y)
        put(f"{name}/{dname}", coef=m.coef_, intercept=m.intercept_, n_iter=m.n_iter_, dual_gap=m.dual_gap_)

Xc, yc = data["cancer"]
Xc_scaled = StandardScaler().fit_transform(Xc)
logit_cases = [
    ("cancer_scaled", Xc_scaled, yc, dict()),
    ("cancer_scaled_C01", Xc_scaled, yc, dict(C=0.1)),
    ("cancer_raw_maxiter", Xc, yc, dict(max_iter=100)),
    ("binary", *data["binary"], dict()),
    ("binary_balanced", *data["binary"], dict(class_weight="balanced")),
    ("iris", *data["iris"], dict(max_iter=1000)),
    ("multi", *data["multi"], dict()),
    ("multi_ovr", *data["multi"], dict(multi_class="ovr")),
    ("multi_nointercept", *data["multi"], dict(fit_intercept=False)),
]
for name, X, y, kw in logit_cases:
    m = LogisticRegression(**kw).fit(X, y)
    put(f"logit/{name}", coef=m.coef_, intercept=m.intercept_, n_iter=m.n_iter_, proba=m.predict_proba(X[:25]), pred=m.predict(X), kw=json.dumps(kw))

# ---------------------------------------------------------------- preprocessing and splitting
X, y = data["diabetes"]
s = StandardScaler().fit(X)
put("scaler/standard", mean=s.mean_, var=s.var_, scale=s.scale_, t=s.transform(X[:10]))
s = MinMaxScaler(feature_range=(-1, 2)).fit(X)
put("scaler/minmax", min=s.min_, scale=s.scale_, t=s.transform(X[:10]))
cats = np.column_stack([np.array([0, 1, 2, 1, 0, 2, 2, 5]), np.array([3.5, 1.0, 3.5, 3.5, 2.0, 1.0, 2.0, 1.0])])
enc = OneHotEncoder(sparse_output=False).fit(cats)
put("onehot/basic", t=enc.transform(cats), names=json.dumps(list(enc.get_feature_names_out())))
enc = OneHotEncoder(sparse_output=False, drop="first").fit(cats)
put("onehot/drop_first", t=enc.transform(cats))
enc = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(cats)
put("onehot/ignore", t=enc.transform(np.array([[9, 1.0], [1, 7.0]])))

for n, seed, test_size, strat in [(800, 42, 0.25, True), (800, 42, 0.25, False), (150, 0, 0.3, True), (101, 7, 0.2, True), (57, 123, 10, False), (1000, 3, 0.33, True)]:
    X = np.arange(n)
    yy = np.random.RandomState(seed + 1).randint(0, 3 if n != 800 else 2, n)
    tr, te = train_test_split(X, test_size=test_size, random_state=seed, stratify=yy if strat else None)
    put(f"split/{n}/{seed}/{test_size}/{strat}", labels=yy, train=tr, test=te)
X, y = data["iris"]
put("kfold", kf=[te for _, te in KFold(5, shuffle=True, random_state=4).split(X)][2],
    skf=[te for _, te in StratifiedKFold(5, shuffle=True, random_state=4).split(X, y)][3],
    skf_plain=[te for _, te in StratifiedKFold(4).split(X, y)][1],
    cvs=cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5))

# ---------------------------------------------------------------- metrics
rs = np.random.RandomState(11)
yt = rs.randint(0, 3, 200)
yp = np.where(rs.rand(200) < 0.7, yt, rs.randint(0, 3, 200))
bt, bp = (yt == 1).astype(int), (yp == 1).astype(int)
m = {"accuracy": accuracy_score(yt, yp), "binary_precision": precision_score(bt, bp), "binary_recall": recall_score(bt, bp), "binary_f1": f1_score(bt, bp)}
for avg in ["micro", "macro", "weighted"]:
    m[f"precision_{avg}"] = precision_score(yt, yp, average=avg)
    m[f"recall_{avg}"] = recall_score(yt, yp, average=avg)
    m[f"f1_{avg}"] = f1_score(yt, yp, average=avg)
reg_t, reg_p = rs.randn(150) * 3, rs.randn(150) * 3 + 0.5
put("metrics/values", yt=yt, yp=yp, rt=reg_t, rp=reg_p, cm=confusion_matrix(yt, yp), r2=r2_score(reg_t, reg_p), mse=mean_squared_error(reg_t, reg_p),
    mae=mean_absolute_error(reg_t, reg_p), report=classification_report(yt, yp), report4=classification_report(bt, bp, digits=4), **m)
Xb, yb = data["blobs"]
put("metrics/silhouette", score=silhouette_score(Xb, yb))
scores = np.round(rs.rand(200), 2)  # rounded: plenty of tied scores
probs3 = rs.dirichlet([1, 1, 1], 200)
put("metrics/proba", bt=bt, scores=scores, probs3=probs3, auc=roc_auc_score(bt, scores), logloss_bin=log_loss(bt, scores),
    logloss_multi=log_loss(yt, probs3))

# ---------------------------------------------------------------- trees
tree_cases = [
    ("gini", DecisionTreeClassifier(random_state=0), "binary"),
    ("entropy_depth4", DecisionTreeClassifier(criterion="entropy", max_depth=4, random_state=1), "multi"),
    ("iris_sqrt", DecisionTreeClassifier(max_features="sqrt", random_state=5), "iris"),
    ("leaf_nodes", DecisionTreeClassifier(max_leaf_nodes=12, random_state=2), "cancer"),
    ("min_leaf", DecisionTreeClassifier(min_samples_leaf=5, min_samples_split=0.05, random_state=3, class_weight="balanced"), "binary"),
]
for name, model, dname in tree_cases:
    X, y = data[dname]
    model.fit(X, y)
    t = model.tree_
    put(f"tree_clf/{name}", dataset=dname, feature=t.feature, threshold=t.threshold, left=t.children_left, right=t.children_right,
        value=t.value[:, 0, :], proba=model.predict_proba(X[:30]), importances=model.feature_importances_)
for name, model, dname in [("mse", DecisionTreeRegressor(random_state=0), "regression"), ("friedman_depth5", DecisionTreeRegressor(criterion="friedman_mse", max_depth=5, random_state=1), "diabetes"),
                           ("random_splitter", DecisionTreeRegressor(splitter="random", max_depth=6, random_state=4), "diabetes")]:
    X, y = data[dname]
    model.fit(X, y)
    t = model.tree_
    put(f"tree_reg/{name}", dataset=dname, feature=t.feature, threshold=t.threshold, left=t.children_left, value=t.value[:, 0, 0], pred=model.predict(X[:30]))

# ---------------------------------------------------------------- ensembles
X, y = data["cancer"]
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
rf = RandomForestClassifier(n_estimators=25, random_state=0).fit(Xtr, ytr)
put("rf/clf", proba=rf.predict_proba(Xte), accuracy=rf.score(Xte, yte), importances=rf.feature_importances_)
X, y = data["diabetes"]
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0)
rfr = RandomForestRegressor(n_estimators=20, max_features=0.5, random_state=1).fit(Xtr, ytr)
put("rf/reg", pred=rfr.predict(Xte), r2=rfr.score(Xte, yte))
gbr = GradientBoostingRegressor(n_estimators=60, random_state=0).fit(Xtr, ytr)
put("gb/reg", pred=gbr.predict(Xte), r2=gbr.score(Xte, yte), train_score=gbr.train_score_)
gbrs = GradientBoostingRegressor(n_estimators=50, subsample=0.7, random_state=2).fit(Xtr, ytr)
put("gb/reg_subsample", pred=gbrs.predict(Xte), r2=gbrs.score(Xte, yte))
X, y = data["cancer"]
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
gbc = GradientBoostingClassifier(n_estimators=40, random_state=0).fit(Xtr, ytr)
put("gb/clf", proba=gbc.predict_proba(Xte), accuracy=gbc.score(Xte, yte))
X, y = data["iris"]
gbm = GradientBoostingClassifier(n_estimators=30, max_depth=2, random_state=0).fit(X, y)
put("gb/multi", proba=gbm.predict_proba(X), accuracy=gbm.score(X, y))

# ---------------------------------------------------------------- clustering, neighbours, anomalies
X, y = data["blobs"]
km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(X)
put("kmeans/blobs", centers=km.cluster_centers_, labels=km.labels_, inertia=km.inertia_, n_iter=km.n_iter_)
X, y = data["iris"]
km = KMeans(n_clusters=3, n_init=5, random_state=42).fit(X)
put("kmeans/iris", centers=km.cluster_centers_, labels=km.labels_, inertia=km.inertia_, n_iter=km.n_iter_)
Xb, yb = data["blobs"]
db = DBSCAN(eps=1.5, min_samples=6).fit(Xb)
put("dbscan/blobs", labels=db.labels_, core=db.core_sample_indices_)
X, y = data["iris"]
db = DBSCAN(eps=0.5, min_samples=5).fit(X)
put("dbscan/iris", labels=db.labels_, core=db.core_sample_indices_)
X, y = data["multi"]
for k, weights in [(5, "uniform"), (7, "distance")]:
    knn = KNeighborsClassifier(n_neighbors=k, weights=weights).fit(X[:300], y[:300])
    put(f"knn/clf/{k}", proba=knn.predict_proba(X[300:]), pred=knn.predict(X[300:]))
X, y = data["regression"]
knr = KNeighborsRegressor(n_neighbors=4, weights="distance").fit(X[:200], y[:200])
put("knn/reg", pred=knr.predict(X[200:]))
X, y = data["cancer"]
iso = IsolationForest(n_estimators=50, random_state=0).fit(X)
put("iforest/cancer", scores=iso.score_samples(X), pred=iso.predict(X), offset=iso.offset_)
iso = IsolationForest(n_estimators=40, contamination=0.05, max_samples=100, random_state=3).fit(X)
put("iforest/contamination", scores=iso.score_samples(X), pred=iso.predict(X), offset=iso.offset_)

with open(sys.argv[1], "w") as f:
    json.dump(out, f)
