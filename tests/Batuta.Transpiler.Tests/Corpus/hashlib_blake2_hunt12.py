"""Archive fingerprints: blake2b/blake2s digests of record chunks, keyed and salted, streamed and copied."""
import hashlib
data = b""
for i in range(300):
    data += bytes([(i * 7 + 3) % 256])
for n in [0, 1, 3, 63, 64, 65, 127, 128, 129, 255, 256, 257, 300]:
    chunk = data[:n]
    print(n, hashlib.blake2b(chunk).hexdigest(), hashlib.blake2s(chunk).hexdigest())
    print(hashlib.blake2b(chunk, digest_size=20, key=b"secret").hexdigest(), hashlib.blake2s(chunk, digest_size=16, key=b"k" * 32).hexdigest())
    print(hashlib.blake2b(chunk, salt=b"salty", person=b"me").hexdigest(), hashlib.blake2s(chunk, salt=b"s8", person=b"p").hexdigest())
    print(hashlib.blake2b(chunk, key=b"K" * 64, digest_size=64).hexdigest())
h = hashlib.blake2b()
for i in range(0, 300, 37):
    h.update(data[i:i + 37])
print(h.hexdigest(), h.digest()[:4], h.name, h.digest_size, h.block_size)
h2 = hashlib.new("blake2s", b"abc")
print(h2.hexdigest(), h2.name, h2.digest_size)
c = h2.copy()
c.update(b"def")
print(c.hexdigest(), h2.hexdigest())
print(hashlib.blake2b(b"x", digest_size=16).hexdigest())
try:
    hashlib.blake2s(b"x", digest_size=33)
except ValueError as e:
    print("error", e)
try:
    hashlib.blake2b(b"x", key=b"k" * 65)
except ValueError as e:
    print("error", e)
