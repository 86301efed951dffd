"""Signal toolkit: inverse trig/hyperbolic functions on complex impedances, with branch cuts and special values."""
import cmath
import math

INF = float("inf")
NAN = float("nan")


def show(label, z):
    print("%-28s %r" % (label, z))


print("-- principal values")
for x in [0.5, -0.5, 2, -2, 1, -1, 0]:
    show("asin(%r)" % x, cmath.asin(x))
    show("acos(%r)" % x, cmath.acos(x))
    show("atan(%r)" % x, cmath.atan(x))
    show("asinh(%r)" % x, cmath.asinh(x))
    show("acosh(%r)" % x, cmath.acosh(x))
    if abs(x) != 1:
        show("atanh(%r)" % x, cmath.atanh(x))

print("-- branch cuts keep the sign of zero")
for z in [complex(2, 0.0), complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0)]:
    print(z, cmath.asin(z), cmath.acos(z), cmath.acosh(z), cmath.atanh(z))
for z in [complex(0.0, 2), complex(-0.0, 2), complex(0.0, -2), complex(-0.0, -2)]:
    print(z, cmath.asinh(z), cmath.atan(z))
print(cmath.sqrt(complex(-1, -0.0)), cmath.sqrt(complex(-1, 0.0)), cmath.sqrt(-4))
print(cmath.log(-1), cmath.log(complex(-1, -0.0)), cmath.log10(-100))

print("-- impedance sweep")
seed = 12345
for step in range(40):
    seed = (seed * 1103515245 + 12345) % 2147483648
    re = (seed % 2000) / 250.0 - 4.0
    seed = (seed * 1103515245 + 12345) % 2147483648
    im = (seed % 2000) / 250.0 - 4.0
    z = complex(re, im)
    print(step, z, cmath.asin(z), cmath.acos(z), cmath.atan(z))
    print("   ", cmath.asinh(z), cmath.acosh(z), cmath.atanh(z))
    back = cmath.sin(cmath.asin(z))
    print("    round trip ok:", cmath.isclose(back, z, rel_tol=1e-9, abs_tol=1e-12))

print("-- huge and tiny arguments")
for z in [complex(1e300, 1e300), complex(-1e308, 5), complex(3, -1e200), complex(1e-310, 1e-310), complex(1, 1e-170)]:
    print(z, cmath.asin(z), cmath.acos(z), cmath.atan(z))
    print("   ", cmath.asinh(z), cmath.acosh(z), cmath.atanh(z))

print("-- special values")
specials = [-INF, -1.5, -0.0, 0.0, 1.5, INF, NAN]
for re in specials:
    for im in specials:
        z = complex(re, im)
        if math.isfinite(re) and math.isfinite(im):
            continue
        row = [cmath.sqrt(z), cmath.log(z), cmath.acos(z), cmath.asinh(z), cmath.atanh(z), cmath.acosh(z), cmath.asin(z), cmath.atan(z)]
        print(z, " ".join(repr(w) for w in row))

print("-- domain errors")
for bad in [1, -1]:
    try:
        cmath.atanh(bad)
    except ValueError as e:
        print("atanh(%d):" % bad, e)
try:
    cmath.atan(1j)
except ValueError as e:
    print("atan(1j):", e)
print("isinf", cmath.isinf(complex(INF, 0)), "isnan", cmath.isnan(cmath.acos(complex(NAN, 1))))
