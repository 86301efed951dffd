"""Printable reports over a ledger."""

from ledger import Ledger, Task, Minutes, PRIORITY_NAMES


def progress_bar(done: int, total: int, width: int) -> str:
    if total == 0:
        return "[" + " " * width + "] n/a"
    filled = round(width * done / total)
    return "[" + "#" * filled + "." * (width - filled) + f"] {100 * done / total:.1f}%"


def by_priority(tasks: list[Task]) -> dict[str, list[Task]]:
    groups: dict[str, list[Task]] = {}
    for task in sorted(tasks, key=lambda t: t.sort_key()):
        groups.setdefault(task.priority_name, []).append(task)
    return groups


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned text columns, numbers right-aligned, with a rule under the header."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    def line(cells: list[str]) -> str:
        parts = []
        for cell, width in zip(cells, widths):
            parts.append(cell.rjust(width) if cell.isdigit() else cell.ljust(width))
        return "  ".join(parts).rstrip()
    out = [line(headers), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in rows)
    return out


def render_report(ledger: Ledger, today: int) -> str:
    open_tasks = list(ledger.iter_tasks("open"))
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


def render_timesheet(ledger: Ledger, by: str) -> str:
    if not ledger.entries:
        return "no time logged"
    totals: dict[str, Minutes] = {}
    days: dict[str, set[int]] = {}
    for entry in ledger.entries:
        task = ledger.tasks.get(entry.task_id)
        if task is None:
            continue
        if by == "tag":
            keys = task.tags or ["(untagged)"]
        elif by == "priority":
            keys = [PRIORITY_NAMES[task.priority]]
        else:
            keys = [str(task)]
        for key in keys:
            totals[key] = totals.get(key, Minutes()) + Minutes(entry.minutes)
            days.setdefault(key, set()).add(entry.day)
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1].total, kv[0]))
    rows = [[key, str(spent), str(len(days[key]))] for key, spent in ranked]
    grand = sum(e.minutes for e in ledger.entries if e.task_id in ledger)
    lines = table([by, "time", "days"], rows)
    lines.append(f"total {Minutes(grand)} over {len(ledger.entries)} entr{'y' if len(ledger.entries) == 1 else 'ies'}")
    return "\n".join(lines)


def render_history(events: list[str], last: int):
    start = max(0, len(events) - last) if last else 0
    for number, event in enumerate(events[start:], start + 1):
        yield f"{number:>3}. {event}"
