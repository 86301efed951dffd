"""Binary record packer: memoryview slices over a bytearray buffer, str(bytes, encoding), file encodings."""
import hashlib
import struct
import sys

RECORD = struct.Struct("<IH")


def pack_records(items):
    buf = bytearray(RECORD.size * len(items) + 8)
    view = memoryview(buf)
    offset = 0
    for ident, qty in items:
        RECORD.pack_into(buf, offset, ident, qty)
        offset += RECORD.size
    view[offset:offset + 4] = b"END!"
    view[-1] = 0x7E
    return buf, view


def main():
    buf, view = pack_records([(1, 10), (70000, 3), (42, 65535)])
    print(len(view), view.nbytes, view.readonly, view[0], view[-1])
    print(bytes(view[:RECORD.size]), view[RECORD.size:2 * RECORD.size].hex(), view[-4:].tolist())
    for i in range(3):
        chunk = view[i * RECORD.size:(i + 1) * RECORD.size]
        print(i, RECORD.unpack(chunk.tobytes()), sum(chunk))
    with open("records.bin", "wb") as f:
        f.write(view[:12])
        f.write(memoryview(b"|tail"))
    with open("records.bin", "rb") as f:
        print(f.read())
    print(hashlib.md5(view[:12]).hexdigest())
    print(b"".join([view[18:22], b"-", memoryview(b"ok")]))
    print(bytearray(view[18:22]), bytes(view[::6]), view[::-6].tobytes())
    print(view == buf, view[18:22] == b"END!")

    data = b"caf\xc3\xa9"
    print(str(data, "utf-8"), str(b"caf\xe9", "latin-1"), str(b"caf\xe9", encoding="utf-8", errors="replace"))
    try:
        str("text", "utf-8")
    except TypeError as e:
        print("TypeError:", e)
    print(sys.stdout.encoding)
    with open("x.txt", "w", encoding="latin-1") as f:
        print(f.encoding, f.mode, f.name)
        f.write("\u00e9\n")
    with open("x.txt") as f:
        print(f.encoding)
    with open("x.txt", encoding="utf-8", errors="replace") as f:
        print(repr(f.read()))
    b = bytearray(b"\xe9t\xe9")
    print(b.decode("latin-1"), b.decode("utf-8", errors="replace"), b.decode(encoding="cp1252"))
    print("x\u00e9".encode(errors="strict", encoding="latin-1"), bytearray("\u00e9", "utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
