"""Binary record store: struct-packed records in memory (io.BytesIO) and on disk, plus a CSV export."""
import csv
import io
import os
import struct
import tempfile

RECORD = struct.Struct("<Ih8s")
HEADER = b"REC1"


def pack_records(records):
    buf = io.BytesIO()
    buf.write(HEADER)
    for rid, delta, name in records:
        buf.write(RECORD.pack(rid, delta, name.encode("ascii")))
    return buf.getvalue()


def unpack_records(data):
    stream = io.BytesIO(data)
    magic = stream.read(4)
    if magic != HEADER:
        raise ValueError("bad magic %r" % magic)
    out = []
    while True:
        chunk = stream.read(RECORD.size)
        if not chunk:
            break
        rid, delta, raw = RECORD.unpack(chunk)
        out.append((rid, delta, raw.rstrip(b"\x00").decode("ascii")))
    return out, stream.tell()


records = [(1, -5, "alpha"), (2, 300, "beta"), (70000, 12, "gamma")]
blob = pack_records(records)
print(len(blob), blob[:4], blob[4:10].hex())
back, pos = unpack_records(blob)
print(back, pos)
try:
    unpack_records(b"XXXX")
except ValueError as exc:
    print("error:", exc)

lines = io.BytesIO(b"first line\nsecond line\nno newline")
print(lines.readline(), lines.readline(5), lines.tell())
print(lines.read(), lines.read(), lines.tell())
lines.seek(0)
for i, line in enumerate(lines):
    print(i, line, len(line))
lines.seek(0)
print(lines.readlines())
out = io.BytesIO()
print(out.write(b"abc"), out.write(bytearray(b"de")), out.getvalue(), out.tell())
out.seek(1)
out.write(b"Z")
print(out.getvalue(), out.read(), out.tell())
out.seek(0, 2)
print(out.tell(), io.BytesIO().getvalue(), io.BytesIO(b"xy").read(1))

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "records.bin")
with open(path, "wb") as fh:
    fh.write(blob)
with open(path, "rb") as fh:
    data = fh.read()
print("disk roundtrip:", data == blob, unpack_records(data)[0][-1])
csv_path = os.path.join(tmp, "records.csv")
with open(csv_path, "w", newline="") as fh:
    writer = csv.DictWriter(fh, fieldnames=["id", "delta", "name"])
    writer.writeheader()
    for rid, delta, name in back:
        writer.writerow({"id": rid, "delta": delta, "name": name})
with open(csv_path, "w", newline="", encoding="utf-8") as fh:
    plain = csv.writer(fh)
    plain.writerow(["id", "name"])
    plain.writerows([[r[0], r[2]] for r in back])
with open(csv_path, newline="") as fh:
    print(fh.read().splitlines())
notes = os.path.join(tmp, "notes.txt")
with open(notes, "w") as fh:
    fh.write("line one\nline two\n")
with open(notes, "r+") as fh:
    fh.seek(0, 2)
    print("end at", fh.tell())
    fh.write("line three\n")
with open(notes) as fh:
    print(fh.read().splitlines())
try:
    "naïve".encode("ascii")
except UnicodeEncodeError as exc:
    print("encode:", exc.encoding, exc.start, exc.end, exc.reason)
    print(exc)
try:
    b"ok\xff\xfe".decode("utf-8")
except UnicodeDecodeError as exc:
    print("decode:", exc.encoding, exc.start, exc.end, exc.reason, exc.object[exc.start:exc.end])
for name in sorted(os.listdir(tmp)):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
print("done", os.path.exists(tmp))
