"""Task ledger: tasks, priorities, tags and due days, kept in a tab-separated file."""

from dataclasses import dataclass, field


class LedgerError(Exception):
    """Base class of the ledger's own errors."""


class TaskNotFound(LedgerError):
    def __init__(self, task_id: int):
        super().__init__(f"no task with id {task_id}")
        self.task_id = task_id


class InvalidTask(LedgerError):
    pass


PRIORITY_NAMES = {1: "high", 2: "normal", 3: "low"}
STATUSES = ["open", "done", "dropped"]


@dataclass
class Task:
    task_id: int
    title: str
    priority: int = 2
    status: str = "open"
    due: int = 0
    tags: list[str] = field(default_factory=list)

    def is_open(self) -> bool:
        return self.status == "open"

    def priority_name(self) -> str:
        return PRIORITY_NAMES.get(self.priority, "?")

    def to_line(self) -> str:
        return "\t".join([str(self.task_id), self.status, str(self.priority), str(self.due), self.title, ",".join(self.tags)])

    def describe(self) -> str:
        mark = "x" if self.status == "done" else "-" if self.status == "dropped" else " "
        due = f" due:{self.due}" if self.due else ""
        tags = f" [{', '.join(self.tags)}]" if self.tags else ""
        return f"[{mark}] #{self.task_id:<3} {self.title:<28} {self.priority_name():<6}{due}{tags}"


def parse_line(line: str, line_no: int) -> Task:
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 6:
        raise InvalidTask(f"line {line_no}: expected 6 fields, found {len(parts)}")
    task_id, status, priority, due, title, tags = parts
    if status not in STATUSES:
        raise InvalidTask(f"line {line_no}: unknown status {status!r}")
    return Task(int(task_id), title, int(priority), status, int(due), [t for t in tags.split(",") if t])


class Ledger:
    def __init__(self, path: str):
        self.path = path
        self.tasks: dict[int, Task] = {}
        self.next_id = 1
        self.changed = False

    def load(self) -> int:
        try:
            with open(self.path) as f:
                for n, line in enumerate(f, 1):
                    if not line.strip() or line.startswith("#"):
                        continue
                    task = parse_line(line, n)
                    self.tasks[task.task_id] = task
                    self.next_id = max(self.next_id, task.task_id + 1)
        except FileNotFoundError:
            return 0
        return len(self.tasks)

    def save(self) -> None:
        if not self.changed:
            return
        with open(self.path, "w") as f:
            f.write("# task ledger\n")
            for task_id in sorted(self.tasks):
                f.write(self.tasks[task_id].to_line() + "\n")
        self.changed = False

    def add(self, title: str, priority: int, due: int, tags: list[str]) -> Task:
        title = title.strip()
        if not title:
            raise InvalidTask("a task needs a title")
        if priority not in PRIORITY_NAMES:
            raise InvalidTask(f"priority must be 1, 2 or 3, not {priority}")
        task = Task(self.next_id, title, priority, "open", due, sorted(set(tags)))
        self.tasks[task.task_id] = task
        self.next_id += 1
        self.changed = True
        return task

    def get(self, task_id: int) -> Task:
        if task_id not in self.tasks:
            raise TaskNotFound(task_id)
        return self.tasks[task_id]

    def set_status(self, task_id: int, status: str) -> Task:
        task = self.get(task_id)
        if task.status == status:
            raise LedgerError(f"task {task_id} is already {status}")
        task.status = status
        self.changed = True
        return task

    def remove(self, task_id: int) -> Task:
        task = self.get(task_id)
        del self.tasks[task_id]
        self.changed = True
        return task

    def iter_tasks(self, status: str, tag: str):
        for task_id in sorted(self.tasks):
            task = self.tasks[task_id]
            if status != "all" and task.status != status:
                continue
            if tag and tag not in task.tags:
                continue
            yield task

    def overdue(self, today: int):
        for task in self.iter_tasks("open", ""):
            if task.due and task.due < today:
                yield task

    def tag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for task in self.tasks.values():
            for tag in task.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return counts

    def stats(self) -> dict[str, int]:
        result = {s: 0 for s in STATUSES}
        for task in self.tasks.values():
            result[task.status] += 1
        result["total"] = len(self.tasks)
        return result
