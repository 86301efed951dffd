"""Chunked compression with zlib.compressobj/decompressobj: zlib, gzip and raw containers, trailing data, errors."""
import zlib

BLOCK = 1000


def make_payload():
    rows = []
    for i in range(300):
        rows.append(b"%05d,sensor-%d,%.3f,OK\n" % (i, i % 7, (i * 37 % 101) / 7.0))
    return b"".join(rows)


def compress_chunks(payload, level=zlib.Z_DEFAULT_COMPRESSION, wbits=zlib.MAX_WBITS):
    comp = zlib.compressobj(level, zlib.DEFLATED, wbits)
    parts = []
    for start in range(0, len(payload), BLOCK):
        parts.append(comp.compress(payload[start:start + BLOCK]))
    parts.append(comp.flush())
    return b"".join(parts)


def decompress_chunks(blob, wbits=zlib.MAX_WBITS, step=97):
    dec = zlib.decompressobj(wbits)
    out = []
    for start in range(0, len(blob), step):
        out.append(dec.decompress(blob[start:start + step]))
    out.append(dec.flush())
    return b"".join(out), dec


def main():
    payload = make_payload()
    print("payload", len(payload), "bytes, crc32", zlib.crc32(payload), "adler32", zlib.adler32(payload))

    for level in (0, 1, 6, 9):
        blob = compress_chunks(payload, level)
        restored, dec = decompress_chunks(blob)
        print("level", level, "header", blob[:2].hex(), "round trip", restored == payload, "eof", dec.eof)

    gz = compress_chunks(payload, 6, 16 + zlib.MAX_WBITS)
    print("gzip magic", gz[:3].hex(), "os byte", gz[9])
    restored, dec = decompress_chunks(gz, 16 + zlib.MAX_WBITS)
    print("gzip round trip", restored == payload, dec.eof)
    print("auto-detected gzip", zlib.decompress(gz, 32 + zlib.MAX_WBITS) == payload)

    raw = compress_chunks(payload, 9, -zlib.MAX_WBITS)
    print("raw round trip", zlib.decompress(raw, -zlib.MAX_WBITS) == payload)
    restored, dec = decompress_chunks(raw, -15, step=500)
    print("raw chunked", len(restored), dec.eof)

    blob = zlib.compress(payload)
    dec = zlib.decompressobj()
    head = dec.decompress(blob[:40])
    print("partial eof", dec.eof, "so far <= total", len(head) <= len(payload))
    tail = dec.decompress(blob[40:] + b"NEXT-MESSAGE")
    print("joined", len(head) + len(tail), "eof", dec.eof, "unused", dec.unused_data)
    print("after end", dec.decompress(b"more"), dec.unused_data, dec.unconsumed_tail)

    small = zlib.compressobj()
    print("first compress gives the header", small.compress(b"tiny"))
    print("empty streams", zlib.compress(b"").hex(), zlib.compress(b"", 9).hex(), zlib.compress(b"", 0).hex())
    print("empty via object", zlib.compressobj().flush().hex())

    sync = zlib.compressobj()
    first = sync.compress(b"part one|") + sync.flush(zlib.Z_SYNC_FLUSH)
    dec = zlib.decompressobj()
    print("after sync flush", dec.decompress(first), dec.eof)
    rest = sync.compress(b"part two") + sync.flush()
    print("after finish", dec.decompress(rest), dec.eof)

    for bad, wbits in ((b"not compressed data", 15), (b"\x1f\x8bxx" + b"\x00" * 8, 31)):
        try:
            zlib.decompressobj(wbits).decompress(bad)
        except zlib.error as exc:
            print("error:", exc)
    corrupt = bytearray(zlib.compress(payload))
    corrupt[-1] ^= 0xFF
    try:
        zlib.decompressobj().decompress(bytes(corrupt))
    except zlib.error as exc:
        print("error:", exc)
    try:
        zlib.compressobj(12)
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        zlib.compress(payload, 12)
    except zlib.error as exc:
        print("error:", exc)
    try:
        zlib.decompressobj(99)
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        zlib.decompress(raw[:50], -15)
    except zlib.error as exc:
        print("error:", exc)


if __name__ == "__main__":
    main()
