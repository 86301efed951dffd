"""Breadth-first search and job scheduling with the queue module, the way single-threaded scripts use it."""
import queue
from queue import PriorityQueue, Empty

GRAPH = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}


def bfs(start, goal):
    q = queue.Queue()
    q.put((start, [start]))
    seen = {start}
    while not q.empty():
        node, path = q.get()
        if node == goal:
            return path
        for nxt in GRAPH[node]:
            if nxt not in seen:
                seen.add(nxt)
                q.put((nxt, path + [nxt]))
    return None


print(bfs("a", "f"), bfs("d", "a"))
jobs = PriorityQueue()
for prio, name in [(3, "backup"), (1, "deploy"), (2, "report"), (1, "alert")]:
    jobs.put((prio, name))
print(jobs.qsize(), jobs.empty())
while not jobs.empty():
    print("run", jobs.get())
stack = queue.LifoQueue()
for x in range(3):
    stack.put_nowait(x)
print([stack.get() for _ in range(stack.qsize())])
bounded = queue.Queue(maxsize=2)
bounded.put(1)
bounded.put(2, block=False)
print(bounded.full(), bounded.maxsize)
try:
    bounded.put_nowait(3)
except queue.Full:
    print("full")
try:
    queue.SimpleQueue().get_nowait()
except Empty as e:
    print("empty", repr(e), type(e).__name__)
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("timed out")
work = queue.Queue()
for item in "xyz":
    work.put(item)
done = []
while True:
    try:
        item = work.get_nowait()
    except queue.Empty:
        break
    done.append(item.upper())
    work.task_done()
print(done, work.unfinished_tasks)
work.join()
print("joined")
