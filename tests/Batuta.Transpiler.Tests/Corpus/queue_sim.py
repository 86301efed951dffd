from collections import deque
import random

random.seed(7)
queue: deque = deque()
served = 0
waits = []
for tick in range(30):
    if random.random() < 0.6:
        queue.append(tick)
    if tick % 2 == 0 and queue:
        arrived = queue.popleft()
        waits.append(tick - arrived)
        served += 1
print(served, len(queue), waits)
print(f"avg wait {sum(waits) / len(waits):.3f}")
