import numpy as np

probs = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.3, 0.3, 0.4]])
pred = probs.argmax(axis=1)
print(pred)
print(probs.max(axis=1))
top2 = np.argsort(probs, axis=1)[:, ::-1][:, :2]
print(top2)
print(np.take_along_axis(probs, top2, axis=1))
truth = np.array([1, 0, 2, 0])
print((pred == truth).mean())
print(np.argmin(probs, axis=0))
print(probs[np.arange(4), truth])
print(-np.log(probs[np.arange(4), truth]).mean().round(6))
