# glob, shutil and tempfile over a scratch directory (paths printed relative to it)
import glob
import os
import shutil
import tempfile
import pathlib

with tempfile.TemporaryDirectory() as tmp:
    for name in ["b.txt", "a.txt", "c.log", ".hidden.txt"]:
        with open(os.path.join(tmp, name), "w") as f:
            f.write(name * 2)
    found = sorted(os.path.basename(p) for p in glob.glob(os.path.join(tmp, "*.txt")))
    print(found)
    print(shutil.copy(os.path.join(tmp, "a.txt"), os.path.join(tmp, "d.txt")) == os.path.join(tmp, "d.txt"))
    os.makedirs(os.path.join(tmp, "sub", "deep"))
    with open(os.path.join(tmp, "sub", "deep", "x.txt"), "w") as f:
        f.write("x")
    print(sorted(os.path.relpath(p, tmp) for p in glob.glob(os.path.join(tmp, "**", "*.txt"), recursive=True)))
    print(sorted(os.path.relpath(p, tmp) for p in glob.glob(os.path.join(tmp, "**"), recursive=True)))
    print(sorted(os.path.relpath(p, tmp) for p in glob.iglob(os.path.join(tmp, "s*", "*"))))
    print(glob.glob(os.path.join(tmp, "nothing*")), glob.escape("a[b]*?.txt"))
    moved = shutil.move(os.path.join(tmp, "b.txt"), os.path.join(tmp, "sub"))
    print(os.path.relpath(moved, tmp))
    print(sorted(os.listdir(tmp)), sorted(os.listdir(os.path.join(tmp, "sub"))))
    print(os.path.relpath(shutil.copytree(os.path.join(tmp, "sub"), os.path.join(tmp, "copy")), tmp))
    print(sorted(os.listdir(os.path.join(tmp, "copy", "deep"))))
    try:
        shutil.copytree(os.path.join(tmp, "sub"), os.path.join(tmp, "copy"))
    except FileExistsError as e:
        print("exists", e.errno)
    shutil.copytree(pathlib.Path(tmp) / "sub", pathlib.Path(tmp) / "copy", dirs_exist_ok=True)
    shutil.rmtree(os.path.join(tmp, "sub"))
    try:
        shutil.rmtree(os.path.join(tmp, "sub"))
    except FileNotFoundError as e:
        print("gone", e.errno, e.strerror)
    shutil.copyfile(pathlib.Path(tmp) / "a.txt", os.path.join(tmp, "e.txt"))
    print(sorted(os.listdir(tmp)), open(os.path.join(tmp, "d.txt")).read())
    d = tempfile.mkdtemp(prefix="job_", dir=tmp)
    print(os.path.basename(d).startswith("job_"), len(os.path.basename(d)), os.path.isdir(d))
print(os.path.exists(tmp))
t = tempfile.TemporaryDirectory(suffix="_x")
print(t.name.endswith("_x"), os.path.isdir(t.name), os.path.dirname(t.name) == tempfile.gettempdir())
t.cleanup()
print(os.path.isdir(t.name))
print(shutil.which("definitely-not-a-command-xyz"))

tmp = tempfile.mkdtemp()
open(os.path.join(tmp, "a.txt"), "w").write("a")
os.mkdir(os.path.join(tmp, "d"))
open(os.path.join(tmp, "d", "a.txt"), "w").write("b")
try:
    shutil.move(os.path.join(tmp, "a.txt"), os.path.join(tmp, "d"))
except OSError as e:
    print(type(e).__name__, str(e).replace(tmp, "T"))
try:
    shutil.copy(os.path.join(tmp, "zz.txt"), tmp)
except FileNotFoundError as e:
    print(str(e).replace(tmp, "T"))
try:
    shutil.copyfile(os.path.join(tmp, "d", "a.txt"), os.path.join(tmp, "d", "a.txt"))
except shutil.SameFileError:
    print("same file")
try:
    shutil.move(os.path.join(tmp, "a.txt"), os.path.join(tmp, "d"))
except shutil.Error as e:
    print("shutil.Error", str(e).replace(tmp, "T"))
shutil.rmtree(tmp)
