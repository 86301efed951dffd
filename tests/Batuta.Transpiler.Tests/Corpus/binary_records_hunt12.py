"""Binary records with struct, checksums, base64 and int/bytes conversions."""
import struct, base64, binascii, hashlib

RECORD = struct.Struct("<HiQ8sd")
records = [(1, -5, 2 ** 40, b"alpha", 3.25), (65535, 2 ** 31 - 1, 0, b"omega!!!", -0.5)]
blob = b"".join(RECORD.pack(*r) for r in records)
print(RECORD.size, len(blob), blob[:12].hex(), binascii.hexlify(blob[-8:]))
for off in range(0, len(blob), RECORD.size):
    rid, delta, big, name, val = RECORD.unpack_from(blob, off)
    print(rid, delta, big, name.rstrip(b"\0").decode(), val)
print(struct.unpack(">I", b"\x00\x00\x01\x00"), struct.pack(">hH", -2, 2), struct.calcsize("@i2xq"))
enc = base64.b64encode(blob[:10])
print(enc, base64.b64decode(enc) == blob[:10], base64.urlsafe_b64encode(b"\xfb\xff"), base64.b16encode(b"hi"), base64.b32encode(b"hi"))
n = 0xDEADBEEF
print(n.to_bytes(4, "big"), n.to_bytes(6, "little"), int.from_bytes(b"\x01\x02", "big"), int.from_bytes(b"\xff\xfe", "little", signed=True))
print((-1).to_bytes(2, "big", signed=True), n.bit_length(), bin(n).count("1"), (255).to_bytes(1, "big"))
ba = bytearray(b"hello")
ba[0] = ord("J")
ba.extend(b" world")
ba += b"!"
print(ba, bytes(ba).upper(), ba.find(b"o"), ba.count(b"l"), list(ba[:3]), ba.decode().title())
print(hashlib.md5(b"x").hexdigest(), hashlib.sha256(blob).hexdigest()[:16], hashlib.sha1(b"").digest()[:4])
print(bytes([65, 66, 67]), bytes(3), b"a,b,,c".split(b","), b"  x ".strip(), b"%d-%s" % (5, b"z"))
try:
    struct.unpack("<I", b"\x00\x01")
except struct.error as e:
    print("struct.error:", e)
