import os


data = bytes([0, 1, 2, 250, 255]) + b"hello"
with open("blob.bin", "wb") as f:
    n = f.write(data)
    f.write(b"\x00\x10")
print(n, len(data), data[3], data[-1], data[1:4], list(data[:3]))
with open("blob.bin", "rb") as f:
    head = f.read(5)
    rest = f.read()
print(head, rest, head + rest == data + b"\x00\x10")
print(os.path.getsize("blob.bin"))
text = "héllo wörld"
raw = text.encode("utf-8")
print(raw, len(raw), raw.decode("utf-8") == text, raw.hex())
print(bytes.fromhex("deadbeef"), b"abc".upper(), b"a,b,c".split(b","), b"xyz".startswith(b"x"))
print(b"abc" == b"abc", b"abc" < b"abd", b"a" * 3, b"hello".find(b"l"), b"hello".count(b"l"))
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
print(ba, bytes(ba), len(ba))
checksum = 0
for byte in data:
    checksum = (checksum * 31 + byte) % 65521
print(checksum)
with open("blob.bin", "ab") as f:
    f.write(bytes(range(3)))
with open("blob.bin", "rb") as f:
    print(f.read()[-4:])
print(int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"))
os.remove("blob.bin")
