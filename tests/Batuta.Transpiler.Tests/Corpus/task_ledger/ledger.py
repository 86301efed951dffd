"""Task ledger: tasks, priorities, tags, due days and time logged against them."""

from dataclasses import dataclass, field


class LedgerError(Exception):
    """Base class of the ledger's own errors."""


class TaskNotFound(LedgerError):
    def __init__(self, task_id: int):
        super().__init__(f"no task with id {task_id}")
        self.task_id = task_id


class InvalidTask(LedgerError):
    pass


class StatusError(LedgerError):
    def __init__(self, task_id: int, status: str, wanted: str):
        super().__init__(f"task {task_id} is {status}, cannot mark it {wanted}")
        self.status = status
        self.wanted = wanted


PRIORITY_NAMES = {1: "high", 2: "normal", 3: "low"}
STATUSES = ["open", "done", "dropped"]
TRANSITIONS = {"open": ["done", "dropped"], "done": ["open"], "dropped": ["open"]}


class Minutes:
    """A duration in whole minutes: adds up, compares and prints as `1h 05m`."""

    def __init__(self, total: int = 0):
        if total < 0:
            raise ValueError(f"negative duration: {total}")
        self.total = total

    @property
    def hours(self) -> int:
        return self.total // 60

    def __add__(self, other: "Minutes") -> "Minutes":
        return Minutes(self.total + other.total)

    def __lt__(self, other: "Minutes") -> bool:
        return self.total < other.total

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Minutes) and self.total == other.total

    def __hash__(self) -> int:
        return hash(self.total)

    def __bool__(self) -> bool:
        return self.total > 0

    def __str__(self) -> str:
        if self.total < 60:
            return f"{self.total}m"
        return f"{self.hours}h {self.total % 60:02d}m"

    def __repr__(self) -> str:
        return f"Minutes({self.total})"

    @classmethod
    def parse(cls, text: str) -> "Minutes":
        """'90', '90m', '1h30m' or '2h' -> Minutes."""
        text = text.strip().lower()
        if not text:
            raise ValueError("empty duration")
        hours = 0
        if "h" in text:
            head, _, text = text.partition("h")
            hours = int(head)
        text = text.removesuffix("m")
        return cls(hours * 60 + (int(text) if text else 0))


@dataclass
class TimeEntry:
    task_id: int
    day: int
    minutes: int
    note: str = ""


@dataclass
class Task:
    task_id: int
    title: str
    priority: int = 2
    status: str = "open"
    due: int = 0
    tags: list[str] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def priority_name(self) -> str:
        return PRIORITY_NAMES.get(self.priority, "?")

    def is_overdue(self, today: int) -> bool:
        return self.is_open and self.due > 0 and self.due < today

    def sort_key(self) -> tuple[int, int, int]:
        return (self.priority, self.due or 10 ** 6, self.task_id)

    def to_dict(self) -> dict:
        return {"id": self.task_id, "title": self.title, "priority": self.priority, "status": self.status, "due": self.due, "tags": self.tags}

    def describe(self) -> str:
        mark = "x" if self.status == "done" else "-" if self.status == "dropped" else " "
        due = f" due:{self.due}" if self.due else ""
        tags = f" [{', '.join(self.tags)}]" if self.tags else ""
        return f"[{mark}] #{self.task_id:<3} {self.title:<28} {self.priority_name:<6}{due}{tags}"

    def __str__(self) -> str:
        return f"#{self.task_id} {self.title}"


def check_priority(priority: int) -> int:
    if priority not in PRIORITY_NAMES:
        raise InvalidTask(f"priority must be 1, 2 or 3, not {priority}")
    return priority


def task_from_dict(data: dict, where: str) -> Task:
    try:
        task = Task(int(data["id"]), str(data["title"]), int(data["priority"]), str(data["status"]), int(data["due"]), [str(t) for t in data["tags"]])
    except KeyError as e:
        raise InvalidTask(f"{where}: missing field {e}")
    if task.status not in STATUSES:
        raise InvalidTask(f"{where}: unknown status {task.status!r}")
    check_priority(task.priority)
    return task


class Ledger:
    """The tasks by id, the time log and an audit trail of what changed."""

    def __init__(self):
        self.tasks: dict[int, Task] = {}
        self.entries: list[TimeEntry] = []
        self.events: list[str] = []
        self.next_id = 1
        self.changed = False

    def __len__(self) -> int:
        return len(self.tasks)

    def __contains__(self, task_id: int) -> bool:
        return task_id in self.tasks

    def __iter__(self):
        for task_id in sorted(self.tasks):
            yield self.tasks[task_id]

    def __getitem__(self, task_id: int) -> Task:
        if task_id not in self.tasks:
            raise TaskNotFound(task_id)
        return self.tasks[task_id]

    def record(self, message: str) -> None:
        self.events.append(message)
        self.changed = True

    def insert(self, task: Task) -> Task:
        if task.task_id in self.tasks:
            raise InvalidTask(f"duplicate task id {task.task_id}")
        self.tasks[task.task_id] = task
        self.next_id = max(self.next_id, task.task_id + 1)
        return task

    def add(self, title: str, priority: int, due: int, tags: list[str]) -> Task:
        title = title.strip()
        if not title:
            raise InvalidTask("a task needs a title")
        task = Task(self.next_id, title, check_priority(priority), "open", due, sorted(set(tags)))
        self.insert(task)
        self.record(f"add #{task.task_id}")
        return task

    def edit(self, task_id: int, title: str | None, priority: int | None, due: int | None) -> list[str]:
        task = self[task_id]
        changes = []
        if title is not None and title.strip() != task.title:
            changes.append(f"title {task.title!r} -> {title.strip()!r}")
            task.title = title.strip()
        if priority is not None and priority != task.priority:
            changes.append(f"priority {task.priority_name} -> {PRIORITY_NAMES[check_priority(priority)]}")
            task.priority = priority
        if due is not None and due != task.due:
            changes.append(f"due {task.due or '-'} -> {due or '-'}")
            task.due = due
        if changes:
            self.record(f"edit #{task_id}: " + "; ".join(changes))
        return changes

    def set_status(self, task_id: int, status: str) -> Task:
        task = self[task_id]
        if status not in TRANSITIONS[task.status]:
            raise StatusError(task_id, task.status, status)
        task.status = status
        self.record(f"{status} #{task_id}")
        return task

    def retag(self, task_id: int, add: list[str], remove: list[str]) -> Task:
        task = self[task_id]
        tags = (set(task.tags) | set(add)) - set(remove)
        task.tags = sorted(tags)
        self.record(f"tags #{task_id}: {' '.join(task.tags) or '(none)'}")
        return task

    def remove(self, task_id: int) -> Task:
        task = self[task_id]
        del self.tasks[task_id]
        self.entries = [e for e in self.entries if e.task_id != task_id]
        self.record(f"remove #{task_id}")
        return task

    def log_time(self, task_id: int, day: int, minutes: Minutes, note: str) -> TimeEntry:
        task = self[task_id]
        if not task.is_open:
            raise StatusError(task_id, task.status, "worked on")
        if not minutes:
            raise InvalidTask("log at least one minute")
        entry = TimeEntry(task_id, day, minutes.total, note)
        self.entries.append(entry)
        self.record(f"log #{task_id} {minutes}")
        return entry

    def iter_tasks(self, status: str = "all", tag: str = ""):
        for task in self:
            if status != "all" and task.status != status:
                continue
            if tag and tag not in task.tags:
                continue
            yield task

    def search(self, words: list[str]):
        wanted = [w.lower() for w in words]
        for task in self:
            text = (task.title + " " + " ".join(task.tags)).lower()
            if all(w in text for w in wanted):
                yield task

    def overdue(self, today: int):
        for task in self.iter_tasks("open"):
            if task.is_overdue(today):
                yield task

    def time_spent(self) -> dict[int, Minutes]:
        spent: dict[int, Minutes] = {}
        for entry in self.entries:
            spent[entry.task_id] = spent.get(entry.task_id, Minutes()) + Minutes(entry.minutes)
        return spent

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
