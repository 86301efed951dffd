"""io.UnsupportedOperation caught by name (reading a file opened for writing and the reverse)."""
import io
with open("io_tmp.txt", "w") as f:
    f.write("x")
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e, isinstance(e, OSError))
with open("io_tmp.txt") as f:
    try:
        f.write("y")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e)
import os
os.remove("io_tmp.txt")
