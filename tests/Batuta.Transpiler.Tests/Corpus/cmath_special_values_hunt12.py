"""Phasor table: exponentials, hyperbolic functions and polar conversion of complex values at the edges of the range."""
import cmath
import math

INF = float("inf")
NAN = float("nan")
EDGES = [-INF, -2.0, -0.0, 0.0, 2.0, INF, NAN]


def fmt(z):
    return "(%r, %r)" % (z.real, z.imag)


def attempt(label, func, z):
    try:
        return fmt(func(z))
    except ValueError as e:
        return label + ":ValueError(" + str(e) + ")"
    except OverflowError as e:
        return label + ":OverflowError(" + str(e) + ")"


def rect_of(z):
    return cmath.rect(z.real, z.imag)


table = [("exp", cmath.exp), ("sin", cmath.sin), ("cos", cmath.cos), ("tan", cmath.tan),
         ("sinh", cmath.sinh), ("cosh", cmath.cosh), ("tanh", cmath.tanh), ("rect", rect_of)]

for name, func in table:
    print("==", name)
    for re in EDGES:
        cells = []
        for im in EDGES:
            cells.append(attempt(name, func, complex(re, im)))
        print(" %5r: %s" % (re, " ".join(cells)))

print("== large arguments")
for x in [700.0, 709.5, 710.0, -709.5, 1000.0]:
    for name, func in table[:7]:
        print(name, x, attempt(name, func, complex(x, 0.75)))

print("== phasors")
for k in range(12):
    phi = k * math.pi / 6
    z = cmath.rect(2.0, phi)
    r, back = cmath.polar(z)
    print(k, fmt(z), round(r, 12), round(back, 12), fmt(cmath.exp(1j * phi)))
