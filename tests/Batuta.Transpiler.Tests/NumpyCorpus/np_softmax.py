import numpy as np


def softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def logsumexp(z):
    m = z.max()
    return m + np.log(np.exp(z - m).sum())


logits = np.array([[1.0, 2.0, 3.0], [1000.0, 1001.0, 1002.0], [-5.0, 0.0, 5.0]])
p = softmax(logits)
print(np.round(p, 6))
print(np.round(p.sum(axis=1), 10))
print(p.argmax(axis=1))
print(round(logsumexp(np.array([1.0, 2.0, 3.0])), 8))
sigmoid = 1 / (1 + np.exp(-np.linspace(-4, 4, 9)))
print(np.round(sigmoid, 5))
