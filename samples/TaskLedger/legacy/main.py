"""taskledger: a small task manager CLI. Run `main.py --help`."""

import argparse
import json
import sys

from ledger import Ledger, LedgerError, TaskNotFound, Task
from report import render_report, progress_bar


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="taskledger", description="Keep a ledger of tasks in a text file.")
    parser.add_argument("--file", default="tasks.tsv", help="ledger file")
    parser.add_argument("--today", type=int, default=0, help="today's day number (for overdue tasks)")
    sub = parser.add_subparsers(dest="command")
    add = sub.add_parser("add", help="add a task")
    add.add_argument("title")
    add.add_argument("--priority", type=int, default=2, choices=[1, 2, 3])
    add.add_argument("--due", type=int, default=0)
    add.add_argument("--tag", action="append")
    done = sub.add_parser("done", help="mark a task done")
    done.add_argument("task_id", type=int)
    drop = sub.add_parser("drop", help="drop a task")
    drop.add_argument("task_id", type=int)
    remove = sub.add_parser("remove", help="remove a task")
    remove.add_argument("task_id", type=int)
    lst = sub.add_parser("list", help="list tasks")
    lst.add_argument("--status", default="open", choices=["open", "done", "dropped", "all"])
    lst.add_argument("--tag", default="")
    sub.add_parser("stats", help="counts by status and tag")
    sub.add_parser("report", help="a printable report")
    sub.add_parser("export", help="the ledger as JSON")
    sub.add_parser("batch", help="run commands read from stdin, one per line")
    return parser


def command_add(ledger: Ledger, args) -> str:
    tags = args.tag if args.tag else []
    task = ledger.add(args.title, args.priority, args.due, tags)
    return f"added #{task.task_id}: {task.title}"


def command_list(ledger: Ledger, status: str, tag: str) -> str:
    lines = [task.describe() for task in ledger.iter_tasks(status, tag)]
    if not lines:
        return f"no {status} tasks" + (f" tagged {tag}" if tag else "")
    return "\n".join(lines)


def command_stats(ledger: Ledger) -> str:
    stats = ledger.stats()
    out = [f"{name:>8}: {count}" for name, count in stats.items()]
    done = stats["done"]
    total = stats["total"]
    out.append("progress: " + progress_bar(done, total, 20))
    tags = ledger.tag_counts()
    for tag, count in sorted(tags.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  #{tag}: {count}")
    return "\n".join(out)


def command_export(ledger: Ledger) -> str:
    data = []
    for task in ledger.iter_tasks("all", ""):
        data.append({"id": task.task_id, "title": task.title, "priority": task.priority, "status": task.status, "due": task.due, "tags": task.tags})
    return json.dumps({"tasks": data, "count": len(data)}, indent=2)


def run(ledger: Ledger, args, today: int) -> str:
    command = args.command
    if command == "add":
        return command_add(ledger, args)
    if command == "done":
        return f"done #{ledger.set_status(args.task_id, 'done').task_id}"
    if command == "drop":
        return f"dropped #{ledger.set_status(args.task_id, 'dropped').task_id}"
    if command == "remove":
        task = ledger.remove(args.task_id)
        return f"removed #{task.task_id} ({task.title})"
    if command == "list":
        return command_list(ledger, args.status, args.tag)
    if command == "stats":
        return command_stats(ledger)
    if command == "report":
        return render_report(ledger, today)
    if command == "export":
        return command_export(ledger)
    return "nothing to do (try --help)"


def run_batch(parser: argparse.ArgumentParser, ledger: Ledger, today: int) -> int:
    failures = 0
    for number, line in enumerate(sys.stdin, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = split_words(line)
        print(f"> {line}")
        try:
            args = parser.parse_args(words)
            print(run(ledger, args, today))
        except TaskNotFound as e:
            failures += 1
            print(f"error: {e} (line {number})")
        except LedgerError as e:
            failures += 1
            print(f"error: {e}")
    return failures


def split_words(line: str) -> list[str]:
    words: list[str] = []
    current = ""
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


def main() -> int:
    parser = build_parser()
    args = parser.parse_args()
    ledger = Ledger(args.file)
    loaded = ledger.load()
    print(f"ledger {args.file}: {loaded} task(s)")
    if args.command == "batch":
        failures = run_batch(parser, ledger, args.today)
        ledger.save()
        print(f"{len(ledger.tasks)} task(s) saved, {failures} failure(s)")
        return 1 if failures > 2 else 0
    try:
        print(run(ledger, args, args.today))
    except LedgerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    ledger.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
