import numpy as np
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score, precision_score, recall_score

y_true = np.array([0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1])
y_pred = np.array([0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1])
print(accuracy_score(y_true, y_pred))
print(precision_score(y_true, y_pred))
print(recall_score(y_true, y_pred))
print(f1_score(y_true, y_pred))
print(confusion_matrix(y_true, y_pred))
print(classification_report(y_true, y_pred))
multi_true = np.array([0, 1, 2, 2, 1, 0, 2])
multi_pred = np.array([0, 2, 2, 2, 1, 0, 1])
print(confusion_matrix(multi_true, multi_pred))
print(round(f1_score(multi_true, multi_pred, average="macro"), 6))
print(round(precision_score(multi_true, multi_pred, average="weighted"), 6))
print(accuracy_score(multi_true, multi_pred, normalize=False))
