"""taskledger: a small task manager CLI. Run `main.py --help`."""

import argparse
import json
import sys

from ledger import Ledger, LedgerError, TaskNotFound, StatusError, Minutes, STATUSES
from report import render_report, render_timesheet, render_history, progress_bar, table
from storage import StorageError, open_store, import_tasks

SORT_ORDERS = ["id", "priority", "due", "title"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="taskledger", description="Keep a ledger of tasks in a JSON file.")
    parser.add_argument("--file", default="tasks.json", help="ledger file (.json, .tsv or .csv)")
    parser.add_argument("--today", type=int, default=0, help="today's day number (for overdue tasks)")
    sub = parser.add_subparsers(dest="command")
    add = sub.add_parser("add", help="add a task")
    add.add_argument("title")
    add.add_argument("--priority", type=int, default=2, choices=[1, 2, 3])
    add.add_argument("--due", type=int, default=0)
    add.add_argument("--tag", action="append")
    for name in ("done", "drop", "reopen", "remove"):
        cmd = sub.add_parser(name, help=f"{name} a task")
        cmd.add_argument("task_id", type=int)
    edit = sub.add_parser("edit", help="change a task's title, priority or due day")
    edit.add_argument("task_id", type=int)
    edit.add_argument("--title")
    edit.add_argument("--priority", type=int)
    edit.add_argument("--due", type=int)
    for name in ("tag", "untag"):
        cmd = sub.add_parser(name, help=f"{name} a task with one or more names")
        cmd.add_argument("task_id", type=int)
        cmd.add_argument("names", nargs="+")
    lst = sub.add_parser("list", help="list tasks")
    lst.add_argument("--status", default="open", choices=STATUSES + ["all"])
    lst.add_argument("--tag", default="")
    lst.add_argument("--sort", default="id", choices=SORT_ORDERS)
    search = sub.add_parser("search", help="tasks whose title or tags contain every word")
    search.add_argument("words", nargs="+")
    log = sub.add_parser("log", help="log time spent on a task (90, 45m, 1h30m)")
    log.add_argument("task_id", type=int)
    log.add_argument("duration")
    log.add_argument("note", nargs="?", default="")
    sheet = sub.add_parser("timesheet", help="time logged, grouped")
    sheet.add_argument("--by", default="task", choices=["task", "tag", "priority"])
    sub.add_parser("stats", help="counts by status and tag")
    sub.add_parser("report", help="a printable report")
    history = sub.add_parser("history", help="what changed in this session")
    history.add_argument("--last", type=int, default=0)
    export = sub.add_parser("export", help="write the ledger in another format")
    export.add_argument("--format", default="json", choices=["json", "csv", "tsv"])
    export.add_argument("--output", help="file to write (default: print)")
    imp = sub.add_parser("import", help="add the tasks of another ledger file")
    imp.add_argument("path")
    sub.add_parser("batch", help="run commands read from stdin, one per line")
    return parser


def command_add(ledger: Ledger, args) -> str:
    tags = args.tag if args.tag else []
    task = ledger.add(args.title, args.priority, args.due, tags)
    return f"added {task}"


def command_status(ledger: Ledger, command: str, task_id: int) -> str:
    status = {"done": "done", "drop": "dropped", "reopen": "open"}[command]
    task = ledger.set_status(task_id, status)
    return f"{task} is now {task.status}"


def command_edit(ledger: Ledger, args) -> str:
    changes = ledger.edit(args.task_id, args.title, args.priority, args.due)
    if not changes:
        return f"#{args.task_id} unchanged"
    return f"edited #{args.task_id}:\n" + "\n".join(f"  {c}" for c in changes)


def command_tag(ledger: Ledger, task_id: int, names: list[str], untag: bool) -> str:
    names = [name.removeprefix("#").lower() for name in names]
    task = ledger.retag(task_id, [] if untag else names, names if untag else [])
    return f"{task}: tags {', '.join(task.tags) if task.tags else '(none)'}"


def command_list(ledger: Ledger, status: str, tag: str, sort: str) -> str:
    tasks = list(ledger.iter_tasks(status, tag))
    # Tasks come in id order and sorts are stable: equal keys stay in id order.
    if sort == "priority":
        tasks.sort(key=lambda t: t.sort_key())
    elif sort == "due":
        tasks.sort(key=lambda t: t.due or 10 ** 6)
    elif sort == "title":
        tasks.sort(key=lambda t: t.title.lower())
    if not tasks:
        return f"no {status} tasks" + (f" tagged {tag}" if tag else "")
    return "\n".join(task.describe() for task in tasks)


def command_search(ledger: Ledger, words: list[str]) -> str:
    found = [f"{task.describe()}" for task in ledger.search(words)]
    noun = "match" if len(found) == 1 else "matches"
    return "\n".join(found + [f"{len(found)} {noun} for {' '.join(words)!r}"])


def command_log(ledger: Ledger, args, today: int) -> str:
    try:
        minutes = Minutes.parse(args.duration)
    except ValueError as e:
        raise LedgerError(f"bad duration {args.duration!r}: {e}")
    entry = ledger.log_time(args.task_id, today, minutes, args.note)
    total = ledger.time_spent()[entry.task_id]
    return f"logged {minutes} on #{entry.task_id} (total {total})"


def command_stats(ledger: Ledger) -> str:
    stats = ledger.stats()
    out = [f"{name:>8}: {count}" for name, count in stats.items()]
    out.append("progress: " + progress_bar(stats["done"], stats["total"], 20))
    tags = ledger.tag_counts()
    for tag, count in sorted(tags.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"  #{tag}: {count}")
    spent = ledger.time_spent()
    if spent:
        busiest = max(spent, key=lambda task_id: spent[task_id])
        out.append(f"most time: #{busiest} ({spent[busiest]})")
    return "\n".join(out)


def command_export(ledger: Ledger, fmt: str, output: str | None) -> str:
    store = open_store(output if output else f"export.{fmt}")
    if output is None:
        return store.render(ledger).rstrip("\n")
    store.save(ledger)
    with open(output) as f:
        size = len(f.read())
    return f"wrote {len(ledger)} task(s) to {output} ({size} characters)"


def command_import(ledger: Ledger, path: str) -> str:
    added = import_tasks(ledger, path)
    rows = [[str(t.task_id), t.title, t.status, str(t.due)] for t in added]
    return "\n".join([f"imported {len(added)} task(s) from {path}"] + table(["id", "title", "status", "due"], rows))


def run(ledger: Ledger, args, today: int) -> str:
    command = args.command
    match command:
        case "add":
            return command_add(ledger, args)
        case "done" | "drop" | "reopen":
            return command_status(ledger, command, args.task_id)
        case "remove":
            task = ledger.remove(args.task_id)
            return f"removed {task}"
        case "edit":
            return command_edit(ledger, args)
        case "tag" | "untag":
            return command_tag(ledger, args.task_id, args.names, command == "untag")
        case "list":
            return command_list(ledger, args.status, args.tag, args.sort)
        case "search":
            return command_search(ledger, args.words)
        case "log":
            return command_log(ledger, args, today)
        case "timesheet":
            return render_timesheet(ledger, args.by)
        case "stats":
            return command_stats(ledger)
        case "report":
            return render_report(ledger, today)
        case "history":
            return "\n".join(render_history(ledger.events, args.last)) or "nothing changed yet"
        case "export":
            return command_export(ledger, args.format, args.output)
        case "import":
            return command_import(ledger, args.path)
    return "nothing to do (try --help)"


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


def read_commands(stream):
    """Yields (line number, words) for each command line, skipping blanks and comments."""
    for number, line in enumerate(stream, 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, split_words(line)


def run_batch(parser: argparse.ArgumentParser, ledger: Ledger, today: int) -> int:
    failures: dict[str, int] = {}
    for number, words in read_commands(sys.stdin):
        print(f"> {' '.join(words)}")
        try:
            args = parser.parse_args(words)
            print(run(ledger, args, today))
        except TaskNotFound as e:
            failures["not found"] = failures.get("not found", 0) + 1
            print(f"error: {e} (line {number})")
        except StatusError as e:
            failures["status"] = failures.get("status", 0) + 1
            print(f"error: {e} (it is {e.status})")
        except LedgerError as e:
            failures[type(e).__name__] = failures.get(type(e).__name__, 0) + 1
            print(f"error: {e}")
        except SystemExit as e:
            failures["usage"] = failures.get("usage", 0) + 1
            print(f"error: bad command on line {number} (exit status {e.code})")
    if failures:
        print("failures: " + ", ".join(f"{kind}={count}" for kind, count in sorted(failures.items())))
    return sum(failures.values())


def main() -> int:
    parser = build_parser()
    args = parser.parse_args()
    ledger = Ledger()
    try:
        store = open_store(args.file)
        loaded = store.load(ledger)
    except LedgerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"ledger {args.file}: {loaded} task(s)")
    if args.command == "batch":
        failures = run_batch(parser, ledger, args.today)
    else:
        try:
            print(run(ledger, args, args.today))
        except LedgerError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        failures = 0
    if ledger.changed:
        store.save(ledger)
        summary = {"tasks": len(ledger), "logged": len(ledger.entries), "failures": failures}
        print(f"saved {store!r}: {json.dumps(summary, sort_keys=True)}")
    return 1 if failures > 10 else 0


if __name__ == "__main__":
    sys.exit(main())
