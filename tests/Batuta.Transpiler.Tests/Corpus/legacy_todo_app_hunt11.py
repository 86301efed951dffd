#!/usr/bin/env python
"""A to-do manager driven by commands on stdin."""
import sys
import json
from datetime import date


class Task(object):
    next_id = 1

    def __init__(self, title, priority=2, due=None, tags=None):
        self.id = Task.next_id
        Task.next_id += 1
        self.title = title
        self.priority = priority
        self.due = due
        self.tags = set(tags or [])
        self.done = False

    def to_dict(self):
        return {"id": self.id, "title": self.title, "priority": self.priority,
                "due": self.due.isoformat() if self.due else None, "tags": sorted(self.tags), "done": self.done}

    @staticmethod
    def from_dict(d):
        t = Task(d["title"], d["priority"], date.fromisoformat(d["due"]) if d["due"] else None, d["tags"])
        t.done = d["done"]
        return t

    def __str__(self):
        mark = "x" if self.done else " "
        due = " (due %s)" % self.due.strftime("%b %d") if self.due else ""
        tags = " [" + ",".join(sorted(self.tags)) + "]" if self.tags else ""
        return "[%s] #%d P%d %s%s%s" % (mark, self.id, self.priority, self.title, due, tags)


class TodoList(object):
    def __init__(self):
        self.tasks = {}

    def add(self, *args, **kwargs):
        t = Task(*args, **kwargs)
        self.tasks[t.id] = t
        return t

    def complete(self, task_id):
        try:
            self.tasks[task_id].done = True
        except KeyError:
            raise LookupError("no task #%d" % task_id)

    def pending(self):
        return sorted((t for t in self.tasks.values() if not t.done), key=lambda t: (t.priority, t.due or date.max, t.id))

    def by_tag(self):
        out = {}
        for t in self.tasks.values():
            for tag in t.tags:
                out.setdefault(tag, []).append(t.id)
        return dict(sorted(out.items()))


def run(lines):
    todo = TodoList()
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line[0] == "#":
            continue
        cmd, _, rest = line.partition(" ")
        try:
            if cmd == "add":
                parts = [p.strip() for p in rest.split("|")]
                title = parts[0]
                prio = int(parts[1]) if len(parts) > 1 and parts[1] else 2
                due = date.fromisoformat(parts[2]) if len(parts) > 2 and parts[2] else None
                tags = parts[3].split(",") if len(parts) > 3 else []
                t = todo.add(title, prio, due, tags=tags)
                print("added", t)
            elif cmd == "done":
                todo.complete(int(rest))
                print("completed #%s" % rest)
            elif cmd == "list":
                for t in todo.pending():
                    print("  ", t)
            elif cmd == "tags":
                print(todo.by_tag())
            elif cmd == "dump":
                print(json.dumps([t.to_dict() for t in todo.tasks.values()], indent=None))
            else:
                print("line %d: unknown command %r" % (n, cmd), file=sys.stderr)
        except (ValueError, LookupError) as e:
            print("line %d: %s: %s" % (n, e.__class__.__name__, e))
    return todo


todo = run(sys.stdin)
restored = [Task.from_dict(d) for d in json.loads(json.dumps([t.to_dict() for t in todo.tasks.values()]))]
print(len(restored), restored[-1], Task.next_id)
