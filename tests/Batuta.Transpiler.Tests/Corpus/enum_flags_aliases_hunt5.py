"""enum.Flag: auto() powers of two, members defined from others, | & ^ ~, in, truthiness, pseudo-member names; Enum aliases."""
from enum import Enum, Flag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    ALL = R | W | X


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), rw is Perm.RW, rw.value, rw.name)
rx = Perm.R | Perm.X
print(rx, repr(rx), rx.value, rx.name, Perm.X in rx, Perm.W in rx)
print(Perm.ALL & ~Perm.W, (Perm.R ^ Perm.RW), bool(Perm.R & Perm.W), Perm.R & Perm.W)
print([p.name for p in Perm], Perm(3), Perm.ALL.value)
print(Color.CRIMSON is Color.RED, Color.CRIMSON, [c.name for c in Color], Color(1))
granted = Perm.R
for extra in [Perm.W, Perm.X]:
    granted |= extra
print(granted, granted is Perm.ALL)
