import numpy as np


def loss(w, b):
    return (w - 1.3) ** 2 + 0.5 * (b + 0.7) ** 2 + 0.1 * w * b


ws = np.linspace(-2, 2, 41)
bs = np.linspace(-2, 2, 41)
W, B = np.meshgrid(ws, bs)
L = loss(W, B)
i = L.argmin()
row, col = i // L.shape[1], i % L.shape[1]
print(L.shape, i, row, col)
print(f"best w {W[row, col]:.2f} b {B[row, col]:.2f} loss {L[row, col]:.4f}")
print(np.round(L[:3, :4], 4))
