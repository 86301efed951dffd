"""Stream capabilities of files and in-memory buffers, and io.UnsupportedOperation (an OSError and a ValueError)."""
import io
import os
import sys


def describe(stream, label):
    try:
        fd = stream.fileno()
        where = "fd %d" % fd
    except (OSError, ValueError) as exc:
        where = "no fd (%s: %s)" % (type(exc).__name__, exc)
    print("%-8s %s readable=%s writable=%s seekable=%s tty=%s" % (
        label, where, stream.readable(), stream.writable(), stream.seekable(), stream.isatty()))


def has_real_fd(stream):
    try:
        stream.fileno()
    except ValueError:
        return False
    return True


class ReadOnlySink:
    """A legacy stream stand-in that refuses writes the way io does."""

    def write(self, text):
        raise io.UnsupportedOperation("sink is read-only")


def main():
    text = io.StringIO()
    text.write("report line\n")
    print(type(text).__name__, type(text))
    describe(text, "StringIO")
    print("real fd?", has_real_fd(text))
    try:
        text.fileno()
    except OSError as exc:
        print("as OSError:", type(exc).__name__, exc, isinstance(exc, ValueError))
    try:
        text.fileno()
    except io.UnsupportedOperation as exc:
        print("as UnsupportedOperation:", exc)

    data = io.BytesIO(b"\x00\x01binary")
    print(type(data).__name__)
    describe(data, "BytesIO")

    with open("io_streams_hunt13.txt", "w") as out:
        describe(out, "writer")
        with open("io_streams_hunt13.bin", "wb") as other:
            print("second file fd:", other.fileno())
            other.write(b"abc")
        out.write("first\nsecond\n")
    with open("io_streams_hunt13.txt", "w") as again:
        print("reopened fd:", again.fileno())
        again.write("first\nsecond\n")

    with open("io_streams_hunt13.txt") as src:
        describe(src, "reader")
        try:
            src.write("more")
        except io.UnsupportedOperation as exc:
            print("write on reader:", exc)
        try:
            src.write("more")
        except OSError as exc:
            print("write on reader as OSError:", type(exc).__name__, exc)
        print(src.read().split())

    with open("io_streams_hunt13.bin", "rb") as raw:
        try:
            raw.write(b"x")
        except ValueError as exc:
            print("binary write on reader:", type(exc).__name__, exc)
        print(raw.read())

    with open("io_streams_hunt13.txt", "a") as log:
        try:
            log.read()
        except io.UnsupportedOperation as exc:
            print("read on appender:", exc)

    closed = io.StringIO("gone")
    closed.close()
    try:
        closed.read()
    except ValueError as exc:
        print("closed StringIO:", exc)

    for attempt in ("first", "second"):
        try:
            ReadOnlySink().write(attempt)
        except ValueError as exc:
            print("sink refused", attempt, "as ValueError:", exc, isinstance(exc, OSError))

    print("std fds:", sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
    os.remove("io_streams_hunt13.txt")
    os.remove("io_streams_hunt13.bin")


main()
