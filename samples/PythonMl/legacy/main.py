"""Predictive-maintenance report: which machines will fail, and what repairs will cost.

Usage: python3 main.py [data/maintenance.csv] [--folds K]
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, mean_absolute_error,
                             precision_score, r2_score, recall_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import report
from features import column, engineer_features, fold_indices, load_table, summarize

SEED = 42


def parse_args(argv):
    path = "data/maintenance.csv"
    folds = 5
    i = 0
    while i < len(argv):
        if argv[i] == "--folds":
            folds = int(argv[i + 1])
            i += 2
        else:
            path = argv[i]
            i += 1
    if folds < 2:
        raise SystemExit("--folds must be at least 2")
    return path, folds


def cross_validate(X, y, folds):
    """Manual k-fold evaluation of the failure classifier, fold by fold."""
    scores = []
    for k, test_idx in enumerate(fold_indices(len(y), folds, SEED)):
        train_mask = np.ones(len(y), dtype=bool)
        train_mask[test_idx] = False
        model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=500))
        model.fit(X[train_mask], y[train_mask])
        acc = accuracy_score(y[test_idx], model.predict(X[test_idx]))
        scores.append(acc)
        print(f"fold {k + 1}: {len(test_idx)} rows, accuracy {acc:.4f}")
    scores = np.array(scores)
    print(f"mean accuracy {scores.mean():.4f} (std {scores.std():.4f})")
    return scores


def train_failure_model(X, y):
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED, stratify=y)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=500))
    model.fit(X_train, y_train)
    predicted = model.predict(X_test)
    report.metric("accuracy", accuracy_score(y_test, predicted))
    report.metric("precision", precision_score(y_test, predicted))
    report.metric("recall", recall_score(y_test, predicted))
    report.metric("f1", f1_score(y_test, predicted))
    print("confusion matrix:")
    print(confusion_matrix(y_test, predicted))
    risk = model.predict_proba(X_test)[:, 1]
    worst = np.argsort(-risk)[:5]
    print("highest risk (test row, probability):")
    for row in worst:
        print(f"  {row:4d}  {risk[row]:.3f}")
    return model


def train_cost_model(X, cost):
    X_train, X_test, c_train, c_test = train_test_split(X, cost, test_size=0.25, random_state=SEED)
    model = make_pipeline(StandardScaler(), Ridge(alpha=1.0))
    model.fit(X_train, c_train)
    predicted = model.predict(X_test)
    report.metric("r2", r2_score(c_test, predicted))
    report.metric("mean abs error", mean_absolute_error(c_test, predicted))
    coef = model.steps[-1][1].coef_
    print("ridge coefficients:", np.round(coef, 2))
    return model


def main(argv):
    path, folds = parse_args(argv)
    data = load_table(path)
    print(f"loaded {data.shape[0]} machines, {data.shape[1]} columns from {path}")

    report.header("Fleet summary")
    report.table(summarize(data), ["column", "mean", "std", "min", "max"])
    failed = column(data, "failed").astype(int)
    print(f"failure rate: {failed.mean():.2%}")

    X = engineer_features(data)
    report.header(f"Failure classifier, {folds}-fold cross-validation")
    cross_validate(X, failed, folds)

    report.header("Failure classifier, hold-out test")
    train_failure_model(X, failed)

    report.header("Repair cost regression")
    train_cost_model(X, column(data, "repair_cost"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
