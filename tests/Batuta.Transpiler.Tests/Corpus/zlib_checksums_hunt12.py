"""zlib checksums and round trips."""
import zlib

payload = ("record %d;" * 5 % (1, 2, 3, 4, 5)).encode() * 20
print(zlib.crc32(payload), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")), hex(zlib.crc32(b"") & 0xffffffff))
print(zlib.adler32(payload), zlib.adler32(b"abc"), zlib.adler32(b"def", zlib.adler32(b"abc")))
for level in (-1, 0, 1, 6, 9):
    packed = zlib.compress(payload, level)
    print(level, zlib.decompress(packed) == payload, len(packed) < len(payload) or level == 0, packed[:2].hex() if level in (-1, 6) else "")
print(zlib.decompress(zlib.compress(b"")), zlib.decompress(bytearray(zlib.compress(b"x" * 1000)))[:5])
for bad in (b"not zlib at all", b"x"):
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("zlib.error:", e)
try:
    zlib.compress(b"x", 12)
except zlib.error as e:
    print("zlib.error:", e)
good = zlib.compress(b"some data to cut short" * 3)
for cut in (good[:-4], good[:5], good[:-1]):
    try:
        print(zlib.decompress(cut))
    except zlib.error as e:
        print("zlib.error:", e)
