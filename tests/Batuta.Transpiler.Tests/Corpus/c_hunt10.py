import os
from os import chmod, utime
from pathlib import Path


def file_modes():
    p = Path("c_hunt10_mode.txt")
    p.write_text("hello\n")
    chmod("c_hunt10_mode.txt", 0o600)
    print("mode", oct(os.stat("c_hunt10_mode.txt").st_mode & 0o777))
    p.chmod(0o644)
    st = p.stat()
    print("path stat", oct(st.st_mode & 0o777), oct(st.st_mode & 0o170000), st.st_size)
    print("owner", p.owner() == Path(".").owner())
    utime(str(p), (1000000000.5, 1234567890.25))
    print("times", os.stat(str(p)).st_mtime, os.path.getmtime(p), os.stat(p).st_atime)
    print("dir type", oct(os.stat(".").st_mode & 0o170000))
    p.unlink()
    try:
        os.stat("c_hunt10_missing.txt")
    except FileNotFoundError as e:
        print("stat missing:", e)
    try:
        os.chmod("c_hunt10_missing.txt", 0o644)
    except FileNotFoundError as e:
        print("chmod missing:", e)


def process_info():
    old = os.umask(0o077)
    print("umask", os.umask(old) == 0o077)
    print("cpu", os.cpu_count() is not None, os.cpu_count() >= 1, os.getpid() > 0)


file_modes()
process_info()
