"""Job scheduler: priority and FIFO queues and heapq lists, whose internal order a legacy script prints for debugging."""
import heapq
import queue

JOBS = [(5, "backup"), (1, "page oncall"), (4, "rotate logs"), (2, "deploy"), (3, "report")]


def main():
    pq = queue.PriorityQueue()
    for v in [5, 1, 4, 2, 3]:
        pq.put(v)
    print("priority queue:", pq.queue, pq.qsize())
    print("get", pq.get(), "->", pq.queue)
    jobs = queue.PriorityQueue()
    for job in JOBS:
        jobs.put(job)
        print("  put", job, "heap", jobs.queue)
    while not jobs.empty():
        print("run", jobs.get(), "left", jobs.queue)
    heap = []
    for v in [5, 1, 4, 2, 3]:
        heapq.heappush(heap, v)
    print("heap:", heap, heapq.heappop(heap), heap)
    h2 = [9, 3, 7, 1, 8, 2]
    heapq.heapify(h2)
    print("heapify:", h2)
    print("pushpop:", heapq.heappushpop(h2, 4), h2)
    print("replace:", heapq.heapreplace(h2, 0), h2)
    print(heapq.nsmallest(3, [5, 1, 4, 2, 3]), heapq.nlargest(2, [5, 1, 4, 2, 3]), list(heapq.merge([1, 4], [2, 3])))
    lifo = queue.LifoQueue()
    fifo = queue.Queue()
    for v in [3, 1, 2]:
        lifo.put(v)
        fifo.put(v)
    print("lifo", lifo.queue, "fifo", fifo.queue)
    print(lifo.get(), fifo.get(), lifo.queue, fifo.queue, list(fifo.queue))
    simple = queue.SimpleQueue()
    simple.put("x")
    print(simple.qsize(), simple.get(), simple.empty())


main()
