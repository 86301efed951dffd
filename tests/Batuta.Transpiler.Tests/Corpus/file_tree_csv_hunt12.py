"""Write a small tree of files, walk it, summarise with csv, and read it back."""
import os
import csv
import shutil
import io

root = "work_tree"
if os.path.exists(root):
    shutil.rmtree(root)
os.makedirs(os.path.join(root, "a", "b"))
os.mkdir(os.path.join(root, "c"))
files = {"a/one.txt": "alpha\nbeta\n", "a/b/two.log": "x" * 50, "c/three.txt": "", "top.md": "# title\n\ntext\n"}
for rel, content in files.items():
    with open(os.path.join(root, *rel.split("/")), "w") as fh:
        fh.write(content)
rows = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for fn in sorted(filenames):
        path = os.path.join(dirpath, fn)
        base, ext = os.path.splitext(fn)
        with open(path) as fh:
            lines = fh.readlines()
        rows.append([os.path.relpath(path, root).replace(os.sep, "/"), ext or "-", os.path.getsize(path), len(lines)])
with open(os.path.join(root, "summary.csv"), "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["path", "ext", "bytes", "lines"])
    w.writerows(rows)
with open(os.path.join(root, "summary.csv")) as fh:
    reader = csv.DictReader(fh)
    for rec in reader:
        print("%(path)-14s %(ext)4s %(bytes)5s %(lines)3s" % rec)
print(sorted(os.listdir(root)), os.path.isfile(os.path.join(root, "top.md")), os.path.isdir(os.path.join(root, "a")))
with open(os.path.join(root, "top.md"), "a") as fh:
    print("appended", file=fh)
with open(os.path.join(root, "top.md")) as fh:
    first = fh.readline()
    rest = fh.read()
print(repr(first), repr(rest))
with open(os.path.join(root, "a", "one.txt"), "r+") as fh:
    data = fh.read()
    fh.seek(0)
    fh.write(data.upper())
    fh.truncate()
print(open(os.path.join(root, "a", "one.txt")).read().split())
buf = io.StringIO()
csv.writer(buf, delimiter=";", quoting=csv.QUOTE_NONNUMERIC).writerow(["a;b", 1, 2.5, None])
print(repr(buf.getvalue()))
os.rename(os.path.join(root, "c", "three.txt"), os.path.join(root, "c", "3.txt"))
print(os.listdir(os.path.join(root, "c")), os.path.exists(os.path.join(root, "c", "three.txt")))
try:
    open(os.path.join(root, "missing.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename.replace(os.sep, "/"))
try:
    os.mkdir(root)
except FileExistsError as e:
    print("FileExistsError:", e.strerror)
shutil.rmtree(root)
print(os.path.exists(root))
