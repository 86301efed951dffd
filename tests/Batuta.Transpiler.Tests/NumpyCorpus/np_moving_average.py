import numpy as np


def moving_average(x, window):
    c = np.cumsum(x)
    out = (c[window - 1:] - np.concatenate(([0.0], c[:-window]))) / window
    return out


prices = np.array([10.0, 10.5, 10.2, 11.0, 11.4, 11.1, 12.0, 12.6, 12.1, 13.0, 12.8, 13.5])
print(moving_average(prices, 3))
print(moving_average(prices, 5))
returns = np.diff(prices) / prices[:-1]
print(np.round(returns, 4))
print("best day", returns.argmax(), "worst day", returns.argmin())
running_max = np.array([prices[:i + 1].max() for i in range(len(prices))])
print(running_max)
drawdown = (prices - running_max) / running_max
print("max drawdown", round(drawdown.min(), 4))
