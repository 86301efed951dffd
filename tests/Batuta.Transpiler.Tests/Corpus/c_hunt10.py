import cmath
import math
import os
from os import chmod, utime
from pathlib import Path


def file_modes():
    p = Path("c_hunt10_mode.txt")
    p.write_text("hello\n")
    chmod("c_hunt10_mode.txt", 0o600)
    print("mode", oct(os.stat("c_hunt10_mode.txt").st_mode & 0o777))
    p.chmod(0o644)
    st = p.stat()
    print("path stat", oct(st.st_mode & 0o777), oct(st.st_mode & 0o170000), st.st_size)
    print("owner", p.owner() == Path(".").owner())
    utime(str(p), (1000000000.5, 1234567890.25))
    print("times", os.stat(str(p)).st_mtime, os.path.getmtime(p), os.stat(p).st_atime)
    print("dir type", oct(os.stat(".").st_mode & 0o170000))
    p.unlink()
    try:
        os.stat("c_hunt10_missing.txt")
    except FileNotFoundError as e:
        print("stat missing:", e)
    try:
        os.chmod("c_hunt10_missing.txt", 0o644)
    except FileNotFoundError as e:
        print("chmod missing:", e)


def process_info():
    old = os.umask(0o077)
    print("umask", os.umask(old) == 0o077)
    print("cpu", os.cpu_count() is not None, os.cpu_count() >= 1, os.getpid() > 0)


def quadratic_roots(a, b, c):
    d = cmath.sqrt(b * b - 4 * a * c)
    return (-b + d) / (2 * a), (-b - d) / (2 * a)


def complex_numbers():
    z = complex(3, 4)
    w = 1 - 2j
    print(z, w, abs(z), z.real, z.imag, z.conjugate())
    print(z + w, z * w, z / w, z ** 2, -z, z == complex(3.0, 4.0), z != 3)
    print(z * 2, 1.5 * z, z - 2, 2 - z, 2 / z, z ** 0.5, 2 ** z, z ** -2, [1j ** k for k in range(4)])
    print(repr(2j), str(complex(0, 0)), complex("1+2j"), complex("(1-2j)"), complex("j"), complex(" -1.5e3+2.25J "))
    print(complex(-0.0, -0.0), complex(0, -0.0), complex(1j, 1j), complex(), 1e20j, complex(math.inf, math.nan))
    print(f"{z:.2f}", format(w, ".1f"), f"{z!r} [{z:>12}] [{z:<14.3f}] {z:e}", format(1 + 2j, "+.1f"), round(abs(w), 3))
    print(hash(complex(2, 0)) == hash(2), hash(1.5 + 0j) == hash(1.5), hash(3 + 4j), isinstance(z, complex), bool(0j))
    zs = [complex(1, 1), 2j, -1 + 0.5j, 3]
    print(sum(zs), sorted(zs, key=abs), {1j: "a", complex(2, 0): "b"}[2])
    print(quadratic_roots(1, 2, 5), quadratic_roots(1, -3, 2))
    for bad in ["abc", "1+", "(1+2j"]:
        try:
            complex(bad)
        except ValueError as e:
            print("ValueError:", e)
    try:
        print(1 / 0j)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(z < w)
    except TypeError as e:
        print("TypeError:", e)


def cmath_functions():
    z = complex(3, 4)
    print(cmath.sqrt(-1), cmath.phase(z), cmath.polar(z), cmath.polar(-2), cmath.phase(complex(-1, -0.0)))
    print(cmath.exp(1j * math.pi), cmath.rect(2, math.pi / 2), cmath.exp(z))
    print(cmath.log(z), cmath.log10(100), cmath.log(8, 2), cmath.cos(z), cmath.sin(1j), cmath.tan(z))
    print(cmath.sinh(z), cmath.cosh(1 + 1j), cmath.tanh(z))
    print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj))
    print(cmath.isclose(cmath.exp(2j), complex(math.cos(2), math.sin(2))), cmath.isclose(1, 1.0000000001))


file_modes()
process_info()
complex_numbers()
cmath_functions()
