import heapq
import bisect

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappop(h), h)
data = [7, 3, 9, 1]
heapq.heapify(data)
print(data, heapq.nlargest(2, [4, 8, 1, 9]), heapq.nsmallest(2, [4, 8, 1, 9]))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "ship"))
while tasks:
    print(heapq.heappop(tasks))
xs = [1, 3, 5, 7]
print(bisect.bisect_left(xs, 5), bisect.bisect_right(xs, 5), bisect.bisect(xs, 4))
bisect.insort(xs, 4)
print(xs)
