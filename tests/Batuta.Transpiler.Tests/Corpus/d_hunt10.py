import base64
import binascii
import hashlib
import struct


def attempt(label, fn):
    try:
        print(label, fn())
    except struct.error as e:
        print(label, "struct.error:", e)
    except binascii.Error as e:
        print(label, "binascii.Error:", e)
    except (ValueError, TypeError, OverflowError) as e:
        print(label, type(e).__name__ + ":", e)


# struct: byte orders, native alignment, every format character
packed = struct.pack("<IhQd", 7, -2, 2**40, 1.5)
print(packed.hex(), struct.calcsize("<IhQd"), struct.unpack("<IhQd", packed))
print(struct.pack(">H", 258), struct.unpack(">4B", b"\x01\x02\x03\x04"), struct.pack("!i", -5))
print(struct.calcsize("@bi"), struct.calcsize("@bq"), struct.calcsize("@ih"), struct.calcsize("=bi"), struct.calcsize("@c3sI"), struct.calcsize("@bP"))
print(struct.pack("@bi", 1, 2), struct.pack("<lL", -1, 2), struct.pack("@l", -1), struct.pack("nN", -3, 3))
print(struct.pack("<?c3s5p2x", 5, b"z", b"abcdef", b"ab"), struct.unpack("<?c3s5p2x", b"\x01zabc\x02ab\x00\x00\x00\x00"))
print(struct.pack(">e", 1.5), struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack(">e", b"\x3c\x00"))
print(struct.pack("<qQ", -(2**63), 2**64 - 1), struct.unpack(">qQ", struct.pack(">qQ", -9, 9)))
print(struct.pack("<i", True), struct.pack("i i", 1, 2), struct.calcsize("0s"), struct.calcsize("!"))
first, second = struct.unpack("<hH", b"\xff\xff\xff\xff")
print(first + second, type(first).__name__)
print(struct.unpack_from("<H", b"abcdef", 2), struct.unpack_from("<H", b"abcdef", offset=-2))
buf = bytearray(8)
struct.pack_into("<i", buf, 4, 99)
struct.pack_into(">h", buf, 0, -2)
print(buf, list(struct.iter_unpack("<hb", b"abcdef")))
values = [3, 4, 5]
struct.pack_into("<2h", buf, 0, *values[:2])
print(struct.pack("<3i", *values), struct.pack(">2b", *(1, -1)), buf)
layout = struct.Struct("<2H")
print(layout.size, layout.format, layout.pack(1, 2), layout.unpack(b"\x03\x00\x04\x00"))
for fmt, value in [("<h", 40000), ("<B", 256), ("<B", -1), (">H", -1), (">H", 70000), ("<i", 2**31), ("<I", -1),
                   ("<I", 2**32), ("<l", 2**31), ("@l", 2**63), ("<q", 2**63), (">Q", -1), ("<e", 1e10), ("<f", 1e40),
                   ("<i", 1.5), ("<d", "x"), ("<c", b"ab"), ("<s", 3), ("<P", 1), ("<z", 1), ("3", 1)]:
    attempt(fmt + " " + repr(value), lambda: struct.pack(fmt, value))
attempt("count", lambda: struct.pack("<ii", 1))
attempt("size", lambda: struct.unpack("<i", b"abc"))
attempt("from", lambda: struct.unpack_from("<i", b"abcdef", 4))
attempt("neg", lambda: struct.unpack_from("<i", b"abcdef", -10))
attempt("into", lambda: struct.pack_into("<i", bytearray(8), 6, 5))
attempt("iter", lambda: list(struct.iter_unpack("<i", b"abcde")))

# base64 and binascii
data = "héllo wörld".encode("utf-8")
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data, base64.b64decode("YWJj"))
print(base64.urlsafe_b64encode(b"\xff\xfe\xfd"), base64.urlsafe_b64decode(b"__79"), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
print(base64.standard_b64encode(b"x"), base64.standard_b64decode(b"eA=="), base64.b64decode(b"-_8=", altchars=b"-_"))
print(base64.b32encode(b"abcdefg"), base64.b32decode(b"MFRGGZA="), base64.b32decode(b"mfrgg===", casefold=True))
print(base64.b16encode(b"ab\xff"), base64.b16decode(b"6162FF"), base64.b16decode(b"6a", casefold=True))
print(base64.b64decode(b"YW Jj\n"), base64.b64decode(b"YWJjZA==garbage"), base64.b64encode(bytearray(b"ba")))
for text in [b"YWJ", b"Y", b"YW=j", b"=YWJj", b"YW Jj", b"YWJjZA==YQ=="]:
    attempt(repr(text), lambda: base64.b64decode(text, validate=True))
attempt("nonascii", lambda: base64.b64decode("é"))
attempt("int", lambda: base64.b64decode(3))
attempt("str", lambda: base64.b64encode("x"))
attempt("b32", lambda: base64.b32decode(b"MFRGG1=="))
attempt("b32pad", lambda: base64.b32decode(b"MFRGG=="))
attempt("b16", lambda: base64.b16decode(b"6a"))
print(binascii.hexlify(b"\x00\x10"), binascii.b2a_hex(b"ab", "-"), binascii.unhexlify("00ff"), binascii.a2b_hex(b"4142"))
print(binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b""))
print(binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"abc", newline=False), binascii.a2b_base64(b"YWJj\n"))
attempt("odd", lambda: binascii.unhexlify(b"abc"))
attempt("nonhex", lambda: binascii.unhexlify(b"zz"))

# hashlib
print(hashlib.sha256(b"abc").hexdigest())
print(hashlib.md5("x".encode()).hexdigest(), hashlib.sha1(b"").hexdigest()[:10], hashlib.sha224(b"abc").hexdigest())
print(hashlib.sha384(b"").hexdigest()[:16], hashlib.sha512(b"abc").hexdigest()[:16], hashlib.sha3_256(b"").hexdigest()[:16])
print(hashlib.sha224(b"a" * 200).hexdigest(), hashlib.sha224(b"b" * 56).hexdigest()[:16])
h = hashlib.new("SHA256")
h.update(b"hello ")
clone = h.copy()
h.update(bytearray(b"world"))
print(h.name, h.digest_size, h.block_size, h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), clone.hexdigest()[:12])
print(hashlib.md5(b"abc").digest(), hashlib.new("sha512", b"x").digest_size, hashlib.new("sha224").block_size)
s = hashlib.sha224()
for chunk in [b"ab", b"c"]:
    s.update(chunk)
print(s.hexdigest() == hashlib.sha224(b"abc").hexdigest(), s.copy().digest()[:4])
attempt("unknown", lambda: hashlib.new("foo"))
attempt("strhash", lambda: hashlib.sha256("x"))
attempt("strupdate", lambda: hashlib.md5().update("x"))
