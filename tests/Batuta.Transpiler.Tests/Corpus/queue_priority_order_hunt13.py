"""A job scheduler on queue.PriorityQueue: the heap's list order (q.queue) and the pop order match heapq."""
import queue


def main():
    q = queue.PriorityQueue()
    for v in [5, 1, 4, 2, 3, 1, 0]:
        q.put(v)
    print("heap layout:", q.queue)
    drained = []
    while not q.empty():
        drained.append(q.get())
    print("drained:", drained)

    jobs = queue.PriorityQueue()
    for job in [(2, "write"), (1, "read"), (2, "alpha"), (0, "boot"), (1, "index"), (3, "report")]:
        jobs.put(job)
        print("queued %-8s -> %s" % (job[1], jobs.queue))
    print("pending:", jobs.qsize())
    while not jobs.empty():
        priority, name = jobs.get_nowait()
        print("run", priority, name, "left", jobs.queue)


main()
