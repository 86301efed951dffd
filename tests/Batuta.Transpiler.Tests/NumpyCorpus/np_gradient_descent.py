import numpy as np

rng = np.random.RandomState(4)
X = rng.uniform(-1, 1, size=(100, 2))
y = 2.0 * X[:, 0] - 3.0 * X[:, 1] + 0.5 + rng.normal(0, 0.05, 100)
w = np.zeros(2)
b = 0.0
lr = 0.1
for epoch in range(200):
    pred = X @ w + b
    err = pred - y
    grad_w = X.T @ err / len(y)
    grad_b = err.mean()
    w -= lr * grad_w
    b -= lr * grad_b
    if epoch % 50 == 0:
        print(f"epoch {epoch:3d} loss {np.mean(err ** 2):.6f}")
print("weights", np.round(w, 3), "bias", round(b, 3))
