"""Where a ledger lives: a JSON file (the default), the old tab-separated format, and CSV exports."""

import json
import os

from ledger import Ledger, LedgerError, Task, TimeEntry, task_from_dict, InvalidTask


class StorageError(LedgerError):
    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path


class Store:
    """Base class: loads a ledger from a path and saves it back."""

    kind = "store"

    def __init__(self, path: str):
        self.path = path

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r})"

    @property
    def exists(self) -> bool:
        return os.path.exists(self.path)

    def load(self, ledger: Ledger) -> int:
        if not self.exists:
            return 0
        with open(self.path) as f:
            text = f.read()
        count = 0
        for task in self.parse(text):
            ledger.insert(task)
            count += 1
        return count

    def save(self, ledger: Ledger) -> None:
        with open(self.path, "w") as f:
            f.write(self.render(ledger))

    def parse(self, text: str):
        raise NotImplementedError(self.kind)

    def render(self, ledger: Ledger) -> str:
        raise NotImplementedError(self.kind)


class TsvStore(Store):
    """The first format: one task per line, six tab-separated fields."""

    kind = "tsv"

    def parse(self, text: str):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 6:
                raise StorageError(self.path, f"line {n}: expected 6 fields, found {len(parts)}")
            task_id, status, priority, due, title, tags = parts
            try:
                yield task_from_dict({"id": task_id, "title": title, "priority": priority, "status": status, "due": due, "tags": [t for t in tags.split(",") if t]}, f"line {n}")
            except ValueError as e:
                raise StorageError(self.path, f"line {n}: {e}")

    def render(self, ledger: Ledger) -> str:
        lines = ["# task ledger"]
        for task in ledger:
            lines.append("\t".join([str(task.task_id), task.status, str(task.priority), str(task.due), task.title, ",".join(task.tags)]))
        return "\n".join(lines) + "\n"


class JsonStore(Store):
    """The current format: tasks and the time log in one JSON document."""

    kind = "json"

    def load(self, ledger: Ledger) -> int:
        count = super().load(ledger)
        if self.exists:
            with open(self.path) as f:
                data = json.loads(f.read())
            for item in data.get("log", []):
                ledger.entries.append(TimeEntry(int(item["task"]), int(item["day"]), int(item["minutes"]), str(item["note"])))
        return count

    def parse(self, text: str):
        try:
            data = json.loads(text)
        except ValueError as e:
            raise StorageError(self.path, f"not JSON ({e})")
        for i, item in enumerate(data["tasks"]):
            yield task_from_dict(item, f"task {i}")

    def render(self, ledger: Ledger) -> str:
        log = [{"task": e.task_id, "day": e.day, "minutes": e.minutes, "note": e.note} for e in ledger.entries]
        return json.dumps({"version": 2, "tasks": [t.to_dict() for t in ledger], "log": log}, indent=2) + "\n"


def csv_field(value: str) -> str:
    if any(ch in value for ch in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_split(line: str) -> list[str]:
    fields: list[str] = []
    current = ""
    quoted = False
    i = 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and line[i + 1:i + 2] == '"':
                current += '"'
                i += 1
            elif ch == '"':
                quoted = False
            else:
                current += ch
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append(current)
            current = ""
        else:
            current += ch
        i += 1
    fields.append(current)
    return fields


class CsvStore(Store):
    """A spreadsheet-friendly export (and import): a header row, then one row per task."""

    kind = "csv"
    HEADER = ["id", "title", "priority", "status", "due", "tags"]

    def parse(self, text: str):
        lines = text.splitlines()
        if not lines or csv_split(lines[0]) != self.HEADER:
            raise StorageError(self.path, "missing CSV header")
        for n, line in enumerate(lines[1:], 2):
            row = dict(zip(self.HEADER, csv_split(line)))
            if len(row) != len(self.HEADER):
                raise StorageError(self.path, f"row {n}: expected {len(self.HEADER)} fields")
            yield task_from_dict({"id": row["id"], "title": row["title"], "priority": row["priority"], "status": row["status"], "due": row["due"], "tags": row["tags"].split()}, f"row {n}")

    def render(self, ledger: Ledger) -> str:
        rows = [",".join(self.HEADER)]
        for task in ledger:
            rows.append(",".join(csv_field(v) for v in [str(task.task_id), task.title, str(task.priority), task.status, str(task.due), " ".join(task.tags)]))
        return "\n".join(rows) + "\n"


def open_store(path: str) -> Store:
    _, ext = os.path.splitext(path)
    if ext == ".json":
        return JsonStore(path)
    if ext == ".csv":
        return CsvStore(path)
    if ext in (".tsv", ".txt"):
        return TsvStore(path)
    raise StorageError(path, f"unknown ledger format {ext or '(none)'!r}")


def import_tasks(ledger: Ledger, path: str) -> list[Task]:
    """Adds the tasks of another ledger file under fresh ids; returns them."""
    other = Ledger()
    store = open_store(path)
    if not store.exists:
        raise StorageError(path, "no such file")
    try:
        store.load(other)
    except InvalidTask as e:
        raise StorageError(path, str(e))
    added = []
    for task in other:
        copy = ledger.add(task.title, task.priority, task.due, task.tags)
        if task.status != copy.status:
            ledger.set_status(copy.task_id, task.status)
        added.append(copy)
    return added
