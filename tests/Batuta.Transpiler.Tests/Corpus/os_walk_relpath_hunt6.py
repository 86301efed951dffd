# Project inventory: walk a tree (sorted, with pruning), report paths relative to the root.
import os

for d in ["proj/src/pkg", "proj/docs", "proj/.git/objects", "proj/build"]:
    os.makedirs(d, exist_ok=True)
for f in ["proj/README.md", "proj/src/main.py", "proj/src/pkg/util.py", "proj/src/pkg/__init__.py",
          "proj/docs/index.md", "proj/.git/HEAD", "proj/build/out.bin"]:
    with open(f, "w") as fh:
        fh.write("x" * len(f))

total = 0
for dirpath, dirnames, filenames in os.walk("proj"):
    dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "build")
    for name in sorted(filenames):
        path = os.path.join(dirpath, name)
        total += os.path.getsize(path)
        print(os.path.relpath(path, "proj"), os.path.relpath(path))
print("bytes:", total)

bottom_up = [(os.path.relpath(p, "proj"), sorted(d), sorted(f)) for p, d, f in os.walk("proj", topdown=False)]
for row in sorted(bottom_up):
    print(row)
print(list(os.walk("no-such-dir")))

print(os.path.relpath("proj/src/pkg", "proj/docs"))
print(os.path.relpath("proj", "proj"))
print(os.path.relpath("a/b/../c", "a"))
print(os.path.commonprefix(["proj/src/main.py", "proj/src/pkg/util.py"]))
print(os.path.commonprefix([]))
print(os.path.commonpath(["proj/src/main.py", "proj/src/pkg/util.py", "proj/srcx"]))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]))
try:
    os.path.relpath("")
except ValueError as exc:
    print("ValueError:", exc)
try:
    os.path.commonpath(["/a", "b"])
except ValueError as exc:
    print("ValueError:", exc)
