import os
import os.path

p = os.path.join("data", "sub", "file.txt")
print(p, os.path.basename(p), os.path.dirname(p), os.path.splitext(p), os.path.split(p))
print(os.path.join("/abs", "x"), os.path.join("a/", "b"), os.path.normpath("a/./b/../c"))
print(os.path.exists("nope.txt"), os.path.isabs("/x"), os.path.splitext("archive.tar.gz"))
with open("tmp_created.txt", "w") as f:
    f.write("x")
print(os.path.exists("tmp_created.txt"), os.path.getsize("tmp_created.txt"))
os.remove("tmp_created.txt")
print(os.path.exists("tmp_created.txt"))
