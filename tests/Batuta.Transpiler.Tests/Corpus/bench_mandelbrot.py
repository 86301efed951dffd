import sys


def mandelbrot(size: int) -> int:
    total = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        byte_acc = 0
        bit = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = 0.0
            zi = 0.0
            escaped = False
            for _ in range(50):
                tr = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = tr
                if zr * zr + zi * zi > 4.0:
                    escaped = True
                    break
            byte_acc = (byte_acc << 1) | (0 if escaped else 1)
            bit += 1
            if bit == 8:
                total = (total * 31 + byte_acc) % 1000000007
                byte_acc = 0
                bit = 0
        if bit > 0:
            byte_acc <<= 8 - bit
            total = (total * 31 + byte_acc) % 1000000007
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 64
print(mandelbrot(n))
