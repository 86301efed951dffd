#!/usr/bin/env python3
"""Nightly export job: stages its output in scratch files before publishing a summary."""
import csv
import json
import os
import shutil
import tempfile

RECORDS = [
    ("north", 1200, 3),
    ("south", 850, 5),
    ("east", 430, 2),
    ("west", 990, 7),
]


def write_lines(fh, lines):
    for line in lines:
        fh.write(line + "\n")
    return len(lines)


def stage_csv(records):
    tmp = tempfile.NamedTemporaryFile(mode="w", suffix=".csv", prefix="export_", delete=False, newline="")
    with tmp:
        writer = csv.writer(tmp)
        writer.writerow(["region", "sales", "orders"])
        for rec in records:
            writer.writerow(rec)
    print("staged csv:", os.path.basename(tmp.name).startswith("export_"), tmp.name.endswith(".csv"))
    return tmp.name


def read_back(path):
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        print("  %-6s %6s %3s" % (row["region"], row["sales"], row["orders"]))
    return rows


def scratch_text():
    with tempfile.NamedTemporaryFile("w+") as scratch:
        n = write_lines(scratch, ["alpha beta", "gamma", "delta epsilon zeta"])
        print("wrote", n, "lines at offset", scratch.tell())
        scratch.seek(0)
        print("first line:", scratch.readline().rstrip())
        words = 0
        for line in scratch:
            words += len(line.split())
        print("words after the first line:", words)
        scratch.seek(0)
        print("all:", repr(scratch.read()))
        name = scratch.name
        print("exists while open:", os.path.exists(name))
    print("exists after close:", os.path.exists(name), scratch.closed)


def scratch_binary():
    with tempfile.NamedTemporaryFile() as blob:
        print("binary mode:", blob.mode)
        blob.write(b"\x89PNG\r\n")
        blob.write(bytes(range(10)))
        blob.flush()
        print("size on disk:", os.path.getsize(blob.name))
        blob.seek(0)
        header = blob.read(4)
        print("header:", header, "rest:", blob.read())
    anon = tempfile.TemporaryFile()
    anon.write(b"anonymous")
    anon.seek(4)
    print("anonymous tail:", anon.read(), anon.tell())
    anon.close()
    spool = tempfile.SpooledTemporaryFile(max_size=1024, mode="w+")
    spool.write("spooled text\nsecond\n")
    spool.seek(0)
    print("spooled:", spool.readlines())
    spool.close()


def low_level(workdir):
    fd, path = tempfile.mkstemp(suffix=".json", dir=workdir, text=True)
    print("mkstemp in workdir:", os.path.dirname(path) == workdir, "mode:", oct(os.stat(path).st_mode & 0o777))
    with os.fdopen(fd, "w") as out:
        json.dump({"regions": [r[0] for r in RECORDS], "total": sum(r[1] for r in RECORDS)}, out, sort_keys=True)
    with open(path) as inp:
        print("json:", json.load(inp))
    fd, raw = tempfile.mkstemp(prefix="raw_", dir=workdir)
    written = os.write(fd, b"0123456789")
    os.lseek(fd, 3, os.SEEK_SET)
    print("written:", written, "read:", os.read(fd, 4))
    os.close(fd)
    try:
        os.close(fd)
    except OSError as exc:
        print("second close:", exc)
    log = os.path.join(workdir, "job.log")
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, b"start\n")
    os.close(fd)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"end\n")
    os.close(fd)
    with open(log) as fh:
        print("log:", fh.read().split())
    try:
        os.open(log, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as exc:
        print("exclusive create:", exc.errno, exc.strerror)
    print("workdir files:", sorted(n.split("_")[0] if n.startswith("raw_") else n.rsplit(".", 1)[-1] for n in os.listdir(workdir)))


def main():
    path = stage_csv(RECORDS)
    rows = read_back(path)
    os.remove(path)
    print("rows:", len(rows), "removed:", not os.path.exists(path))
    scratch_text()
    scratch_binary()
    with tempfile.TemporaryDirectory(prefix="nightly_") as workdir:
        print("workdir:", os.path.basename(workdir).startswith("nightly_"), os.path.isdir(workdir))
        low_level(workdir)
    print("workdir removed:", not os.path.exists(workdir))
    staging = tempfile.mkdtemp(suffix=".stage")
    print("staging:", staging.endswith(".stage"), os.path.dirname(staging) == tempfile.gettempdir())
    shutil.rmtree(staging)
    usage = shutil.disk_usage(tempfile.gettempdir())
    total, used, free = usage
    print("disk usage fields:", total == usage.total, used == usage.used, free == usage.free)
    print("disk usage sane:", usage.total > 0, 0 <= usage.used <= usage.total, 0 <= usage.free <= usage.total)
    try:
        shutil.disk_usage(os.path.join(tempfile.gettempdir(), "no-such-dir-for-nightly"))
    except FileNotFoundError as exc:
        print("disk usage error:", exc.errno, exc.strerror)


if __name__ == "__main__":
    main()
