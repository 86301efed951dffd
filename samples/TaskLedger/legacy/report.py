"""Printable reports over a ledger."""

from ledger import Ledger, Task


def progress_bar(done: int, total: int, width: int) -> str:
    if total == 0:
        return "[" + " " * width + "] n/a"
    filled = round(width * done / total)
    return "[" + "#" * filled + "." * (width - filled) + f"] {100 * done / total:.1f}%"


def by_priority(tasks: list[Task]) -> dict[str, list[Task]]:
    groups: dict[str, list[Task]] = {}
    for task in sorted(tasks, key=lambda t: (t.priority, t.due or 10 ** 6, t.task_id)):
        groups.setdefault(task.priority_name(), []).append(task)
    return groups


def render_report(ledger: Ledger, today: int) -> str:
    open_tasks = list(ledger.iter_tasks("open", ""))
    lines = ["TASK REPORT", "=" * 40]
    for name, tasks in by_priority(open_tasks).items():
        lines.append(f"{name.upper()} ({len(tasks)})")
        for task in tasks:
            lines.append("  " + task.describe())
    late = list(ledger.overdue(today))
    if late:
        lines.append("-" * 40)
        lines.append(f"overdue on day {today}: " + ", ".join(f"#{t.task_id}" for t in late))
        worst = min(late, key=lambda t: t.due)
        lines.append(f"most overdue: #{worst.task_id} by {today - worst.due} day(s)")
    stats = ledger.stats()
    lines.append("-" * 40)
    lines.append(f"open {stats['open']}, done {stats['done']}, dropped {stats['dropped']}")
    lines.append(progress_bar(stats["done"], stats["total"], 30))
    return "\n".join(lines)
