import struct
import os
import tempfile
import zlib
import binascii
from collections import namedtuple

HEADER = struct.Struct('<4sHHI')
RECORD = struct.Struct('<I16sdh?x')
Rec = namedtuple('Rec', 'ident name score delta active')
MAGIC = b'RECS'

def encode_name(name):
    raw = name.encode('utf-8')[:16]
    return raw.ljust(16, b'\0')

def write_file(path, recs):
    body = b''.join(RECORD.pack(r.ident, encode_name(r.name), r.score, r.delta, r.active) for r in recs)
    with open(path, 'wb') as fh:
        fh.write(HEADER.pack(MAGIC, 1, RECORD.size, len(recs)))
        fh.write(body)
        fh.write(struct.pack('>I', zlib.crc32(body)))
    return len(body)

def read_file(path):
    with open(path, 'rb') as fh:
        magic, ver, size, count = HEADER.unpack(fh.read(HEADER.size))
        if magic != MAGIC:
            raise ValueError('bad magic %r' % magic)
        body = fh.read(size * count)
        (crc,) = struct.unpack('>I', fh.read(4))
        rest = fh.read()
    print('header:', magic, ver, size, count, 'crc ok:', crc == zlib.crc32(body), 'rest:', rest)
    out = []
    for off in range(0, len(body), size):
        ident, name, score, delta, active = RECORD.unpack_from(body, off)
        out.append(Rec(ident, name.rstrip(b'\0').decode('utf-8'), score, delta, active))
    return out

recs = [
    Rec(1, 'alpha', 3.5, -2, True),
    Rec(70000, 'beta-long-name-exceeding', 1e-3, 300, False),
    Rec(2**32 - 1, 'ñandú', -0.0, -32768, True),
]
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'data.bin')
n = write_file(path, recs)
print('sizes:', HEADER.size, RECORD.size, n, os.path.getsize(path), struct.calcsize('<I16sdh?x'), struct.calcsize('@ihq'))
back = read_file(path)
for r in back:
    print(r, r._asdict()['name'])
print(back[0] == recs[0], back[1].name, back[2]._replace(score=1.0))
with open(path, 'rb') as fh:
    head = fh.read(12)
print(binascii.hexlify(head), head.hex(' ', 4), binascii.crc32(head))
print(struct.pack('>hHiIqQ', -1, 1, -2, 2, -3, 3).hex())
print(struct.unpack('<3B2s', b'\x01\x02\x03ab'), struct.pack('!f', 1.5), struct.unpack('>d', struct.pack('>d', 0.1))[0])
print(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00\x03\x00')))
buf = bytearray(8)
struct.pack_into('<HI', buf, 1, 513, 0xDEADBEEF)
print(buf, bytes(buf).hex())
try:
    struct.pack('<h', 40000)
except struct.error as e:
    print('struct.error:', e)
try:
    struct.unpack('<I', b'ab')
except struct.error as e:
    print('struct.error:', e)
with open(path, 'r+b') as fh:
    fh.seek(0)
    fh.write(b'XXXX')
try:
    read_file(path)
except ValueError as e:
    print('ValueError:', e)
data = bytes(range(0, 256, 17))
print(data, data[::-1][:3], data.find(b'\x22'), int.from_bytes(data[:4], 'big'), (1024).to_bytes(4, 'little'))
print(bytes.fromhex('de ad be ef'), b'abc'.upper(), b'a,b'.split(b','), b'%d-%s' % (5, b'x'))
comp = zlib.compress(b'hello ' * 50)
print(len(comp) < 300, zlib.decompress(comp)[:12], zlib.adler32(b'abc'))
os.remove(path)
os.rmdir(tmp)
